using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Interchange;

namespace Jixiao.Generation;

/// <summary>What the generator injected into one form: the file, the form's place in it, and its defects.</summary>
public sealed record GroundTruthForm(string File, int Index, FormKind Kind, string? ProjectName, IReadOnlyList<InjectedDefect> Defects);

/// <summary>
/// <c>ground-truth.json</c>: every generated form with the defects injected into it, each with the check code that
/// must find it and the indicator it sits on. Written beside the generated files.
/// </summary>
public sealed class GroundTruth
{
    public const string FileName = "ground-truth.json";

    public required int Seed { get; init; }
    public required string Layout { get; init; }
    public required double DefectShare { get; init; }
    public required IReadOnlyList<GroundTruthForm> Forms { get; init; }

    public static GroundTruth From(IEnumerable<GeneratedFile> files, GeneratorOptions options) => new()
    {
        Seed = options.Seed,
        Layout = LayoutName(options.Layout),
        DefectShare = options.DefectShare,
        Forms = files.SelectMany(f => f.Forms.Select((g, i) => new GroundTruthForm(f.Name, i, g.Form.Kind, g.Form.ProjectName, g.Defects))).ToList(),
    };

    public static string LayoutName(GenerationLayout layout) => layout switch
    {
        GenerationLayout.Tab => "tab",
        GenerationLayout.PdfText => "pdf-text",
        GenerationLayout.JsonRows => "json-rows",
        _ => "mixed",
    };

    public static GenerationLayout? ParseLayout(string? name) => name switch
    {
        "tab" => GenerationLayout.Tab,
        "pdf-text" => GenerationLayout.PdfText,
        "json-rows" => GenerationLayout.JsonRows,
        "mixed" => GenerationLayout.Mixed,
        _ => null,
    };

    public string ToJson()
    {
        var o = new JsonObject
        {
            ["seed"] = Seed,
            ["layout"] = Layout,
            ["defectShare"] = DefectShare,
            ["forms"] = new JsonArray(Forms.Select(f => (JsonNode)new JsonObject
            {
                ["file"] = f.File,
                ["index"] = f.Index,
                ["kind"] = f.Kind.ToCode(),
                ["projectName"] = f.ProjectName,
                ["defects"] = new JsonArray(f.Defects.Select(DefectJson).ToArray()),
            }).ToArray()),
        };
        return o.ToJsonString(FormJson.Options);
    }

    static JsonNode DefectJson(InjectedDefect d)
    {
        var o = new JsonObject { ["kind"] = d.Kind.ToCode(), ["code"] = d.CheckCode, ["indicator"] = d.Indicator };
        // A monitoring form's defects name their row too, or the fund line they sit on.
        if (d.Row is { } row) o["row"] = row;
        if (d.FundLine is { } line) o["fundLine"] = line;
        return o;
    }

    /// <summary>Reads a ground-truth file; a Chinese message says what is wrong with a bad one.</summary>
    public static GroundTruth Parse(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new FormatException($"基准答案文件不是有效的 JSON：{e.Message}", e); }
        if (root is not JsonObject o || o["forms"] is not JsonArray forms)
            throw new FormatException("基准答案文件缺少 forms 数组");
        var list = new List<GroundTruthForm>();
        foreach (var node in forms)
        {
            var f = node!.AsObject();
            var defects = f["defects"]!.AsArray().Select(d =>
            {
                var code = (string?)d!["kind"];
                var kind = DefectKinds.FromCode(code) ?? throw new FormatException($"基准答案中有未知的缺陷类型“{code}”");
                return new InjectedDefect(kind, (string?)d["indicator"], (int?)d["row"], (string?)d["fundLine"]);
            }).ToList();
            list.Add(new GroundTruthForm((string)f["file"]!, (int)f["index"]!, FormKinds.FromCode((string?)f["kind"]) ?? FormKind.SelfEvaluation,
                (string?)f["projectName"], defects));
        }
        return new GroundTruth
        {
            Seed = (int?)o["seed"] ?? 0, Layout = (string?)o["layout"] ?? "", DefectShare = (double?)o["defectShare"] ?? 0, Forms = list,
        };
    }

    /// <summary>Writes the files and the ground truth into a folder (created if missing).</summary>
    public static GroundTruth WriteAll(IReadOnlyList<GeneratedFile> files, GeneratorOptions options, string directory)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        foreach (var f in files) File.WriteAllText(Path.Combine(directory, f.Name), f.Render(), utf8);
        var truth = From(files, options);
        File.WriteAllText(Path.Combine(directory, FileName), truth.ToJson(), utf8);
        return truth;
    }
}

