using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Storage;

/// <summary>What a backup holds, counted in the snapshot it was taken from (not in the database as it is now).</summary>
public sealed record BackupCounts(long Forms, long AuditEntries, long Accounts)
{
    public override string ToString() => $"{Forms} 张表单、{AuditEntries} 条历史记录、{Accounts} 个账号";
}

public sealed record BackupResult(string File, BackupCounts Counts, long Bytes, TimeSpan Elapsed);

public sealed record RestoreResult(BackupCounts Counts, IReadOnlyList<Database.Migration> Applied, TimeSpan Elapsed);

/// <summary>
/// Backups that restore. SQLite: the database file itself, copied with SQLite's online backup API (a consistent
/// snapshot while the application keeps writing in WAL mode) and checked with integrity_check. PostgreSQL: a
/// pg_dump custom-format archive. The whole database is copied, whatever tables later migrations add. A restore
/// either replaces the target completely or leaves it as it was, and then brings it to the current schema.
/// </summary>
public static partial class Backup
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    // The tables that make a database Jixiao's; everything else is copied without being named.
    private static readonly string[] JixiaoTables = ["schema_migrations", "forms"];

    private enum FileFormat { Sqlite, PgDump, Other }

    public static Task<BackupResult> CreateAsync(Database db, string outFile, CancellationToken ct = default) =>
        db.Kind == DatabaseKind.Sqlite ? SqliteBackupAsync(db, outFile, ct) : PgBackupAsync(db, outFile, ct);

    /// <summary>
    /// Replaces the database with the backup. A target that already holds data is refused unless
    /// <paramref name="force"/>: a restore throws away everything written since the backup.
    /// </summary>
    public static async Task<RestoreResult> RestoreAsync(Database db, string fromFile, bool force, CancellationToken ct = default)
    {
        var from = Path.GetFullPath(fromFile);
        var format = Sniff(from);
        switch (db.Kind, format)
        {
            case (_, FileFormat.Other):
                throw new StorageException($"{from} 不是 Jixiao 备份文件（既不是 SQLite 数据库，也不是 pg_dump 自定义格式的备份），目标数据库没有改动。");
            case (DatabaseKind.PostgreSql, FileFormat.Sqlite):
                throw new StorageException($"{from} 是 SQLite 数据库的备份，不能恢复到 PostgreSQL 数据库；请用 SQLite 文件路径作 --db。目标数据库没有改动。");
            case (DatabaseKind.Sqlite, FileFormat.PgDump):
                throw new StorageException($"{from} 是 PostgreSQL 数据库的备份（pg_dump），不能恢复到 SQLite 数据库；请用 PostgreSQL 连接字符串（Host=…）作 --db。目标数据库没有改动。");
        }
        return db.Kind == DatabaseKind.Sqlite ? await SqliteRestoreAsync(db, from, force, ct) : await PgRestoreAsync(db, from, force, ct);
    }

    private static FileFormat Sniff(string file)
    {
        if (!File.Exists(file)) throw new StorageException($"备份文件不存在：{file}");
        var head = new byte[16];
        int n;
        using (var s = File.OpenRead(file)) n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n >= SqliteHeader.Length && head.AsSpan(0, SqliteHeader.Length).SequenceEqual(SqliteHeader)) return FileFormat.Sqlite;
        if (n >= PgDumpHeader.Length && head.AsSpan(0, PgDumpHeader.Length).SequenceEqual(PgDumpHeader)) return FileFormat.PgDump;
        return FileFormat.Other;
    }

    private static string NotEmptyMessage(string what) =>
        $"目标数据库不是空的（{what}）：恢复会用备份替换其中的全部数据，备份之后写入的内容都会丢失。"
        + "确认要替换请加 --force（建议先用 jixiao db backup 备份目标数据库）。";

    private static StorageException Unchanged(StorageException ex) =>
        new(ex.Message.TrimEnd('。') + "；目标数据库没有改动。");

    // A file beside the final one, so that the last step is a rename within one file system (atomic).
    private static string TempBeside(string file) =>
        Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");

    private static void DeleteQuietly(string file)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            try { File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void ReplaceFile(string temp, string target)
    {
        try
        {
            // On disk before it takes the final name: a power cut must not leave a renamed but half-written file.
            using (var f = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite)) f.Flush(flushToDisk: true);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"无法写入 {target}：{ex.Message}");
        }
    }

    private static void PrepareOutput(string output)
    {
        try { Directory.CreateDirectory(Path.GetDirectoryName(output)!); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"无法建立备份文件所在的目录：{ex.Message}");
        }
        if (Directory.Exists(output)) throw new StorageException($"{output} 是一个目录：--out 要给出备份文件的路径。");
    }

    private static async Task<BackupCounts> CountAsync(DbConnection c, DbTransaction? tx, Func<string, Task<bool>> exists)
    {
        async Task<long> Count(string table) =>
            await exists(table) ? await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}", transaction: tx) : 0;
        return new BackupCounts(await Count("forms"), await Count("audit_log"), await Count("users"));
    }

    // ------------------------------------------------------------------ SQLite

    private static string SqlitePath(Database db) => Path.GetFullPath(new SqliteConnectionStringBuilder(db.ConnectionString).DataSource);

    // Connections of our own to a single file, not pooled: the file is renamed or deleted right after.
    private static SqliteConnection Standalone(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());

    private static async Task<BackupResult> SqliteBackupAsync(Database db, string outFile, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var source = SqlitePath(db);
        var output = Path.GetFullPath(outFile);
        // Opening a missing file would create an empty database and back that up.
        if (!File.Exists(source)) throw new StorageException($"数据库文件不存在：{source}");
        if (output == source || output == source + "-wal" || output == source + "-shm")
            throw new StorageException("备份文件不能是数据库文件本身：请给 --out 另一个路径。");
        PrepareOutput(output);
        var temp = TempBeside(output);
        try
        {
            await using (var src = (SqliteConnection)await db.ConnectAsync(ct))
            {
                await RequireJixiaoSqliteAsync(src, source);
                await using var dest = Standalone(temp, SqliteOpenMode.ReadWriteCreate);
                await dest.OpenAsync(ct);
                // One step (-1) copies every page under one read transaction: in WAL mode that is a snapshot of the
                // last commit, and writers in other connections or processes go on meanwhile.
                await RetryWhileBusyAsync(() => src.BackupDatabase(dest), ct);
            }
            var counts = await CheckSqliteCopyAsync(temp, $"{source} 的备份副本", ct);
            ReplaceFile(temp, output);
            return new BackupResult(output, counts, new FileInfo(output).Length, clock.Elapsed);
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"SQLite 备份失败：{ex.Message}");
        }
        finally { DeleteQuietly(temp); }
    }

    private static async Task RetryWhileBusyAsync(Action action, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                action();
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < 100) // SQLITE_BUSY, SQLITE_LOCKED
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private static async Task RequireJixiaoSqliteAsync(SqliteConnection c, string shownAs)
    {
        var tables = (await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet(StringComparer.Ordinal);
        var missing = JixiaoTables.Where(t => !tables.Contains(t)).ToList();
        if (missing.Count > 0)
            throw new StorageException($"{shownAs} 不是 Jixiao 数据库（没有 {string.Join("、", missing)} 表）。");
    }

    /// <summary>
    /// Makes the copy one self-contained file (rollback journal, not WAL: nothing beside it to lose) and checks it
    /// page by page, so that a backup or restore never ends with a file that does not open.
    /// </summary>
    private static async Task<BackupCounts> CheckSqliteCopyAsync(string file, string shownAs, CancellationToken ct)
    {
        await using var c = Standalone(file, SqliteOpenMode.ReadWrite);
        try
        {
            await c.OpenAsync(ct);
            await c.ExecuteAsync("PRAGMA journal_mode = DELETE");
            var problems = (await c.QueryAsync<string>("PRAGMA integrity_check")).ToList();
            if (problems is not ["ok"])
                throw new StorageException($"{shownAs} 已损坏（SQLite integrity_check：{string.Join("；", problems.Take(5))}）。");
        }
        catch (SqliteException ex)
        {
            throw new StorageException($"{shownAs} 不是可用的 SQLite 数据库：{ex.Message}");
        }
        await RequireJixiaoSqliteAsync(c, shownAs);
        return await CountAsync(c, null, async t =>
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @t", new { t }) > 0);
    }

    private static async Task<RestoreResult> SqliteRestoreAsync(Database db, string from, bool force, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var target = SqlitePath(db);
        if (from == target) throw new StorageException("备份文件就是目标数据库本身：请给 --db 另一个路径。");
        if (!force) await RequireEmptySqliteAsync(target, ct);
        var temp = TempBeside(target);
        try
        {
            IReadOnlyList<Database.Migration> applied;
            BackupCounts counts;
            try
            {
                try { File.Copy(from, temp); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new StorageException($"无法在目标数据库旁写入临时文件：{ex.Message}");
                }
                await CheckSqliteCopyAsync(temp, from, ct);

                // Brought to the current schema before it replaces the target, so that a failed migration leaves the
                // target as it was.
                var copy = Database.Open(temp);
                applied = await copy.MigrateAsync(ct);
                using (var pooled = new SqliteConnection(copy.ConnectionString)) SqliteConnection.ClearPool(pooled);
                counts = await CheckSqliteCopyAsync(temp, from, ct);
            }
            catch (StorageException ex) { throw Unchanged(ex); }

            // The target's -wal and -shm belong to the file being replaced: left beside the new one, SQLite would
            // replay the old log onto it. Removed first, then the rename, which is atomic.
            foreach (var sidecar in new[] { target + "-wal", target + "-shm", target + "-journal" })
                try { File.Delete(sidecar); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new StorageException($"无法删除 {sidecar}：{ex.Message}（应用是否还在运行？恢复前请先停止应用）");
                }
            ReplaceFile(temp, target);
            return new RestoreResult(counts, applied, clock.Elapsed);
        }
        finally { DeleteQuietly(temp); }
    }

    private static async Task RequireEmptySqliteAsync(string target, CancellationToken ct)
    {
        if (!File.Exists(target) || new FileInfo(target).Length == 0) return;
        await using var c = Standalone(target, SqliteOpenMode.ReadWrite);
        List<string> tables;
        try
        {
            await c.OpenAsync(ct);
            tables = (await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")).ToList();
        }
        catch (SqliteException)
        {
            throw new StorageException($"{target} 已存在，但不是 SQLite 数据库：恢复会覆盖它。确认要覆盖请加 --force。");
        }
        await EnsureEmptyAsync(c, tables, QuoteIdentifier);
    }

    /// <summary>
    /// Every table but the migration list and the data version must be empty: a database that was only migrated
    /// holds nothing a restore could lose.
    /// </summary>
    private static async Task EnsureEmptyAsync(DbConnection c, IEnumerable<string> tables, Func<string, string> quote)
    {
        var holding = new List<string>();
        foreach (var t in tables.Where(t => t is not ("schema_migrations" or "data_version")))
            if (await c.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {quote(t)})")) holding.Add(t);
        if (holding.Count == 0) return;
        var counts = await CountAsync(c, null, t => Task.FromResult(holding.Contains(t)));
        var what = counts.Forms + counts.AuditEntries + counts.Accounts > 0 ? $"已有 {counts}" : $"表 {string.Join("、", holding)} 中有数据";
        throw new StorageException(NotEmptyMessage(what));
    }

    // Both databases quote identifiers the SQL-standard way.
    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    // ------------------------------------------------------------------ PostgreSQL

    private static async Task<int> ServerMajorAsync(NpgsqlConnection c) =>
        // server_version_num is 150004 for 15.4 (and 90605 for 9.6.5, which is too old to matter here).
        await c.ExecuteScalarAsync<int>("SELECT current_setting('server_version_num')::int") / 10000;

    private static async Task RequireJixiaoPgAsync(NpgsqlConnection c, string shownAs)
    {
        var missing = new List<string>();
        foreach (var t in JixiaoTables)
            if (!await c.ExecuteScalarAsync<bool>("SELECT to_regclass(@t) IS NOT NULL", new { t })) missing.Add(t);
        if (missing.Count > 0)
            throw new StorageException($"{shownAs} 不是 Jixiao 数据库（没有 {string.Join("、", missing)} 表）。");
    }

    private static string Shown(Database db)
    {
        var b = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        return $"PostgreSQL 数据库 {b.Database ?? b.Username}（{b.Host}:{b.Port}）";
    }

    private static async Task<BackupResult> PgBackupAsync(Database db, string outFile, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var output = Path.GetFullPath(outFile);
        PrepareOutput(output);
        await using var c = (NpgsqlConnection)await db.ConnectAsync(ct);
        await RequireJixiaoPgAsync(c, Shown(db));
        var tools = await PgClientTools.FindAsync(await ServerMajorAsync(c), ["pg_dump", "pg_restore"], ct);
        var env = PgClientTools.Environment(db.ConnectionString, "jixiao db backup");
        var temp = TempBeside(output);
        try
        {
            BackupCounts counts;
            // pg_dump reads in the snapshot this transaction exports, so the counts reported are those of the dump
            // and not of a moment before or after it.
            await using (var tx = await c.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
            {
                var snapshot = await c.ExecuteScalarAsync<string>("SELECT pg_export_snapshot()", transaction: tx);
                counts = await CountAsync(c, tx, async t => await c.ExecuteScalarAsync<bool>("SELECT to_regclass(@t) IS NOT NULL", new { t }, tx));
                var dump = await PgClientTools.RunAsync(tools.Path("pg_dump"),
                    ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={temp}"], env, ct);
                if (dump.Exit != 0) throw new StorageException($"pg_dump 失败：{dump.Error.Trim()}");
                await tx.CommitAsync(ct);
            }
            await ListPgDumpAsync(tools, temp, output, ct);
            ReplaceFile(temp, output);
            return new BackupResult(output, counts, new FileInfo(output).Length, clock.Elapsed);
        }
        finally { DeleteQuietly(temp); }
    }

    [GeneratedRegex(@"^\d+;\s+\d+\s+\d+\s+TABLE\s+\S+\s+(\S+)\s", RegexOptions.Multiline)]
    private static partial Regex TableEntry();

    /// <summary>Reads the archive's table of contents: it must open, and hold a Jixiao database.</summary>
    private static async Task ListPgDumpAsync(PgClientTools tools, string file, string shownAs, CancellationToken ct)
    {
        var list = await PgClientTools.RunAsync(tools.Path("pg_restore"), ["--list", file], new Dictionary<string, string?>(), ct);
        if (list.Exit != 0)
            throw new StorageException($"{shownAs} 无法读取（不是完整的 pg_dump 自定义格式备份）：{list.Error.Trim()}");
        var tables = TableEntry().Matches(list.Output).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = JixiaoTables.Where(t => !tables.Contains(t)).ToList();
        if (missing.Count > 0)
            throw new StorageException($"{shownAs} 不是 Jixiao 数据库的备份（没有 {string.Join("、", missing)} 表）。");
    }

    private static async Task<RestoreResult> PgRestoreAsync(Database db, string from, bool force, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var c = (NpgsqlConnection)await db.ConnectAsync(ct))
        {
            var tools = await PgClientTools.FindAsync(await ServerMajorAsync(c), ["pg_restore", "psql"], ct);
            try { await ListPgDumpAsync(tools, from, from, ct); }
            catch (StorageException ex) { throw Unchanged(ex); }
            // The schema unqualified names land in: where the migrations made Jixiao's tables.
            var schema = await c.ExecuteScalarAsync<string?>("SELECT current_schema()");
            var tables = schema is null ? [] : (await c.QueryAsync<string>(
                "SELECT tablename FROM pg_tables WHERE schemaname = @schema ORDER BY 1", new { schema })).ToList();
            if (!force) await EnsureEmptyAsync(c, tables, QuoteIdentifier);
            var qualified = tables.Select(t => $"{QuoteIdentifier(schema!)}.{QuoteIdentifier(t)}").ToList();
            await RestoreInOneTransactionAsync(tools, db, from, qualified, ct);
        }
        IReadOnlyList<Database.Migration> applied;
        try { applied = await db.MigrateAsync(ct); }
        catch (StorageException ex) { throw new StorageException($"备份已恢复，但升级到当前结构时失败：{ex.Message}"); }
        await using var after = (NpgsqlConnection)await db.ConnectAsync(ct);
        var counts = await CountAsync(after, null, async t => await after.ExecuteScalarAsync<bool>("SELECT to_regclass(@t) IS NOT NULL", new { t }));
        return new RestoreResult(counts, applied, clock.Elapsed);
    }

    /// <summary>
    /// pg_restore writes the archive as SQL, which psql runs inside one transaction that first drops every table of
    /// the target's schema (tables a newer schema added would otherwise outlive the restore and trip the migrations).
    /// COMMIT is sent only after pg_restore finished without error; anything less and the transaction is abandoned,
    /// leaving the target as it was.
    /// </summary>
    private static async Task RestoreInOneTransactionAsync(PgClientTools tools, Database db, string from, List<string> tables, CancellationToken ct)
    {
        var env = PgClientTools.Environment(db.ConnectionString, "jixiao db restore");
        using var psql = PgClientTools.Start(tools.Path("psql"), ["-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1", "--file=-"], env, redirectInput: true);
        using var restore = PgClientTools.Start(tools.Path("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--file=-", from], env, redirectInput: false);
        var psqlErr = psql.StandardError.ReadToEndAsync(ct);
        var psqlOut = psql.StandardOutput.ReadToEndAsync(ct);
        var restoreErr = restore.StandardError.ReadToEndAsync(ct);
        var fed = true;
        try
        {
            var input = psql.StandardInput.BaseStream;
            var preamble = new StringBuilder("BEGIN;\n");
            if (tables.Count > 0) preamble.Append("DROP TABLE IF EXISTS ").AppendJoin(", ", tables).Append(" CASCADE;\n");
            await input.WriteAsync(Encoding.UTF8.GetBytes(preamble.ToString()), ct);
            await restore.StandardOutput.BaseStream.CopyToAsync(input, ct);
            await PgClientTools.WaitAsync(restore, ct);
            if (restore.ExitCode != 0)
            {
                PgClientTools.Kill(psql);
                throw new StorageException($"pg_restore 失败，目标数据库没有改动：{(await restoreErr).Trim()}");
            }
            await input.WriteAsync("COMMIT;\n"u8.ToArray(), ct);
            input.Close();
        }
        catch (IOException) { fed = false; } // psql stopped reading: it met an error, reported below
        catch
        {
            PgClientTools.Kill(psql);
            PgClientTools.Kill(restore);
            throw;
        }
        if (!fed) PgClientTools.Kill(restore);
        await PgClientTools.WaitAsync(psql, ct);
        await psqlOut;
        if (psql.ExitCode != 0 || !fed)
            throw new StorageException($"恢复失败，已回滚，目标数据库没有改动：{(await psqlErr).Trim()}");
    }
}
