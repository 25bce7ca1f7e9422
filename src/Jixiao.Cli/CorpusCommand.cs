using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Formats.Cases;

namespace Jixiao.Cli;

/// <summary>
/// `jixiao corpus DIR…`: imports every case folder's input and measures it against its hand-written expectation
/// (docs/corpus.md). A measurement, not a test: it exits 0 whatever the scores, 2 when there is nothing to measure.
/// </summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("dirs") { Description = "案例文件夹，或包含案例文件夹的目录（如 tests/data/cases、tests/data/pending）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出每个案例的计数、错的字段和漏掉的指标行" };
        var cmd = new Command("corpus", "用手写的预期（expected.json）衡量导入：每个案例读对了多少字段、多少指标行，多读出了多少行") { dirs, json };
        cmd.SetAction(r => Run(r.GetValue(dirs)!, r.GetValue(json), Console.Out, Console.Error));
        return cmd;
    }

    public static int Run(string[] dirs, bool json, TextWriter output, TextWriter errors)
    {
        var missing = dirs.Where(d => !Directory.Exists(d)).ToList();
        foreach (var d in missing) errors.WriteLine($"错误：找不到文件夹 {d}");
        var cases = CaseFolder.Find(dirs.Except(missing));
        if (cases.Count == 0)
        {
            errors.WriteLine("没有找到案例文件夹（含 expected.json 的文件夹）。");
            return 2;
        }
        // Totals per group: the folder holding the cases (tests/data/cases, tests/data/pending …).
        var groups = cases.Select(CaseScoring.Measure)
            .GroupBy(s => Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(s.Dir)) ?? "")
            .Select(g => (Dir: g.Key, Scores: g.ToList())).ToList();
        var all = groups.SelectMany(g => g.Scores).ToList();
        if (json) output.WriteLine(Json(groups, all));
        else output.Write(Markdown(groups, all));
        return missing.Count > 0 ? 1 : 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static string Json(List<(string Dir, List<CaseScore> Scores)> groups, List<CaseScore> all) =>
        JsonSerializer.Serialize(new
        {
            groups = groups.Select(g => new { dir = g.Dir, cases = g.Scores, totals = CaseTotals.Of(g.Scores) }),
            totals = CaseTotals.Of(all),
        }, JsonOptions);

    private static string Markdown(List<(string Dir, List<CaseScore> Scores)> groups, List<CaseScore> all)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| 案例 | 表（读到/应有） | 字段（对/应有） | 指标行（对/应有） | 多出的指标行 | 全部符合 | 说明 |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (dir, scores) in groups)
        {
            foreach (var s in scores)
            {
                var c = s.Counts;
                sb.AppendLine($"| {s.Case} | {c.FormsRead}/{c.FormsExpected} | {c.FieldsRight}/{c.FieldsExpected} | {c.RowsRight}/{c.RowsExpected} | {(c.RowsInvented is { } n ? n.ToString(CultureInfo.InvariantCulture) : "—")} | {(s.Passes ? "是" : "否")} | {s.Error} |");
            }
            if (groups.Count > 1 || scores.Count > 1) sb.AppendLine(TotalsRow($"**{dir} 合计**", CaseTotals.Of(scores)));
        }
        if (groups.Count > 1) sb.AppendLine(TotalsRow("**总计**", CaseTotals.Of(all)));
        return sb.ToString();
    }

    private static string TotalsRow(string label, CaseTotals t) =>
        $"| {label} | {t.Counts.FormsRead}/{t.Counts.FormsExpected} | {Fraction(t.Counts.FieldsRight, t.Counts.FieldsExpected)} | {Fraction(t.Counts.RowsRight, t.Counts.RowsExpected)} | {t.Counts.RowsInvented} | {t.Passing}/{t.Cases} | |";

    private static string Fraction(int right, int expected) =>
        expected == 0 ? $"{right}/0" : $"{right}/{expected}（{(100m * right / expected).ToString("0.0", CultureInfo.InvariantCulture)}%）";
}