/// <summary>One line of the recall table: a defect kind, how often it was injected and found.</summary>
public sealed record RecallRow(DefectKind Kind, string Code, int Injected, int Found, int FalseAlarms)
{
    public double Recall => Injected == 0 ? 1.0 : (double)Found / Injected;
}

/// <summary>
/// How well the checks find what the generator injected. A defect counts as found when its form has a finding of
/// the defect's check code on the defect's indicator or fund line (<see cref="InjectedDefect.FoundBy"/>; any finding
/// of that code for form-level defects). A false alarm is an error or warning of one of these codes on a form that
/// has no defect of that code. The table has a row for each defect kind that applies to a kind of form in the truth.
/// </summary>
public sealed class RecallTable
{
    public required IReadOnlyList<RecallRow> Rows { get; init; }
    public required int Forms { get; init; }
    public required int FormsWithDefects { get; init; }
    public required int FormsNotRead { get; init; }

    /// <summary>
    /// <paramref name="findings"/> by (file name, index of the form in that file). Files are matched by name without
    /// folder, so the table can be computed on files that were moved.
    /// </summary>
    public static RecallTable Compute(GroundTruth truth, IReadOnlyDictionary<(string File, int Index), IReadOnlyList<Finding>> findings)
    {
        var formKinds = truth.Forms.Select(f => f.Kind).ToHashSet();
        var kinds = DefectKinds.All.Where(k => formKinds.Any(f => k.AppliesTo(f))).ToList();
        var injected = DefectKinds.All.ToDictionary(k => k, _ => 0);
        var found = DefectKinds.All.ToDictionary(k => k, _ => 0);
        var falseAlarms = kinds.Select(k => k.Check().Code).Distinct().ToDictionary(c => c, _ => 0);
        int notRead = 0;
        foreach (var form in truth.Forms)
        {
            if (!findings.TryGetValue((form.File, form.Index), out var list))
            {
                notRead++;
                foreach (var d in form.Defects) injected[d.Kind]++;
                continue;
            }
            foreach (var d in form.Defects)
            {
                injected[d.Kind]++;
                if (list.Any(d.FoundBy)) found[d.Kind]++;
            }
            var injectedCodes = form.Defects.Select(d => d.CheckCode).ToHashSet();
            foreach (var f in list)
                if (f.Severity != Severity.Info && falseAlarms.ContainsKey(f.Code) && !injectedCodes.Contains(f.Code))
                    falseAlarms[f.Code]++;
        }
        return new RecallTable
        {
            Rows = kinds.Select(k => new RecallRow(k, k.Check().Code, injected[k], found[k], falseAlarms[k.Check().Code])).ToList(),
            Forms = truth.Forms.Count,
            FormsWithDefects = truth.Forms.Count(f => f.Defects.Count > 0),
            FormsNotRead = notRead,
        };
    }

    /// <summary>Findings keyed the way <see cref="Compute"/> wants them, from forms in the order they were read.</summary>
    public static Dictionary<(string File, int Index), IReadOnlyList<Finding>> Key(IEnumerable<(PerformanceForm Form, IReadOnlyList<Finding> Findings)> checkedForms) =>
        Key(checkedForms.Select(c => (c.Form.Source.File, c.Findings)));

    /// <summary>The same from each form's source file alone: a caller streaming many forms need not keep the forms.</summary>
    public static Dictionary<(string File, int Index), IReadOnlyList<Finding>> Key(IEnumerable<(string? SourceFile, IReadOnlyList<Finding> Findings)> checkedForms)
    {
        var result = new Dictionary<(string, int), IReadOnlyList<Finding>>();
        var next = new Dictionary<string, int>();
        foreach (var (source, list) in checkedForms)
        {
            var file = Path.GetFileName(source ?? "");
            var index = next.GetValueOrDefault(file);
            next[file] = index + 1;
            result[(file, index)] = list;
        }
        return result;
    }

    /// <summary>A markdown table in Chinese, for the terminal and docs/benchmarks.md.</summary>
    public string RenderMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"共 {Forms} 张表，其中 {FormsWithDefects} 张注入了缺陷{(FormsNotRead > 0 ? $"，{FormsNotRead} 张未能读入" : "")}。");
        sb.AppendLine();
        sb.AppendLine("| 缺陷类型 | 应报审核规则 | 注入 | 查出 | 查全率 | 误报（无此缺陷的表上的错误/警告） |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in Rows)
            sb.AppendLine($"| {r.Kind.ToChinese()} | `{r.Code}` | {r.Injected} | {r.Found} | {r.Recall * 100:0.0}% | {r.FalseAlarms} |");
        return sb.ToString();
    }
}
