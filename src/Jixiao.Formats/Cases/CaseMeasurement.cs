using System.Text.Json.Nodes;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Import;

namespace Jixiao.Formats.Cases;

/// <summary>
/// A case folder (tests/data/cases, tests/data/pending): one `input.*` file and the `expected.json` written by hand
/// from it. Reading one gives both sides of the comparison: the expectation and what the importer makes of the input.
/// </summary>
public static class CaseFolder
{
    public const string ExpectedFile = "expected.json";

    public static bool IsCase(string dir) => File.Exists(Path.Combine(dir, ExpectedFile));

    /// <summary>The case folders at or below each directory, in the order named, each directory's sorted by path.</summary>
    public static List<string> Find(IEnumerable<string> dirs)
    {
        var cases = new List<string>();
        foreach (var dir in dirs)
        {
            if (IsCase(dir)) { cases.Add(dir); continue; }
            cases.AddRange(Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories)
                .Where(IsCase).OrderBy(d => d, StringComparer.Ordinal));
        }
        return cases;
    }

    /// <summary>The case's input file: exactly one `input.*`.</summary>
    public static string Input(string dir)
    {
        var inputs = Directory.GetFiles(dir, "input.*");
        return inputs.Length switch
        {
            1 => inputs[0],
            0 => throw new InvalidDataException($"{dir}：没有 input.* 文件"),
            _ => throw new InvalidDataException($"{dir}：有 {inputs.Length} 个 input.* 文件，应只有一个"),
        };
    }

    /// <summary>The hand-written expectation and the importer's forms for the input, both as the JSON format.</summary>
    public static (JsonNode? Expected, JsonNode? Actual) Read(string dir) => (Expected(dir), Import(dir));

    public static JsonNode? Expected(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ExpectedFile)));

    /// <summary>What the importer reads from the case's input, as the JSON format (an array of forms).</summary>
    public static JsonNode? Import(string dir)
    {
        var input = Input(dir);
        var result = FormImporter.ImportFile(input, Path.GetFileName(input));
        return JsonNode.Parse(FormJson.Serialize(result.Forms));
    }
}

/// <summary>What a case's measurement counts, or their sums over several cases.</summary>
public sealed record CaseCounts
{
    public int FormsExpected { get; init; }
    public int FormsRead { get; init; }
    public int FieldsRight { get; init; }
    public int FieldsExpected { get; init; }
    public int RowsRight { get; init; }
    public int RowsExpected { get; init; }
    /// <summary>Rows the importer gave that match no expected row, counted on the forms whose expectation lists
    /// its rows (has an `indicators` array); null when no form does.</summary>
    public int? RowsInvented { get; init; }

    public static CaseCounts Sum(IEnumerable<CaseCounts> counts) => counts.Aggregate(new CaseCounts { RowsInvented = 0 }, (t, c) => new()
    {
        FormsExpected = t.FormsExpected + c.FormsExpected, FormsRead = t.FormsRead + c.FormsRead,
        FieldsRight = t.FieldsRight + c.FieldsRight, FieldsExpected = t.FieldsExpected + c.FieldsExpected,
        RowsRight = t.RowsRight + c.RowsRight, RowsExpected = t.RowsExpected + c.RowsExpected,
        RowsInvented = t.RowsInvented + (c.RowsInvented ?? 0),
    });
}

/// <summary>How much of one case the importer gets right; <see cref="WrongFields"/> and <see cref="MissedRows"/>
/// say which.</summary>
public sealed record CaseScore
{
    public required string Case { get; init; }
    public required string Dir { get; init; }
    public CaseCounts Counts { get; init; } = new();
    /// <summary>The whole expectation holds (what the golden case test asserts).</summary>
    public bool Passes { get; init; }
    public IReadOnlyList<string> WrongFields { get; init; } = [];
    public IReadOnlyList<string> MissedRows { get; init; } = [];
    /// <summary>Why the case could not be measured (unreadable expectation, no input, the importer failed).</summary>
    public string? Error { get; init; }
}

/// <summary>The sums over a group of cases.</summary>
public sealed record CaseTotals(int Cases, int Passing, CaseCounts Counts)
{
    public static CaseTotals Of(IReadOnlyCollection<CaseScore> scores) =>
        new(scores.Count, scores.Count(s => s.Passes), CaseCounts.Sum(scores.Select(s => s.Counts)));
}

