using System.Data.Common;
using Dapper;
using Jixiao.Core.Monitoring;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Jixiao.Storage.Ingest;

/// <summary>
/// Stores prepared forms in batches, one transaction per batch: the forms not stored yet, their organisations and their
/// 'import' audit rows, or nothing. A form goes to the database as soon as it is added (SQLite: its INSERT; PostgreSQL:
/// its row of the COPY into the staging table), so the writer holds no batch of documents in memory: the transaction
/// does. Holds one connection for the whole run.
/// </summary>
public abstract class BatchWriter : IAsyncDisposable
{
    protected readonly Database Db;
    protected readonly DbConnection Connection;
    protected readonly string Actor;
    private DbTransaction? _tx;
    private int _forms;

    // (主管部门, 实施单位) → unit id. Filled inside batch transactions; if one rolls back the run ends, so no stale id is reused.
    private readonly Dictionary<(string?, string?), long?> _units = new();

    private protected BatchWriter(Database db, DbConnection connection, string actor)
    {
        Db = db;
        Connection = connection;
        Actor = actor;
    }

    public static async Task<BatchWriter> OpenAsync(Database db, string actor, CancellationToken ct)
    {
        var c = await db.ConnectAsync(ct);
        BatchWriter w = db.Kind == DatabaseKind.PostgreSql ? new PostgresBatchWriter(db, c, actor) : new SqliteBatchWriter(db, c, actor);
        await w.InitialiseAsync(ct);
        return w;
    }

    private protected virtual Task InitialiseAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Forms added to the batch in progress.</summary>
    public int Pending => _forms;

    /// <summary>Adds a form to the batch in progress (starting one if none is open): it is written, not yet committed.</summary>
    public async Task AddAsync(FormRow form, CancellationToken ct)
    {
        if (_tx is null)
        {
            _tx = await Connection.BeginTransactionAsync(ct);
            await BeginAsync(_tx, Db.Time(DateTimeOffset.UtcNow), ct);
        }
        var unit = await UnitAsync(_tx, form.Department, form.ImplementingUnit, ct);
        await AddAsync(_tx, form, unit, _forms++, ct);
    }

    /// <summary>Commits the batch in progress; returns how many of its forms were new (the rest were stored already).</summary>
    public async Task<int> CommitAsync(CancellationToken ct)
    {
        if (_tx is null) return 0;
        var stored = await FinishAsync(_tx, ct);
        await _tx.CommitAsync(ct);
        await _tx.DisposeAsync();
        _tx = null;
        _forms = 0;
        return stored;
    }

    private protected abstract Task BeginAsync(DbTransaction tx, object now, CancellationToken ct);
    private protected abstract Task AddAsync(DbTransaction tx, FormRow form, long? unit, int seq, CancellationToken ct);
    private protected abstract Task<int> FinishAsync(DbTransaction tx, CancellationToken ct);

    /// <summary>Called before the writer runs another statement in the batch (a new organisation): PostgreSQL ends its COPY.</summary>
    private protected virtual Task PauseAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<long?> UnitAsync(DbTransaction tx, string? department, string? unit, CancellationToken ct)
    {
        if (_units.TryGetValue((department, unit), out var id)) return id;
        await PauseAsync(ct);
        id = await OrganisationTree.EnsureUnitAsync(Connection, tx, department, unit);
        _units[(department, unit)] = id;
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        // A batch still open here was interrupted: its COPY is cancelled first, then disposing the transaction rolls it back.
        await DisposeCoreAsync();
        if (_tx is not null) await _tx.DisposeAsync();
        await ResetSessionAsync();
        await Connection.DisposeAsync();
    }

    private protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>Session state this writer set (a staging table, a setting), undone before the connection goes back to the pool.</summary>
    private protected virtual Task ResetSessionAsync() => Task.CompletedTask;
}

/// <summary>
/// SQLite: two prepared statements reused for every form of a large transaction. SQLite has one writer and no bulk
/// protocol; prepared statements inside one transaction are its fast path (the journal is written once per commit).
/// </summary>
internal sealed class SqliteBatchWriter(Database db, DbConnection c, string actor) : BatchWriter(db, c, actor)
{
    private SqliteCommand? _form, _audit;

