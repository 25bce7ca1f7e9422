using System.CommandLine;
using Jixiao.Core.Interchange;

namespace Jixiao.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "要导入的文件或文件夹（文件夹递归读取）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "把所有表以 JSON 数组写到标准输出；与 --db 同用时，把导入汇总写成一个 JSON 对象" };
        var db = new Option<string?>("--db") { Description = "存入数据库：SQLite 文件路径，或 PostgreSQL 连接字符串（Host=…）；已存过的表（内容相同）跳过" };
        var batch = new Option<int?>("--batch-size") { Description = "每个事务存多少张表（默认 5000）" };
        var parallel = new Option<int?>("--parallel") { Description = "同时读取的文件数（默认为处理器数；在与网站共用的服务器上可设小些）" };
        var cmd = new Command("import", "读取绩效表（PDF 提取的文本、制表符/竖线分隔、JSON 表格行、xlsx、xls、PDF、docx、doc 等），输出统一的模型，或用 --db 批量存入数据库")
        {
            paths, json, db, batch, parallel,
        };
        cmd.SetAction(async (r, ct) =>
        {
            if (r.GetValue(parallel) is < 1)
            {
                Console.Error.WriteLine("错误：--parallel 应为不小于 1 的整数");
                return 2;
            }
            if (r.GetValue(db) is { } connection)
                return await BulkImport.RunAsync(r.GetValue(paths)!, connection, r.GetValue(json), r.GetValue(batch), r.GetValue(parallel), ct);
            return ImportListing.Run(r.GetValue(paths)!, r.GetValue(json), r.GetValue(parallel) ?? Environment.ProcessorCount);
        });
        return cmd;
    }
}

internal static class ExitCodes
{
    /// <summary>0 all read; 1 some file failed; 2 nothing usable was read.</summary>
    public static int ForImport(FormLoading.Loaded loaded) => ForImport(loaded.Forms.Count, loaded.FailedFiles);

    public static int ForImport(long forms, int failedFiles)
    {
        if (forms == 0)
        {
            Console.Error.WriteLine("没有读到任何绩效表。");
            return 2;
        }
        return failedFiles > 0 ? 1 : 0;
    }
}
