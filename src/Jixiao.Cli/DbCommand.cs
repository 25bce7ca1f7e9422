using System.CommandLine;
using Jixiao.Storage;

namespace Jixiao.Cli;

internal static class DbCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "SQLite 文件路径，或 PostgreSQL 连接字符串（Host=…）", Required = true };
        var migrate = new Command("migrate", "建立或升级数据库结构（每个迁移一个事务）") { db };
        migrate.SetAction(async (r, ct) =>
        {
            try
            {
                var database = Database.Open(r.GetValue(db)!);
                var applied = await database.MigrateAsync(ct);
                Console.WriteLine(applied.Count == 0
                    ? "数据库已是最新结构，无需迁移。"
                    : "已应用迁移：" + string.Join("、", applied.Select(m => m.Name)));
                return 0;
            }
            catch (StorageException ex)
            {
                Console.Error.WriteLine("错误：" + ex.Message);
                return 2;
            }
        });
        return new Command("db", "数据库管理") { migrate };
    }
}
