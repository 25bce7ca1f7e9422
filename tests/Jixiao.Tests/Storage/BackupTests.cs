using Jixiao.Core.Access;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Jixiao.Core.Model;
using Jixiao.Core.Interchange;
using Jixiao.Storage;
using Jixiao.Tests.Support;
using Jixiao.Web.Features.Accounts;
using Microsoft.Data.Sqlite;

namespace Jixiao.Tests.Storage;

/// <summary>
/// `jixiao db backup` while the application writes, and `jixiao db restore` of what it wrote, run as the real CLI
/// against real SQLite files and the test PostgreSQL server.
/// </summary>
[Collection("databases")]
public class BackupTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    private static async Task<(int Exit, string Out, string Err)> JixiaoAsync(params string[] args)
    {
        var run = await Cli.CliProcess.JixiaoAsync(120, args);
        return (run.Exit, run.Out, run.Err);
    }

    private static string TempFile(string suffix) => Path.Combine(Path.GetTempPath(), $"jixiao-backup-{Guid.NewGuid():N}{suffix}");

    // The test process keeps pooled connections to every SQLite file it opened; a restore renames a new file over
    // the target, and a pooled connection would go on reading the old one (the reason the app must be stopped).
    private static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();

    private static PerformanceForm Copy(PerformanceForm form) => FormJsonReader.Parse(FormJson.ToJson(form).ToJsonString());

    private static string Json(PerformanceForm form) => FormJson.ToJson(form).ToJsonString();

    // ------------------------------------------------------------------ what the writers did, in one global order

    /// <summary>
    /// One write: the tick taken before it was sent, and the tick taken after its commit returned. A backup that
    /// is a snapshot at one instant holds every write committed before that instant and none started after it.
    /// </summary>
    private sealed record Write(string What, long Started, long Committed);

    private sealed record FormVersion(int Version, string Json, string Hash, Write Write);

    private sealed class Log
    {
        private long _tick;
        public long Tick() => Interlocked.Increment(ref _tick);
        public long Now => Interlocked.Read(ref _tick);
        public readonly ConcurrentDictionary<long, List<FormVersion>> Forms = new();
        public readonly ConcurrentDictionary<string, Write> Accounts = new();
    }

    private static async Task FormWriterAsync(FormStore store, Log log, int writer, PerformanceForm seed, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var form = Copy(seed);
            form.ProjectName = $"{seed.ProjectName}（备份测试 {writer}-{n}）";
            // A pause between saves, as people make: SQLite's waiting writers poll for the lock, and without gaps the
            // account writer would hardly ever get it.
            await Task.Delay(2);
            var started = log.Tick();
            var (id, created) = await store.ImportAsync(form, null, $"writer-{writer}");
            var versions = new List<FormVersion> { new(1, Json(form), FormJson.ContentHash(form), new Write($"import {id}", started, log.Tick())) };
            Assert.True(created);
            log.Forms[id] = versions;
            // Two edits per form, so that a backup can fall between the versions of one form.
            for (var v = 1; v <= 2 && !stop.IsCancellationRequested; v++)
            {
                await Task.Delay(2);
                form.ProjectName += "·改";
                form.Department = $"编辑 {v} 的主管部门";
                started = log.Tick();
                var saved = await store.UpdateAsync(id, v, form, $"writer-{writer}");
                var committed = log.Tick();
                Assert.True(saved.Saved);
                lock (versions) versions.Add(new FormVersion(v + 1, Json(form), FormJson.ContentHash(form), new Write($"edit {id} v{v + 1}", started, committed)));
            }
        }
    }

    private static async Task AccountWriterAsync(AccountStore accounts, Log log, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var name = $"backup-user-{n}";
            var started = log.Tick();
            await accounts.CreateAsync(name, $"口令-{n}-abcdef", Role.Unit, null);
            log.Accounts[name] = new Write($"account {name}", started, log.Tick());
        }
    }

    // Properties, not positional: SQLite hands back Int64 and PostgreSQL Int32 for the same column, and Dapper converts properties.
    private sealed record AuditRow
    {
        public long Id { get; init; }
        public long FormId { get; init; }
        public string At { get; init; } = "";
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public long Version { get; init; }
        public string? Field { get; init; }
        public string? OldValue { get; init; }
        public string? NewValue { get; init; }
        public string? Reason { get; init; }
    }

    private static async Task<List<AuditRow>> AuditAsync(Database db)
    {
        await using var c = await db.ConnectAsync();
        return (await c.QueryAsync<AuditRow>("""
            SELECT id AS Id, form_id AS FormId, CAST(at AS TEXT) AS At, actor AS Actor, action AS Action, version AS Version,
                   field AS Field, old_value AS OldValue, new_value AS NewValue, reason AS Reason
            FROM audit_log ORDER BY id
            """)).ToList();
    }

    private sealed record UserRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string Role { get; init; } = "";
    }

    private static async Task<Dictionary<string, UserRow>> UsersAsync(Database db)
    {
        await using var c = await db.ConnectAsync();
        return (await c.QueryAsync<UserRow>("SELECT id AS Id, username AS Username, password_hash AS PasswordHash, role AS Role FROM users"))
            .ToDictionary(u => u.Username);
    }

    private static async Task<List<long>> FormIdsAsync(Database db)
    {
        await using var c = await db.ConnectAsync();
        return (await c.QueryAsync<long>("SELECT id FROM forms ORDER BY id")).ToList();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_backup_taken_during_concurrent_writes_restores_every_write_committed_before_it_began_and_is_one_instant(string kind)
    {
        var source = await databases.FreshAsync(kind);
        var clock = TimeProvider.System;
        var store = new FormStore(source, clock);
        var accounts = new AccountStore(source, clock, new SessionStore(source, clock));
        var log = new Log();
        var seeds = SeedForms.All().ToList();
        var file = TempFile(".bak");
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() => FormWriterAsync(store, log, w, seeds[w * 4], stop.Token)))
            .Append(Task.Run(() => AccountWriterAsync(accounts, log, stop.Token))).ToList();
        try
        {
            // Something committed before the backup, so that "every write before it" is not an empty promise.
            var warmUp = Stopwatch.StartNew();
            while ((log.Forms.Count < 15 || log.Accounts.Count < 2) && warmUp.Elapsed < TimeSpan.FromSeconds(60) && !writers.Any(t => t.IsFaulted))
                await Task.Delay(20);

            var backupStart = log.Tick();
            var backup = await JixiaoAsync("db", "backup", "--db", source.ConnectionString, "--out", file);
            var backupEnd = log.Tick();

            // And writes after it, which the backup must not hold.
            var afterwards = Stopwatch.StartNew();
            while (log.Now < backupEnd + 30 && afterwards.Elapsed < TimeSpan.FromSeconds(60) && !writers.Any(t => t.IsFaulted)) await Task.Delay(20);
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            Assert.True(backup.Exit == 0, backup.Err);
            var reported = Regex.Match(backup.Out, @"已备份：(\d+) 张表单、(\d+) 条历史记录、(\d+) 个账号 → (.+)（");
            Assert.True(reported.Success, backup.Out);
            Assert.Equal(Path.GetFullPath(file), reported.Groups[4].Value);

            var target = await databases.FreshAsync(kind);
            ReleaseSqliteFiles();
            var restore = await JixiaoAsync("db", "restore", "--db", target.ConnectionString, "--from", file);
            Assert.True(restore.Exit == 0, restore.Err);
            Assert.Contains("已恢复：", restore.Out);

            var restored = new FormStore(target, clock);
            var restoredIds = await FormIdsAsync(target);
            var restoredAudit = (await AuditAsync(target)).ToLookup(a => a.FormId);
            var sourceAudit = (await AuditAsync(source)).ToLookup(a => a.FormId);
            var restoredUsers = await UsersAsync(target);
            var sourceUsers = await UsersAsync(source);
            var present = new List<Write>();
            var absent = new List<Write>();

            // Every form imported before the backup began is there, at a version no older than the newest save
            // committed before the backup began, with that version's document and hash, and exactly the audit rows up to it.
            foreach (var (id, versions) in log.Forms)
            {
                var stored = restoredIds.Contains(id) ? await restored.GetAsync(id) : null;
                if (versions[0].Write.Committed < backupStart) Assert.NotNull(stored);
                if (stored is null)
                {
                    absent.AddRange(versions.Select(v => v.Write));
                    continue;
                }
                var newestBefore = versions.Where(v => v.Write.Committed < backupStart).Select(v => v.Version).DefaultIfEmpty(0).Max();
                Assert.InRange(stored.Version, Math.Max(1, newestBefore), versions.Count);
                var version = versions[stored.Version - 1];
                Assert.True(version.Write.Started < backupEnd, $"表 {id} 第 {stored.Version} 版开始于备份结束之后，却在备份里");
                Assert.Equal(version.Hash, stored.ContentHash);
                Assert.Equal(version.Json, Json(stored.Form));
                Assert.Equal(sourceAudit[id].Where(a => a.Version <= stored.Version).ToList(), restoredAudit[id].ToList());
                Assert.Contains(restoredAudit[id], a => a.Action == "import" && a.Version == 1);
                present.AddRange(versions.Take(stored.Version).Select(v => v.Write));
                absent.AddRange(versions.Skip(stored.Version).Select(v => v.Write));
            }
            Assert.All(restoredIds, id => Assert.True(log.Forms.ContainsKey(id), $"备份里有一张没人写过的表 {id}"));
            Assert.Equal(restoredIds.Sum(id => restoredAudit[id].Count()), restoredAudit.Sum(g => g.Count()));

            // Every account created before the backup began is there, as it was stored.
            foreach (var (name, write) in log.Accounts)
            {
                if (write.Committed < backupStart) Assert.True(restoredUsers.ContainsKey(name), $"账号 {name} 在备份开始前已建立，却不在备份里");
                if (restoredUsers.TryGetValue(name, out var user))
                {
                    Assert.Equal(sourceUsers[name], user);
                    present.Add(write);
                }
                else absent.Add(write);
            }
            Assert.All(restoredUsers.Keys, name => Assert.True(log.Accounts.ContainsKey(name), $"备份里有一个没人建立过的账号 {name}"));

            // The test means something only if the backup fell between writes of every kind.
            Assert.Contains(present, w => w.What.StartsWith("import", StringComparison.Ordinal) && w.Committed < backupStart);
            Assert.Contains(present, w => w.What.StartsWith("edit", StringComparison.Ordinal) && w.Committed < backupStart);
            Assert.Contains(present, w => w.What.StartsWith("account", StringComparison.Ordinal) && w.Committed < backupStart);
            Assert.Contains(absent, w => w.Started > backupEnd);

            // One instant: no write the backup lacks had committed before a write it holds was even sent.
            var lastPresentStart = present.Max(w => w.Started);
            var firstAbsentCommit = absent.Min(w => w.Committed);
            Assert.True(lastPresentStart < firstAbsentCommit,
                $"备份不是同一时刻的快照：{present.MaxBy(w => w.Started)!.What} 在备份里，{absent.MinBy(w => w.Committed)!.What} 却不在");

            // Counts between those committed before the start and those begun before the end, and as the backup reported them.
            var importsBefore = log.Forms.Values.Count(v => v[0].Write.Committed < backupStart);
            var importsBegun = log.Forms.Values.Count(v => v[0].Write.Started < backupEnd);
            Assert.InRange(restoredIds.Count, importsBefore, importsBegun);
            Assert.InRange(restoredUsers.Count, log.Accounts.Values.Count(w => w.Committed < backupStart), log.Accounts.Values.Count(w => w.Started < backupEnd));
            Assert.Equal((restoredIds.Count, restoredAudit.Sum(g => g.Count()), restoredUsers.Count),
                (int.Parse(reported.Groups[1].Value), int.Parse(reported.Groups[2].Value), int.Parse(reported.Groups[3].Value)));

            // Consistent in itself: each form has its import row, and its history ends at its version.
            await using var c = await target.ConnectAsync();
            Assert.Equal(0, await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM forms f WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.form_id = f.id AND a.action = 'import')"));
            Assert.Equal(0, await c.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM forms f WHERE f.version <> (SELECT MAX(a.version) FROM audit_log a WHERE a.form_id = f.id)"));
            Assert.Equal(target.Migrations().Count, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));

            // And usable: the next form and account get new ids rather than colliding with restored ones.
            var next = Copy(seeds[1]);
            next.ProjectName = "恢复之后的新表";
            var (nextId, created) = await restored.ImportAsync(next, null, "admin");
            Assert.True(created);
            Assert.True(restoredIds.Count == 0 || nextId > restoredIds.Max());
            await new AccountStore(target, clock, new SessionStore(target, clock)).CreateAsync("after-restore", "口令-after-restore", Role.Admin, null);
        }
        finally
        {
            await stop.CancelAsync();
            try { await Task.WhenAll(writers); } catch (Exception) { } // a failed writer fails the assertions above
            File.Delete(file);
        }
    }

    /// <summary>Everything a restore could change, to show that a refused one changed nothing.</summary>
    private static async Task<string> FingerprintAsync(Database db)
    {
        var forms = new List<string>();
        var store = new FormStore(db, TimeProvider.System);
        foreach (var id in await FormIdsAsync(db))
        {
            var f = (await store.GetAsync(id))!;
            forms.Add($"{id}:{f.Version}:{f.ContentHash}");
        }
        var users = (await UsersAsync(db)).Values.OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.Username}:{u.PasswordHash}");
        var audit = (await AuditAsync(db)).Select(a => a.ToString());
        return string.Join("\n", forms.Concat(users).Concat(audit));
    }

    private static async Task<Database> WithDataAsync(TestDatabases databases, string kind, string name)
    {
        var db = await databases.FreshAsync(kind);
        var form = Copy(SeedForms.All().First());
        form.ProjectName = name;
        await new FormStore(db, TimeProvider.System).ImportAsync(form, null, "admin");
        await new AccountStore(db, TimeProvider.System, new SessionStore(db, TimeProvider.System)).CreateAsync($"user-of-{name}", "口令-123456", Role.Unit, null);
        return db;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Restoring_a_file_that_is_not_a_good_backup_is_refused_in_Chinese_and_leaves_the_target_untouched(string kind)
    {
        var target = await WithDataAsync(databases, kind, "恢复失败之后仍在的表");
        var before = await FingerprintAsync(target);
        var good = TempFile(".bak");
        var bad = new List<string>();
        try
        {
            Assert.Equal(0, (await JixiaoAsync("db", "backup", "--db", target.ConnectionString, "--out", good)).Exit);
            var bytes = await File.ReadAllBytesAsync(good);
            var header = kind == "sqlite" ? "SQLite format 3\0"u8.ToArray() : "PGDMP"u8.ToArray();
            var junk = new byte[20_000];
            new Random(9).NextBytes(junk);
            var cases = new (string Name, byte[] Content, string Expected)[]
            {
                ("text", Encoding.UTF8.GetBytes("这不是备份文件。\n只是一段文字。\n"), "不是 Jixiao 备份文件"),
                ("empty", [], "不是 Jixiao 备份文件"),
                ("right header, garbage after", [.. header, .. junk], kind == "sqlite" ? "不是可用的 SQLite 数据库" : "无法读取"),
                // SQLite: a quarter of the pages gone. PostgreSQL: the end of the last table's data gone, so the table of
                // contents still reads and the restore itself fails, after the first tables went in.
                ("cut short", kind == "sqlite" ? bytes[..(bytes.Length * 3 / 4)] : bytes[..^32], kind == "sqlite" ? "SQLite" : "pg_restore 失败"),
            };
            foreach (var (name, content, expected) in cases)
            {
                var file = TempFile(".bak");
                bad.Add(file);
                await File.WriteAllBytesAsync(file, content);
                ReleaseSqliteFiles();

                var (exit, _, err) = await JixiaoAsync("db", "restore", "--db", target.ConnectionString, "--from", file, "--force");

                Assert.True(exit == 2, $"{name}: exit {exit}");
                Assert.StartsWith("错误：", err);
                Assert.Contains(expected, err);
                Assert.Contains("目标数据库没有改动", err);
                Assert.Equal(before, await FingerprintAsync(target));
            }
            if (kind == "sqlite")
            {
                var path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
                Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.*"));
            }
        }
        finally
        {
            File.Delete(good);
            foreach (var f in bad) File.Delete(f);
        }
    }

    [Fact]
    public async Task A_SQLite_backup_is_refused_by_a_PostgreSQL_target_and_a_PostgreSQL_backup_by_a_SQLite_target()
    {
        var sqlite = await WithDataAsync(databases, "sqlite", "SQLite 里的表");
        var postgres = await WithDataAsync(databases, "postgres", "PostgreSQL 里的表");
        var sqliteBackup = TempFile(".db");
        var pgBackup = TempFile(".dump");
        try
        {
            Assert.Equal(0, (await JixiaoAsync("db", "backup", "--db", sqlite.ConnectionString, "--out", sqliteBackup)).Exit);
            Assert.Equal(0, (await JixiaoAsync("db", "backup", "--db", postgres.ConnectionString, "--out", pgBackup)).Exit);
            var sqliteBefore = await FingerprintAsync(sqlite);
            var pgBefore = await FingerprintAsync(postgres);
            ReleaseSqliteFiles();

            var intoPg = await JixiaoAsync("db", "restore", "--db", postgres.ConnectionString, "--from", sqliteBackup, "--force");
            var intoSqlite = await JixiaoAsync("db", "restore", "--db", sqlite.ConnectionString, "--from", pgBackup, "--force");

            Assert.Equal(2, intoPg.Exit);
            Assert.Contains("是 SQLite 数据库的备份，不能恢复到 PostgreSQL 数据库", intoPg.Err);
            Assert.Equal(2, intoSqlite.Exit);
            Assert.Contains("是 PostgreSQL 数据库的备份（pg_dump），不能恢复到 SQLite 数据库", intoSqlite.Err);
            Assert.Equal(pgBefore, await FingerprintAsync(postgres));
            Assert.Equal(sqliteBefore, await FingerprintAsync(sqlite));
        }
        finally
        {
            File.Delete(sqliteBackup);
            File.Delete(pgBackup);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_target_that_holds_data_is_replaced_only_with_force_and_then_equals_the_backup(string kind)
    {
        var source = await WithDataAsync(databases, kind, "备份里的表");
        var target = await WithDataAsync(databases, kind, "目标里原有的表");
        var file = TempFile(".bak");
        try
        {
            Assert.Equal(0, (await JixiaoAsync("db", "backup", "--db", source.ConnectionString, "--out", file)).Exit);
            var targetBefore = await FingerprintAsync(target);
            ReleaseSqliteFiles();

            var refused = await JixiaoAsync("db", "restore", "--db", target.ConnectionString, "--from", file);

            Assert.Equal(2, refused.Exit);
            Assert.Contains("目标数据库不是空的（已有 1 张表单、1 条历史记录、1 个账号）", refused.Err);
            Assert.Contains("--force", refused.Err);
            Assert.Equal(targetBefore, await FingerprintAsync(target));

            ReleaseSqliteFiles();
            var forced = await JixiaoAsync("db", "restore", "--db", target.ConnectionString, "--from", file, "--force");

            Assert.True(forced.Exit == 0, forced.Err);
            Assert.Contains("已恢复：1 张表单、1 条历史记录、1 个账号", forced.Out);
            Assert.Equal(await FingerprintAsync(source), await FingerprintAsync(target));
            Assert.Equal("备份里的表", (await new FormStore(target, TimeProvider.System).ListAsync(new FormFilter())).Single().ProjectName);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Backing_up_a_database_that_does_not_exist_fails_and_writes_no_file()
    {
        var missing = TempFile(".db");
        var file = TempFile(".bak");

        var (exit, _, err) = await JixiaoAsync("db", "backup", "--db", missing, "--out", file);

        Assert.Equal(2, exit);
        Assert.Contains("错误：数据库文件不存在", err);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(missing));
    }
}
