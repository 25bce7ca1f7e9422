using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using PreparedForm = Jixiao.Storage.Ingest.BatchImport.PreparedForm;

namespace Jixiao.Storage.Ingest;

/// <summary>
/// Stores batches of prepared forms, one transaction per batch: the forms not stored yet, their organisations and
/// their 'import' audit rows, or nothing. Holds one connection for the whole run.
/// </summary>
internal abstract class BatchWriter : IAsyncDisposable
{
    protected readonly Database Db;
    protected readonly DbConnection Connection;
    protected readonly string Actor;

    // (主管部门, 实施单位) → unit id. Filled inside batch transactions; if one rolls back the run ends, so no stale id is reused.
    private readonly Dictionary<(string?, string?), long?> _units = new();

    protected BatchWriter(Database db, DbConnection connection, string actor)
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

    protected virtual Task InitialiseAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Stores the batch in one transaction; returns how many forms were new (the rest were stored already).</summary>
    public async Task<int> WriteAsync(IReadOnlyList<PreparedForm> batch, CancellationToken ct)
    {
        await using var tx = await Connection.BeginTransactionAsync(ct);
        var units = new long?[batch.Count];
        for (int i = 0; i < batch.Count; i++) units[i] = await UnitAsync(tx, batch[i].Department, batch[i].ImplementingUnit);
        var stored = await InsertAsync(tx, batch, units, Db.Time(DateTimeOffset.UtcNow), ct);
        await tx.CommitAsync(ct);
        return stored;
    }

    protected abstract Task<int> InsertAsync(DbTransaction tx, IReadOnlyList<PreparedForm> batch, long?[] units, object now, CancellationToken ct);

