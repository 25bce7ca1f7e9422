using System.CommandLine;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Formats.Json;

namespace Jixiao.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "要导入的文件或文件夹（文件夹递归读取）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "把所有表以 JSON 数组写到标准输出" };
        var cmd = new Command("import", "读取绩效表（PDF 提取的文本、制表符/竖线分隔、JSON 表格行等），输出统一的模型") { paths, json };
        cmd.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(json)));
        return cmd;
    }

    private static int Run(string[] paths, bool json)
    {
        var (files, missing) = FileArguments.Expand(paths);
        foreach (var m in missing) Console.Error.WriteLine($"错误：找不到文件或文件夹“{m}”");
        var forms = new List<PerformanceForm>();
        int errors = missing.Count;
        foreach (var file in files)
        {
            var result = FormImporter.ImportFile(file);
            forms.AddRange(result.Forms);
            foreach (var p in result.Problems)
            {
                Console.Error.WriteLine((p.IsError ? "错误：" : "提示：") + p);
                if (p.IsError && result.Forms.Count == 0) errors++;
            }
            foreach (var f in result.Forms)
                foreach (var w in f.Warnings)
                    Console.Error.WriteLine($"提示：{file}:{w.Line}: {f.ProjectName}：{w.Message}");
        }
        if (json) Console.WriteLine(FormJson.Serialize(forms));
        else FormText.Print(forms, Console.Out);
        if (forms.Count == 0)
        {
            Console.Error.WriteLine("没有读到任何绩效表。");
            return 2;
        }
        return errors > 0 ? 1 : 0;
    }
}
