using System.Diagnostics;
using Dapper;
using Jixiao.Storage;
using Npgsql;

namespace Jixiao.Tests.Storage;

/// <summary>
/// Real databases for storage tests: a SQLite file per database, and a PostgreSQL database per request on the
/// server that test.sh starts (JIXIAO_TEST_PG). Run alone (no variable), the fixture starts its own throwaway
/// cluster with scripts/pg-test-cluster.sh and stops it at the end.
/// </summary>
public sealed class TestDatabases : IAsyncLifetime
{
    private string? _clusterDir;
    private string? _server;
    private readonly List<string> _sqliteFiles = new();

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable("JIXIAO_TEST_PG");
        if (string.IsNullOrEmpty(_server))
        {
            var script = Path.Combine(RepoRoot(), "scripts", "pg-test-cluster.sh");
            var (exit, output) = await RunAsync("bash", script, "start");
            if (exit != 0) throw new InvalidOperationException("无法启动测试用 PostgreSQL：" + output);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            _clusterDir = lines[^2].Trim();
            _server = lines[^1].Trim();
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var f in _sqliteFiles)
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(f + suffix); } catch (IOException) { }
        if (_clusterDir is not null) await RunAsync("bash", Path.Combine(RepoRoot(), "scripts", "pg-test-cluster.sh"), "stop", _clusterDir);
    }

    /// <summary>A new, empty, migrated database of the given kind.</summary>
    public Task<Database> FreshAsync(string kind) => FreshAsync(kind, int.MaxValue);

    /// <summary>A new database migrated only up to <paramref name="through"/>: the schema an older release left.</summary>
    public async Task<Database> FreshAsync(string kind, int through)
    {
        Database db;
        if (kind == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"jixiao-test-{Guid.NewGuid():N}.db");
            _sqliteFiles.Add(file);
            db = Database.Open(file);
        }
        else
        {
            var name = $"jx_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(_server))
            {
                await admin.OpenAsync();
                await admin.ExecuteAsync($"CREATE DATABASE {name}");
            }
            db = Database.Open(new NpgsqlConnectionStringBuilder(_server) { Database = name }.ToString());
        }
        await db.MigrateAsync(through);
        return db;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("仓库根目录（Jixiao.slnx）未找到");
    }

    private static async Task<(int, string)> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, output + error);
    }
}

[CollectionDefinition("databases")]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabases>;

/// <summary>A clock that always says the same time, so audit entries can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