    private async Task<long?> UnitAsync(DbTransaction tx, string? department, string? unit)
    {
        if (_units.TryGetValue((department, unit), out var id)) return id;
        id = await OrganisationTree.EnsureUnitAsync(Connection, tx, department, unit);
        _units[(department, unit)] = id;
        return id;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

/// <summary>
/// SQLite: two prepared statements reused for every form of a large transaction. SQLite has one writer and no bulk
/// protocol; prepared statements inside one transaction are its fast path (the journal is written once per commit).
/// </summary>
internal sealed class SqliteBatchWriter(Database db, DbConnection c, string actor) : BatchWriter(db, c, actor)
{
    private SqliteCommand? _form, _audit;

    protected override async Task InitialiseAsync(CancellationToken ct)
    {
        // A bigger page cache keeps the content_hash index in memory during a long import (64 MB, per connection).
        await Connection.ExecuteAsync("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
    }

    protected override Task<int> InsertAsync(DbTransaction tx, IReadOnlyList<PreparedForm> batch, long?[] units, object now, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)Connection;
        if (_form is null)
        {
            _form = sqlite.CreateCommand();
            _form.CommandText = """
                INSERT INTO forms (kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
                                   document, total_score, grade, created_at, updated_at)
                VALUES ($kind, $year, $project, $department, $unit, $unitId, 'draft', 1, $hash, $document, $score, $grade, $now, $now)
                ON CONFLICT (content_hash) DO NOTHING
                RETURNING id
                """;
            foreach (var p in new[] { "$kind", "$year", "$project", "$department", "$unit", "$unitId", "$hash", "$document", "$score", "$grade", "$now" })
                _form.Parameters.Add(new SqliteParameter { ParameterName = p });
            _audit = sqlite.CreateCommand();
            _audit.CommandText = "INSERT INTO audit_log (form_id, at, actor, action, version, reason) VALUES ($id, $now, $actor, 'import', 1, $file)";
            foreach (var p in new[] { "$id", "$now", "$actor", "$file" })
                _audit.Parameters.Add(new SqliteParameter { ParameterName = p });
        }
        _form.Transaction = (SqliteTransaction)tx;
        _audit!.Transaction = (SqliteTransaction)tx;
        var fp = _form.Parameters;
        var ap = _audit.Parameters;
        fp["$now"].Value = now;
        ap["$now"].Value = now;
        ap["$actor"].Value = Actor;
        int stored = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var f = batch[i];
            fp[0].Value = f.Kind;
            fp[1].Value = (object?)f.Year ?? DBNull.Value;
            fp[2].Value = (object?)f.ProjectName ?? DBNull.Value;
            fp[3].Value = (object?)f.Department ?? DBNull.Value;
            fp[4].Value = (object?)f.ImplementingUnit ?? DBNull.Value;
            fp[5].Value = (object?)units[i] ?? DBNull.Value;
            fp[6].Value = f.Hash;
            fp[7].Value = f.Document;
            fp[8].Value = Db.Number(f.TotalScore) ?? DBNull.Value;
            fp[9].Value = (object?)f.Grade ?? DBNull.Value;
            var id = _form.ExecuteScalar();
            if (id is null or DBNull) continue;
            ap[0].Value = id;
            ap[3].Value = (object?)f.File ?? DBNull.Value;
            _audit.ExecuteNonQuery();
            stored++;
        }
        return Task.FromResult(stored);
    }
}

/// <summary>
/// PostgreSQL: the batch goes by binary COPY into a temporary staging table, then one statement inserts the forms not
/// stored yet and their audit rows. COPY is PostgreSQL's bulk path; the INSERT … SELECT keeps the uniqueness and
/// the audit trail that a COPY straight into forms could not.
/// </summary>
internal sealed class PostgresBatchWriter(Database db, DbConnection c, string actor) : BatchWriter(db, c, actor)
{
    protected override async Task InitialiseAsync(CancellationToken ct)
    {
        // ON COMMIT DELETE ROWS: every batch starts with an empty staging table, also after a rolled-back one. The
        // staged document is stored uncompressed (EXTERNAL): it is read once, a moment later, so compressing it would
        // only cost CPU. lz4 for the stored documents: several times faster than the default pglz at a similar size
        // (this session only; the server falls back to pglz for values written elsewhere).
        await Connection.ExecuteAsync("""
            CREATE TEMPORARY TABLE IF NOT EXISTS ingest_staging (
                seq integer, kind text, year integer, project_name text, department text, implementing_unit text,
                unit_id bigint, content_hash text, document text, total_score numeric(9, 2), grade text, file text
            ) ON COMMIT DELETE ROWS;
            ALTER TABLE ingest_staging ALTER COLUMN document SET STORAGE EXTERNAL;
            """);
        try { await Connection.ExecuteAsync("SET default_toast_compression = 'lz4'"); }
        catch (PostgresException) { /* a server built without lz4 keeps pglz */ }
    }

    protected override async Task<int> InsertAsync(DbTransaction tx, IReadOnlyList<PreparedForm> batch, long?[] units, object now, CancellationToken ct)
    {
        var pg = (NpgsqlConnection)Connection;
        // The same form twice in one batch (two files): only the first goes to the database, the others count as skipped.
        var seen = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        await using (var copy = await pg.BeginBinaryImportAsync(
            "COPY ingest_staging (seq, kind, year, project_name, department, implementing_unit, unit_id, content_hash, document, total_score, grade, file) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                var f = batch[i];
                if (!seen.Add(f.Hash)) continue;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(f.Kind, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, f.Year, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, f.ProjectName, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, f.Department, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, f.ImplementingUnit, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, units[i], NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(f.Hash, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(f.Document, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, f.TotalScore, NpgsqlDbType.Numeric, ct);
                await WriteNullable(copy, f.Grade, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, f.File, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // The audit insert's row count is the number of new forms.
        return await Connection.ExecuteAsync(new CommandDefinition("""
            WITH ins AS (
                INSERT INTO forms (kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
                                   document, total_score, grade, created_at, updated_at)
                SELECT kind, year, project_name, department, implementing_unit, unit_id, 'draft', 1, content_hash,
                       CAST(document AS jsonb), total_score, grade, @now, @now
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
            """, new { now, actor = Actor }, tx, commandTimeout: 0, cancellationToken: ct));
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);
}