/// <summary>
/// Scores an import against a hand-written expectation (docs/corpus.md), with <see cref="JsonSubset"/>'s comparison
/// of values. Forms are matched in order. Fields are the leaf values outside the indicator rows, by path (an array's
/// length is one field more, each expected warning one field). An indicator row is right when one actual row of
/// the same form carries all of its expected keys with equal values; rows are matched in order and monotonically
/// (the longest common subsequence), so one missed row does not fail those after it. An expected `indicators`
/// array is the form's complete list of rows — the golden test requires the lengths to be equal — so the actual
/// rows left unmatched on such a form are counted as invented.
/// </summary>
public static class CaseScoring
{
    public static CaseScore Measure(string dir)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
        JsonNode? expected;
        try { expected = CaseFolder.Expected(dir); }
        catch (System.Text.Json.JsonException e) { return new CaseScore { Case = name, Dir = dir, Error = $"expected.json 不是有效的 JSON：{e.Message}" }; }
        if (expected is not JsonArray) return new CaseScore { Case = name, Dir = dir, Error = "expected.json 应是绩效表的数组（[ … ]）" };
        JsonNode? actual;
        try { actual = CaseFolder.Import(dir); }
        // A measurement goes on past a case the importer cannot read: that case scores nothing and says why.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Score(name, dir, expected, new JsonArray()) with { Error = $"导入失败：{e.Message}" };
        }
        return Score(name, dir, expected, actual);
    }

    public static CaseScore Score(string name, string dir, JsonNode? expected, JsonNode? actual)
    {
        var expectedForms = expected as JsonArray ?? [];
        var actualForms = actual as JsonArray ?? [];
        var fields = new Tally();
        var rows = new Tally();
        int? invented = null;
        for (int i = 0; i < expectedForms.Count; i++)
        {
            var e = expectedForms[i] as JsonObject ?? [];
            var a = i < actualForms.Count ? actualForms[i] as JsonObject : null;
            var path = $"$[{i}]";
            FormFields(e, a, path, fields);
            if (e["indicators"] is not JsonArray expectedRows) continue;
            var actualRows = a?["indicators"] as JsonArray ?? [];
            int matched = Rows(expectedRows, actualRows, path, rows);
            invented = (invented ?? 0) + actualRows.Count - matched;
        }
        return new CaseScore
        {
            Case = name, Dir = dir,
            Counts = new()
            {
                FormsExpected = expectedForms.Count, FormsRead = actualForms.Count,
                FieldsRight = fields.Right, FieldsExpected = fields.Expected,
                RowsRight = rows.Right, RowsExpected = rows.Expected, RowsInvented = invented,
            },
            Passes = expected is not null && JsonSubset.Differences(expected, actual).Count == 0,
            WrongFields = fields.Misses, MissedRows = rows.Misses,
        };
    }

    private sealed class Tally
    {
        public int Right, Expected;
        public readonly List<string> Misses = [];

        public void Count(bool right, string miss)
        {
            Expected++;
            if (right) Right++;
            else Misses.Add(miss);
        }
    }

    /// <summary>The form's fields outside its indicator rows.</summary>
    private static void FormFields(JsonObject expected, JsonObject? actual, string path, Tally tally)
    {
        foreach (var (key, value) in expected)
        {
            if (key == "indicators") continue;
            bool present = actual?.ContainsKey(key) == true;
            if (key == "warnings" && value is JsonArray warnings) Warnings(warnings, present ? actual![key] : null, present, path, tally);
            else Fields(value, present ? actual![key] : null, present, $"{path}.{key}", tally);
        }
    }

    /// <summary>Each leaf of <paramref name="expected"/> is a field; an array's length is one more.</summary>
    private static void Fields(JsonNode? expected, JsonNode? actual, bool present, string path, Tally tally)
    {
        switch (expected)
        {
            case JsonObject eo when eo.Count > 0:
                var ao = actual as JsonObject;
                foreach (var (k, v) in eo)
                {
                    bool has = ao?.ContainsKey(k) == true;
                    Fields(v, has ? ao![k] : null, has, $"{path}.{k}", tally);
                }
                return;
            case JsonArray ea when ea.Count > 0:
                var aa = actual as JsonArray;
                tally.Count(aa?.Count == ea.Count, $"{path}: expected {ea.Count} items, got {(aa is null ? "none" : aa.Count)}");
                for (int i = 0; i < ea.Count; i++)
                {
                    bool has = aa is not null && i < aa.Count;
                    Fields(ea[i], has ? aa![i] : null, has, $"{path}[{i}]", tally);
                }
                return;
            default:
                var diffs = present ? JsonSubset.Differences(expected, actual, path) : [$"{path}: missing"];
                tally.Count(diffs.Count == 0, diffs.FirstOrDefault() ?? "");
                return;
        }
    }

    /// <summary>Each expected warning is a field, right when some actual warning names its line (JsonSubset's rule).</summary>
    private static void Warnings(JsonArray expected, JsonNode? actual, bool present, string formPath, Tally tally)
    {
        var actualSide = new JsonObject { ["warnings"] = actual?.DeepClone() };
        foreach (var warning in expected)
        {
            var one = new JsonObject { ["warnings"] = new JsonArray(warning?.DeepClone()) };
            var diffs = present ? JsonSubset.Differences(one, actualSide, formPath) : [$"{formPath}.warnings: missing"];
            tally.Count(diffs.Count == 0, diffs.FirstOrDefault() ?? "");
        }
    }

    /// <summary>Matches expected rows to actual rows in order (longest common subsequence); returns how many matched.</summary>
    private static int Rows(JsonArray expected, JsonArray actual, string formPath, Tally tally)
    {
        int n = expected.Count, m = actual.Count;
        var fits = new bool[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                fits[i, j] = JsonSubset.Differences(expected[i], actual[j]).Count == 0;
        // best[i, j]: the most rows matched among expected[i..] and actual[j..].
        var best = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                best[i, j] = fits[i, j] ? best[i + 1, j + 1] + 1 : Math.Max(best[i + 1, j], best[i, j + 1]);
        int r = 0, c = 0;
        while (r < n)
        {
            if (c < m && fits[r, c]) { tally.Count(true, ""); r++; c++; }
            else if (c < m && best[r, c + 1] >= best[r + 1, c]) c++;
            else { tally.Count(false, $"{formPath}.indicators[{r}] {RowLabel(expected[r])}"); r++; }
        }
        return best[0, 0];
    }

    private static string RowLabel(JsonNode? row) =>
        row?["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? $"“{(string?)row["name"]}”" :
        row?["line"] is { } line ? $"(第 {line} 行)" : "";
}
