using System.CommandLine;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Reports;

namespace Jixiao.Cli;

internal static class ScoreCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "自评表或监控表的文件或文件夹", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出每张表的计算过程" };
        var profile = new Option<string?>("--profile") { Description = "评分方案 id（profiles/ 下的文件名，如 shanghai-2024、national-default）；默认按表所属地区和年度选择" };
        var cmd = new Command("score", "按评分方案重新计算自评表（执行率、每个指标的得分、总分和等级）或监控表的预警颜色，并写出计算过程") { paths, json, profile };
        cmd.SetAction(r =>
        {
            var choice = ProfileChoice.Create(r.GetValue(profile), Console.Error);
            if (choice is null) return 2;
            var loaded = FormLoading.Load(r.GetValue(paths)!, Console.Error, showWarnings: false);
            // A self-evaluation gets its score sheet; a monitoring form its lights (预警) row by row.
            var sheets = loaded.Forms.Select(f => f switch
            {
                EvaluationForm s => (object)Scorer.Score(s, choice.For(f)),
                MonitoringForm m => MonitoringAssessor.Assess(m, choice.For(f)),
                _ => null,
            }).OfType<object>().ToList();
            int skipped = loaded.Forms.Count - sheets.Count;
            if (skipped > 0) Console.Error.WriteLine($"提示：{skipped} 张申报表或部门整体目标表没有得分，已跳过（评分只针对自评表和部门整体自评表，预警只针对监控表）");
            Console.WriteLine(r.GetValue(json) ? ScoreReport.RenderJson(sheets) : ScoreReport.RenderText(sheets));
            return loaded.Forms.Count == 0 ? ExitCodes.ForImport(loaded) : loaded.FailedFiles > 0 ? 1 : 0;
        });
        return cmd;
    }
}