    private protected override async Task InitialiseAsync(CancellationToken ct)
    {
        // A bigger page cache keeps the content_hash index in memory during a long import (64 MB, per connection).
        await Connection.ExecuteAsync("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
    }

    private int _stored;

    private protected override Task BeginAsync(DbTransaction tx, object now, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)Connection;
        if (_form is null)
        {
            _form = sqlite.CreateCommand();
            _form.CommandText = FormRows.Insert(Db);
            foreach (var p in new[] { "@Kind", "@Year", "@ProjectName", "@Department", "@ImplementingUnit", "@UnitId", "@Hash", "@Document", "@TotalScore", "@Grade", "@Now", "@DeclarationId", "@AdjustsId",
                                      "@ErrorCount", "@WarningCount", "@FindingCodes", "@ExecutionRate", "@Budget", "@Executed", "@Light" })
                _form.Parameters.Add(new SqliteParameter { ParameterName = p, Value = DBNull.Value });
            _audit = sqlite.CreateCommand();
            _audit.CommandText = FormRows.InsertImportEntry;
            foreach (var p in new[] { "@Id", "@Now", "@Actor", "@File" })
                _audit.Parameters.Add(new SqliteParameter { ParameterName = p });
        }
        _form.Transaction = (SqliteTransaction)tx;
        _audit!.Transaction = (SqliteTransaction)tx;
        _form.Parameters["@Now"].Value = now;
        _audit.Parameters["@Now"].Value = now;
        _audit.Parameters["@Actor"].Value = Actor;
        _stored = 0;
        return Task.CompletedTask;
    }

    private protected override Task AddAsync(DbTransaction tx, FormRow f, long? unit, int seq, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var fp = _form!.Parameters;
        fp[0].Value = f.Kind;
        fp[1].Value = (object?)f.Year ?? DBNull.Value;
        fp[2].Value = (object?)f.ProjectName ?? DBNull.Value;
        fp[3].Value = (object?)f.Department ?? DBNull.Value;
        fp[4].Value = (object?)f.ImplementingUnit ?? DBNull.Value;
        fp[5].Value = (object?)unit ?? DBNull.Value;
        fp[6].Value = f.Hash;
        fp[7].Value = f.Document;
        fp[8].Value = Db.Number(f.TotalScore) ?? DBNull.Value;
        fp[9].Value = (object?)f.Grade ?? DBNull.Value;
        fp[13].Value = (object?)f.Figures?.Errors ?? DBNull.Value;
        fp[14].Value = (object?)f.Figures?.Warnings ?? DBNull.Value;
        fp[15].Value = (object?)f.Figures?.CodesText ?? DBNull.Value;
        fp[16].Value = Db.Number(f.Figures?.ExecutionRate) ?? DBNull.Value;
        fp[17].Value = Db.Number(f.Figures?.Budget) ?? DBNull.Value;
        fp[18].Value = Db.Number(f.Figures?.Executed) ?? DBNull.Value;
        fp[19].Value = (object?)f.Figures?.Light?.ToCode() ?? DBNull.Value;
        var id = _form.ExecuteScalar();
        // The document is in SQLite's pages now; the parameter must not keep the last one alive until the next form.
        fp[7].Value = DBNull.Value;
        if (id is null or DBNull) return Task.CompletedTask;
        var ap = _audit!.Parameters;
        ap["@Id"].Value = id;
        ap["@File"].Value = (object?)f.File ?? DBNull.Value;
        _audit.ExecuteNonQuery();
        _stored++;
        return Task.CompletedTask;
    }

    private protected override Task<int> FinishAsync(DbTransaction tx, CancellationToken ct) => Task.FromResult(_stored);

