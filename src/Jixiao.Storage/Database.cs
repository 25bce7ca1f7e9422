using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Storage;

public enum DatabaseKind { Sqlite, PostgreSql }

/// <summary>
/// Where the data lives: a SQLite file (the default, no set-up) or a PostgreSQL server (`Host=…`). Opens
/// connections set up the way the rest of the code assumes (SQLite: WAL, foreign keys, a busy timeout).
/// </summary>
public sealed class Database
{
    static Database() => SQLitePCL.Batteries_V2.Init();

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }

    private Database(DatabaseKind kind, string connectionString)
    {
        Kind = kind;
        ConnectionString = connectionString;
    }

    /// <summary>
    /// A SQLite file path, a SQLite connection string (`Data Source=…`), or an ADO.NET PostgreSQL connection string
    /// (`Host=…`).
    /// </summary>
    public static Database Open(string pathOrConnectionString)
    {
        if (string.IsNullOrWhiteSpace(pathOrConnectionString)) throw new StorageException("没有给出数据库：请给出 SQLite 文件路径或 PostgreSQL 连接字符串（Host=…）");
        var s = pathOrConnectionString.Trim();
        if (s.Contains("Host=", StringComparison.OrdinalIgnoreCase) || s.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            NpgsqlConnectionStringBuilder pg;
            try { pg = new NpgsqlConnectionStringBuilder(s); }
            catch (ArgumentException ex) { throw new StorageException($"PostgreSQL 连接字符串无效：{ex.Message}"); }
            // A pooled connection is not reset (DISCARD ALL) when it goes back: a page opens five or six connections
            // one after another, and each reset was a statement of its own on the server, dropping the plans of the
            // one before. Nothing here leaves session state behind except the batch writer, which resets its own.
            // A connection string that says otherwise is obeyed.
            if (!s.Contains("Reset", StringComparison.OrdinalIgnoreCase)) pg.NoResetOnClose = true;
            return new Database(DatabaseKind.PostgreSql, pg.ConnectionString);
        }
        var builder = s.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(s)
            : new SqliteConnectionStringBuilder { DataSource = s };
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (dir is not null) Directory.CreateDirectory(dir);
        builder.ForeignKeys = true;
        builder.Pooling = true;
        return new Database(DatabaseKind.Sqlite, builder.ToString());
    }

    public async Task<DbConnection> ConnectAsync(CancellationToken ct = default)
    {
        DbConnection c = Kind == DatabaseKind.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        try
        {
            await c.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or SqliteException or InvalidOperationException)
        {
            await c.DisposeAsync();
            throw new StorageException($"无法连接数据库：{ex.Message}");
        }
        // mmap: a list's index scan reads pages from the mapped file instead of a read() per page into each
        // connection's small cache (at 100,000 forms, most of a scan's time was those system calls).
        if (Kind == DatabaseKind.Sqlite)
            await c.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;");
        return c;
    }

    /// <summary>
    /// Refreshes the query planner's statistics of the forms table. Without them SQLite takes a filter on the year as
    /// selective (every form may share one year) and sorts where an index would serve; after a batch import or at
    /// start is when the table's shape changes. About half a second at 100,000 forms.
    /// </summary>
    public async Task AnalyzeAsync(CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(Kind == DatabaseKind.Sqlite ? "PRAGMA analysis_limit = 0; ANALYZE forms" : "ANALYZE forms",
            cancellationToken: ct, commandTimeout: 600));
    }

    /// <summary>The SQL text of a JSON parameter: PostgreSQL stores documents as jsonb.</summary>
    public string Json(string parameter) => Kind == DatabaseKind.PostgreSql ? $"CAST({parameter} AS jsonb)" : parameter;

    /// <summary>“<paramref name="column"/> is one of the array parameter <paramref name="parameter"/>” (its name without
    /// the @): PostgreSQL takes the array as one parameter (`= ANY`), SQLite through Dapper's expansion of `IN @list`.</summary>
    public string OneOf(string column, string parameter) =>
        Kind == DatabaseKind.PostgreSql ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>The SQL text reading a JSON column as text.</summary>
    public string JsonText(string column) => Kind == DatabaseKind.PostgreSql ? $"{column}::text" : column;

    /// <summary>Numbers stored exactly: PostgreSQL numeric, SQLite text (its NUMERIC is a float).</summary>
    public object? Number(decimal? value) => Kind == DatabaseKind.PostgreSql ? value : value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A day: date in PostgreSQL, yyyy-MM-dd text in SQLite (which then compares as a date).</summary>
    // (Dapper does not take DateOnly as a parameter; a midnight DateTime compares with a date column as the day.)
    public object Date(DateOnly d) => Kind == DatabaseKind.PostgreSql
        ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified)
        : d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A day read back as text (`CAST(… AS TEXT)`): both databases give yyyy-MM-dd first.</summary>
    public static DateOnly Day(string text) => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Times as UTC: timestamptz in PostgreSQL, ISO-8601 text in SQLite.</summary>
    public object Time(DateTimeOffset t) => Kind == DatabaseKind.PostgreSql ? t.UtcDateTime : t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");

    // ------------------------------------------------------------------ migrations

    public sealed record Migration(int Version, string Name, string Sql);

    public IReadOnlyList<Migration> Migrations()
    {
        var folder = Kind == DatabaseKind.Sqlite ? ".Migrations.sqlite." : ".Migrations.postgres.";
        var asm = typeof(Database).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..];
                using var s = asm.GetManifestResourceStream(n)!;
                using var r = new StreamReader(s);
                return new Migration(int.Parse(file[..4]), file, r.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Applies the migrations not applied yet, each in its own transaction. Returns those applied.</summary>
    public Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken ct = default) => MigrateAsync(int.MaxValue, ct);

    /// <summary>The migrations up to and including <paramref name="through"/> (a test builds an older database this way).</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(int through, CancellationToken ct = default)
    {
        await using var c = await ConnectAsync(ct);
        var created = Kind == DatabaseKind.Sqlite
            ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            : "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";
        await c.ExecuteAsync(created);
        var applied = (await c.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
        var done = new List<Migration>();
        foreach (var m in Migrations().Where(m => !applied.Contains(m.Version) && m.Version <= through))
        {
            // A SQLite table rebuild needs foreign keys off, which only takes effect outside a transaction; the
            // references are checked before the commit instead (https://sqlite.org/lang_altertable.html §7).
            var rebuild = Kind == DatabaseKind.Sqlite && m.Sql.Contains("jixiao:foreign-keys-off", StringComparison.Ordinal);
            if (rebuild) await c.ExecuteAsync("PRAGMA foreign_keys = OFF");
            await using var tx = await c.BeginTransactionAsync(ct);
            try
            {
                await c.ExecuteAsync(m.Sql, transaction: tx);
                if (rebuild && (await c.QueryAsync("PRAGMA foreign_key_check", transaction: tx)).Any())
                    throw new StorageException($"数据库迁移 {m.Name} 后外键不一致，已回滚");
                await c.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { m.Version, m.Name, At = Time(DateTimeOffset.UtcNow) }, tx);
                await tx.CommitAsync(ct);
                done.Add(m);
            }
            catch (DbException ex)
            {
                await tx.RollbackAsync(ct);
                throw new StorageException($"数据库迁移 {m.Name} 失败，已回滚：{ex.Message}");
            }
            catch (StorageException)
            {
                await tx.RollbackAsync(ct);
                throw;
            }
            finally
            {
                if (rebuild) await c.ExecuteAsync("PRAGMA foreign_keys = ON");
            }
        }
        return done;
    }
}

/// <summary>A storage failure with a message a user can act on.</summary>
public sealed class StorageException(string message) : Exception(message);
