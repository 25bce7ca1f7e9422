using Dapper;
using Jixiao.Storage;
using Jixiao.Storage.Ingest;
using Jixiao.Cli.Ingest;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Ingest;

/// <summary>The batch import on SQLite and PostgreSQL: what is stored, what is skipped, what failed, and that memory is bounded.</summary>
[Collection("ingest")]
public class BatchImportTests(TestDatabases databases, GeneratedInput input)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    // Small batches so that even 400 forms take several transactions, as a large import does.
    private static readonly BatchImportOptions Options = new() { BatchSize = 64, QueueCapacity = 128, Actor = "test" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_distinct_form_is_stored_once_with_its_unit_and_one_import_audit_row(string kind)
    {
        var db = await databases.FreshAsync(kind);

        var summary = await BatchImport.RunAsync(db, input.Files, Options);

        Assert.Equal(input.Forms, summary.Read);
        Assert.Equal(input.DistinctForms, summary.Stored);
        Assert.Equal(input.Forms - input.DistinctForms, summary.Skipped);
        Assert.True(summary.Skipped >= 1, "the copied file holds forms stored already in the same run");
        await IngestAssert.ConsistentAsync(db, input.DistinctForms);
        await using var c = await db.ConnectAsync();
        // The organisations are created as the web application creates them: every form of a named unit points at it,
        // under its 主管部门.
        var mismatched = await c.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM forms f
            LEFT JOIN organisations u ON u.id = f.unit_id AND u.kind = 'unit'
            LEFT JOIN organisations d ON d.id = u.parent_id AND d.kind = 'department'
            WHERE f.implementing_unit IS NOT NULL AND (u.name IS NULL OR u.name <> f.implementing_unit OR d.name <> f.department)
            """);
        Assert.Equal(0, mismatched);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE kind = 'finance'"));
        Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT implementing_unit) FROM forms"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE kind = 'unit'"));
    }

    [Fact]
    public async Task On_postgresql_the_pooled_connections_carry_no_staging_table_or_setting_of_the_import_afterwards()
    {
        var db = await databases.FreshAsync("postgres");
        // The pool does not reset connections when they go back (Database.Open), so the writer must undo its own.
        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString).NoResetOnClose);
        await BatchImport.RunAsync(db, input.Files, Options);

        // Every idle connection of the pool at once: the writer's is among them.
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => db.ConnectAsync()));
        try
        {
            foreach (var c in connections)
            {
                Assert.Null(await c.ExecuteScalarAsync<string?>("SELECT CAST(to_regclass('pg_temp.ingest_staging') AS text)"));
                Assert.Equal(await c.ExecuteScalarAsync<string>("SELECT boot_val FROM pg_settings WHERE name = 'default_toast_compression'"),
                    await c.ExecuteScalarAsync<string>("SHOW default_toast_compression"));
            }
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_second_run_stores_nothing_and_skips_every_form(string kind)
    {
        var db = await databases.FreshAsync(kind);
        await BatchImport.RunAsync(db, input.Files, Options);

        var again = await BatchImport.RunAsync(db, input.Files, Options);

        Assert.Equal(0, again.Stored);
        Assert.Equal(input.Forms, again.Skipped);
        await IngestAssert.ConsistentAsync(db, input.DistinctForms);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_file_that_is_not_a_form_is_listed_by_name_and_the_others_are_stored(string kind)
    {
        var db = await databases.FreshAsync(kind);

        var summary = await BatchImport.RunAsync(db, input.Files, Options);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(input.JunkFile, failure.File);
        Assert.Null(failure.Line); // the whole file: no line of it is a form
        Assert.Contains("无法识别为绩效表", failure.Message);
        Assert.Equal(input.DistinctForms, summary.Stored);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Readers_wait_for_the_writer_when_the_queue_is_full_so_memory_does_not_grow_with_the_input(string kind)
    {
        var db = await databases.FreshAsync(kind);
        var options = new BatchImportOptions { BatchSize = 10, QueueCapacity = 20, Parallelism = 2, Actor = "test" };
        // In memory at once, at most: the queue, the batch being written, and one file's forms (≤ 5) per reader.
        var bound = options.QueueCapacity + options.BatchSize + options.Parallelism * 5;
        Assert.True(input.Forms > 5 * bound, "the input must be much larger than the bound for the test to mean anything");
        long pendingWhileBlocked = -1;

        // The writer stops after its first batch until a reader has found the queue full. With an unbounded queue no
        // reader would ever wait, and the deadline below would fail the test.
        var summary = await BatchImport.RunAsync(db, input.Files, options, afterBatch: p =>
        {
            if (p.Batches != 1) return;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (p.ProducerWaits == 0)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("no reader ever waited: the queue is not bounded");
                Thread.Sleep(5);
            }
            pendingWhileBlocked = p.Pending;
        });

        Assert.InRange(pendingWhileBlocked, 1, bound);
        Assert.InRange(summary.PeakPending, 1, bound);
        Assert.Equal(input.DistinctForms, summary.Stored);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_importer_holds_at_most_the_queue_and_the_readers_forms_not_a_batch(string kind)
    {
        var db = await databases.FreshAsync(kind);
        // A batch far larger than the queue: if the writer collected a batch in memory, it would hold 150 forms.
        var options = new BatchImportOptions { BatchSize = 150, QueueCapacity = 10, Parallelism = 2, Actor = "test" };
        // The queue, one file's forms (≤ 5) per reader, and the one form the writer is sending.
        var bound = options.QueueCapacity + options.Parallelism * 5 + 1;
        long heldAtCommit = -1;

        var summary = await BatchImport.RunAsync(db, input.Files, options,
            afterBatch: p => { if (p.Batches == 1) heldAtCommit = p.Held; });

        Assert.True(input.Forms >= 2 * options.BatchSize, "several batches");
        Assert.InRange(summary.PeakHeld, 1, bound);
        Assert.InRange(heldAtCommit, 0, bound);
        Assert.True(summary.PeakPending > bound, "a batch is larger than what is held: it lives in the database's transaction");
        Assert.Equal(input.DistinctForms, summary.Stored);
        await IngestAssert.ConsistentAsync(db, input.DistinctForms);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_cancelled_import_keeps_whole_batches_only_and_a_rerun_completes_it(string kind)
    {
        var db = await databases.FreshAsync(kind);
        using var cancel = new CancellationTokenSource();

        var first = await BatchImport.RunAsync(db, input.Files, Options, afterBatch: p => { if (p.Batches == 2) cancel.Cancel(); }, ct: cancel.Token);

        Assert.True(first.Interrupted);
        Assert.Equal(2 * Options.BatchSize, first.Stored + first.Skipped);
        await IngestAssert.ConsistentAsync(db, (int)first.Stored);
        var second = await BatchImport.RunAsync(db, input.Files, Options);
        Assert.Equal(input.DistinctForms - first.Stored, second.Stored);
        await IngestAssert.ConsistentAsync(db, input.DistinctForms);
    }
}

internal static class IngestAssert
{
    /// <summary>
    /// The database holds exactly <paramref name="forms"/> forms, each with exactly one 'import' audit row, no audit
    /// row without its form, and no content twice.
    /// </summary>
    public static async Task ConsistentAsync(Database db, int forms)
    {
        await using var c = await db.ConnectAsync();
        Assert.Equal(forms, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM forms"));
        Assert.Equal(forms, await c.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT content_hash) FROM forms"));
        Assert.Equal(forms, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM forms f WHERE (SELECT COUNT(*) FROM audit_log a WHERE a.form_id = f.id AND a.action = 'import') <> 1"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM forms f WHERE f.id = a.form_id)"));
    }
}