    private protected override ValueTask DisposeCoreAsync()
    {
        _form?.Dispose();
        _audit?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// PostgreSQL: the batch goes by binary COPY into a temporary staging table, then one statement inserts the forms not
/// stored yet and their audit rows. COPY is PostgreSQL's bulk path; the INSERT … SELECT keeps the uniqueness and
/// the audit trail that a COPY straight into forms could not.
/// </summary>
internal sealed class PostgresBatchWriter(Database db, DbConnection c, string actor) : BatchWriter(db, c, actor)
{
    private protected override async Task InitialiseAsync(CancellationToken ct)
    {
        // ON COMMIT DELETE ROWS: every batch starts with an empty staging table, also after a rolled-back one. The
        // staged document is stored uncompressed (EXTERNAL): it is read once, a moment later, so compressing it would
        // only cost CPU. lz4 for the stored documents: several times faster than the default pglz at a similar size
        // (this session only; the server falls back to pglz for values written elsewhere).
        await Connection.ExecuteAsync("""
            CREATE TEMPORARY TABLE IF NOT EXISTS ingest_staging (
                seq integer, kind text, year integer, project_name text, department text, implementing_unit text,
                unit_id bigint, content_hash text, document text, total_score numeric(9, 2), grade text, file text,
                error_count integer, warning_count integer, finding_codes text, execution_rate numeric(12, 2),
                budget numeric(16, 2), executed numeric(16, 2), light text
            ) ON COMMIT DELETE ROWS;
            ALTER TABLE ingest_staging ALTER COLUMN document SET STORAGE EXTERNAL;
            """);
        try { await Connection.ExecuteAsync("SET default_toast_compression = 'lz4'"); }
        catch (PostgresException) { /* a server built without lz4 keeps pglz */ }
    }

    private NpgsqlBinaryImporter? _copy;
    private object? _now;

    // The same form twice in one batch (two files): only the first goes to the database, the others count as skipped.
    // Hashes only (64 characters each), not documents.
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private protected override Task BeginAsync(DbTransaction tx, object now, CancellationToken ct)
    {
        _now = now;
        _seen.Clear();
        return Task.CompletedTask;
    }

    private protected override async Task AddAsync(DbTransaction tx, FormRow f, long? unit, int seq, CancellationToken ct)
    {
        if (!_seen.Add(f.Hash)) return;
        // One COPY for the whole batch unless a new organisation interrupts it (a COPY holds the connection); the
        // staging table takes several COPYs in one transaction.
        _copy ??= await ((NpgsqlConnection)Connection).BeginBinaryImportAsync(
            "COPY ingest_staging (seq, kind, year, project_name, department, implementing_unit, unit_id, content_hash, document, total_score, grade, file, "
            + "error_count, warning_count, finding_codes, execution_rate, budget, executed, light) FROM STDIN (FORMAT BINARY)", ct);
        var copy = _copy;
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(seq, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(f.Kind, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.Year, NpgsqlDbType.Integer, ct);
        await WriteNullable(copy, f.ProjectName, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.Department, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.ImplementingUnit, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, unit, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(f.Hash, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(f.Document, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.TotalScore, NpgsqlDbType.Numeric, ct);
        await WriteNullable(copy, f.Grade, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.File, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.Figures?.Errors, NpgsqlDbType.Integer, ct);
        await WriteNullable(copy, f.Figures?.Warnings, NpgsqlDbType.Integer, ct);
        await WriteNullable(copy, f.Figures?.CodesText, NpgsqlDbType.Text, ct);
        await WriteNullable(copy, f.Figures?.ExecutionRate, NpgsqlDbType.Numeric, ct);
        await WriteNullable(copy, f.Figures?.Budget, NpgsqlDbType.Numeric, ct);
        await WriteNullable(copy, f.Figures?.Executed, NpgsqlDbType.Numeric, ct);
        await WriteNullable(copy, f.Figures?.Light?.ToCode(), NpgsqlDbType.Text, ct);
    }

    private protected override async Task PauseAsync(CancellationToken ct)
    {
        if (_copy is null) return;
        await _copy.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
    }

    private protected override async Task<int> FinishAsync(DbTransaction tx, CancellationToken ct)
    {
        await PauseAsync(ct);
        // The audit insert's row count is the number of new forms.
        return await Connection.ExecuteAsync(new CommandDefinition($$"""
            WITH ins AS (
                INSERT INTO forms ({{FormRows.Columns}})
                SELECT kind, year, project_name, department, implementing_unit, unit_id, 'draft', 1, content_hash,
                       CAST(document AS jsonb), total_score, grade, @now, @now, NULL, NULL,
                       error_count, warning_count, finding_codes, execution_rate, budget, executed, light
                FROM ingest_staging s
                -- Forms stored already are left out before their documents are parsed as jsonb (a re-run is mostly
                -- these); ON CONFLICT still covers a writer that stores the same form meanwhile.
                WHERE NOT EXISTS (SELECT 1 FROM forms f WHERE f.content_hash = s.content_hash)
                ORDER BY seq
                ON CONFLICT (content_hash) DO NOTHING
                RETURNING id, content_hash
            )
            INSERT INTO audit_log (form_id, at, actor, action, version, reason)
            SELECT ins.id, @now, @actor, 'import', 1, s.file FROM ins JOIN ingest_staging s USING (content_hash)
            """, new { now = _now, actor = Actor }, tx, commandTimeout: 0, cancellationToken: ct));
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        // An interrupted COPY: cancelling it is what the rollback needs; errors here change nothing.
        if (_copy is not null)
        {
            try { await _copy.DisposeAsync(); } catch (Exception) { }
            _copy = null;
        }
    }

    // The pool does not reset connections (Database.Open): the staging table and the lz4 setting would stay with
    // this connection for whoever takes it next. A broken connection is not returned to the pool anyway.
    private protected override async Task ResetSessionAsync()
    {
        try { await Connection.ExecuteAsync("DISCARD ALL"); }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException) { }
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);
}
