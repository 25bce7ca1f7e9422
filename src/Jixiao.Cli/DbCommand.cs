using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Jixiao.Storage;

namespace Jixiao.Cli;

internal static class DbCommand
{
    // One option per command: each command lists its own --db in its help.
    private static Option<string> DbOption() =>
        new("--db") { Description = "SQLite 文件路径，或 PostgreSQL 连接字符串（Host=…）", Required = true };

    public static Command Create() => new("db", "数据库管理") { Migrate(), BackupCommand(), RestoreCommand(), LibraryCommand() };

    /// <summary>`db library`: the 指标库 gathered from the stored forms, as finance's 由已存的表汇集 does in the web app.</summary>
    private static Command LibraryCommand()
    {
        var db = DbOption();
        var cmd = new Command("library", "由已存的申报表和自评表汇集指标库：新的指标加为待审定，已有的只更新使用情况和分布（已维护的内容不变）") { db };
        cmd.SetAction((r, ct) => Run(async () =>
        {
            var database = Database.Open(r.GetValue(db)!);
            await database.MigrateAsync(ct);
            var summary = await new LibraryStore(database, TimeProvider.System).SeedAsync("jixiao db library", ct: ct);
            Console.WriteLine($"已汇集指标库：读取 {summary.Forms} 张表，新增 {summary.Added} 条（待审定），更新 {summary.Refreshed} 条。");
        }));
        return cmd;
    }

    private static Command Migrate()
    {
        var db = DbOption();
        var migrate = new Command("migrate", "建立或升级数据库结构（每个迁移一个事务）") { db };
        migrate.SetAction((r, ct) => Run(async () =>
        {
            var applied = await Database.Open(r.GetValue(db)!).MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0
                ? "数据库已是最新结构，无需迁移。"
                : "已应用迁移：" + string.Join("、", applied.Select(m => m.Name)));
        }));
        return migrate;
    }

    private static Command BackupCommand()
    {
        var db = DbOption();
        var output = new Option<string>("--out") { Description = "备份文件（已有的同名文件在新备份校验无误后才被替换）", Required = true };
        var cmd = new Command("backup", "在线备份整个数据库（应用可以继续运行）：SQLite 用在线备份接口复制并校验，PostgreSQL 用 pg_dump 自定义格式")
        {
            db, output,
        };
        cmd.SetAction((r, ct) => Run(async () =>
        {
            var result = await Backup.CreateAsync(Database.Open(r.GetValue(db)!), r.GetValue(output)!, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"已备份：{result.Counts} → {result.File}（{Size(result.Bytes)}，{result.Elapsed.TotalSeconds:0.0} 秒）"));
        }));
        return cmd;
    }

    private static Command RestoreCommand()
    {
        var db = DbOption();
        var from = new Option<string>("--from") { Description = "jixiao db backup 写出的备份文件", Required = true };
        var force = new Option<bool>("--force") { Description = "目标数据库已有数据时也替换（备份之后写入的内容会丢失）" };
        var cmd = new Command("restore", "用备份替换整个数据库，再升级到当前结构；恢复前请先停止应用。目标已有数据时须加 --force")
        {
            db, from, force,
        };
        cmd.SetAction((r, ct) => Run(async () =>
        {
            var file = r.GetValue(from)!;
            var result = await Backup.RestoreAsync(Database.Open(r.GetValue(db)!), file, r.GetValue(force), ct);
            if (result.Applied.Count > 0) Console.WriteLine("已应用迁移：" + string.Join("、", result.Applied.Select(m => m.Name)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"已恢复：{result.Counts} ← {Path.GetFullPath(file)}（{result.Elapsed.TotalSeconds:0.0} 秒）"));
        }));
        return cmd;
    }

    private static string Size(long bytes) => bytes < 100 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    /// <summary>Exit 0 when done; 2 with `错误：…` on standard error when the database or a file failed.</summary>
    private static async Task<int> Run(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (StorageException ex)
        {
            Console.Error.WriteLine("错误：" + ex.Message);
            return 2;
        }
        catch (DbException ex)
        {
            Console.Error.WriteLine("错误：数据库操作失败：" + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("错误：" + ex.Message);
            return 2;
        }
    }
}
