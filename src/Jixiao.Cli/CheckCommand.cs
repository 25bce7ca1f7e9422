using System.CommandLine;
using Jixiao.Core.Review;
using Jixiao.Formats.Reports;

namespace Jixiao.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "绩效表文件或文件夹", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 数组输出全部审核发现" };
        var profile = new Option<string?>("--profile") { Description = "评分方案 id；默认按表所属地区和年度选择" };
        var cmd = new Command("check", "审核绩效表：算术与结构、评分一致性、目标质量；有错误级发现时退出码为 1") { paths, json, profile };
        cmd.SetAction(r =>
        {
            var choice = ProfileChoice.Create(r.GetValue(profile), Console.Error);
            if (choice is null) return 2;
            var loaded = FormLoading.Load(r.GetValue(paths)!, Console.Error, showWarnings: false);
            var findings = loaded.Forms.SelectMany(f => Reviewer.Review(f, choice.For(f))).ToList();
            Console.WriteLine(r.GetValue(json) ? FindingsReport.RenderJson(findings) : FindingsReport.RenderText(findings));
            if (loaded.Forms.Count == 0) return ExitCodes.ForImport(loaded);
            return findings.Any(f => f.Severity == Severity.Error) || loaded.FailedFiles > 0 ? 1 : 0;
        });
        return cmd;
    }
}
