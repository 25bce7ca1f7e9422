using System.CommandLine;
using Jixiao.Formats.Json;

namespace Jixiao.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "要导入的文件或文件夹（文件夹递归读取）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "把所有表以 JSON 数组写到标准输出" };
        var cmd = new Command("import", "读取绩效表（PDF 提取的文本、制表符/竖线分隔、JSON 表格行等），输出统一的模型") { paths, json };
        cmd.SetAction(r =>
        {
            var loaded = FormLoading.Load(r.GetValue(paths)!, Console.Error);
            if (r.GetValue(json)) Console.WriteLine(FormJson.Serialize(loaded.Forms));
            else FormText.Print(loaded.Forms, Console.Out);
            return ExitCodes.ForImport(loaded);
        });
        return cmd;
    }
}

internal static class ExitCodes
{
    /// <summary>0 all read; 1 some file failed; 2 nothing usable was read.</summary>
    public static int ForImport(FormLoading.Loaded loaded)
    {
        if (loaded.Forms.Count == 0)
        {
            Console.Error.WriteLine("没有读到任何绩效表。");
            return 2;
        }
        return loaded.FailedFiles > 0 ? 1 : 0;
    }
}
