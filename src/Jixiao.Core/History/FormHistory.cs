using System.Text.Json.Nodes;
using Jixiao.Core.Entry;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;

namespace Jixiao.Core.History;

/// <summary>
/// What changed between two versions of a form, as a person reads it: fields by their Chinese names, indicator
/// rows by identity (<see cref="RowAlignment"/>: one inserted row is one addition, a moved row one move), values as
/// printed, and — on a self-evaluation bound to its declaration — the figures the system works out marked as
/// computed, not typed. Pure. Every field of the content is compared (the JSON format without source, lines and
/// import warnings), so nothing that changes goes unrecorded.
/// </summary>
public static class FormHistory
{
    // Likeness of two rows of different identity: same 一级 1, same 二级 2, same target 2, the names' shared
    // characters up to 3. Rows left over unevenly between two anchors pair only from 3 up (their filing and one more
    // thing in common, or much of the name).
    const int LikenessThreshold = 3;

    /// <param name="bound">A self-evaluation bound to its declaration: its 执行率, scores, 总分 and 等级 are computed.</param>
    public static IReadOnlyList<FormChange> Compare(PerformanceForm before, PerformanceForm after, bool bound = false)
    {
        var a = FormJson.Content(before);
        var b = FormJson.Content(after);
        var kind = after.Kind;
        var changes = new List<FormChange>();
        foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).ToList())
        {
            if (key == "indicators") Indicators(a[key] as JsonArray ?? [], b[key] as JsonArray ?? [], kind, bound, changes);
            else if (key == "funds" && kind is FormKind.SelfEvaluation or FormKind.Monitoring or FormKind.DepartmentSelfEvaluation) FundRows(a[key] as JsonObject, b[key] as JsonObject, kind, bound, changes);
            else Leaves(a[key], b[key], key, kind, bound, changes, label: null);
        }
        return changes;
    }

    /// <summary>The top-level figures a bound self-evaluation's record computes (<see cref="BoundEvaluation"/>).</summary>
    public static readonly IReadOnlySet<string> ComputedFields = new HashSet<string>
    {
        "totalWeight", "totalScore", "grade",
        "funds.initialBudget", "funds.weight", "funds.executionRate", "funds.score",
        "funds.rows[].initialBudget", "funds.rows[].weight", "funds.rows[].executionRate", "funds.rows[].score",
    };

    /// <summary>
    /// Whether a field of a bound self-evaluation is computed. A row's 得分 is, unless the unit gave it: a qualitative
    /// row's score in its band, or an override (<paramref name="rowScoreIsUnits"/> says for the row).
    /// </summary>
    public static bool IsComputed(string path, bool bound, Func<int, bool>? rowScoreIsUnits = null)
    {
        if (!bound) return false;
        var pattern = FieldLabels.Pattern(path);
        if (ComputedFields.Contains(pattern)) return true;
        if (pattern != "indicators[].score") return false;
        var index = int.Parse(path["indicators[".Length..path.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
        return !(rowScoreIsUnits?.Invoke(index) ?? false);
    }

    static void Leaves(JsonNode? x, JsonNode? y, string path, FormKind kind, bool bound, List<FormChange> changes, Func<string, string>? label,
        Func<int, bool>? rowScoreIsUnits = null, int? row = null)
    {
        // A target, an actual value or an override is one value as printed, not three leaves.
        var whole = Printed.IsWhole(FieldLabels.Pattern(path));
        if (!whole && x is JsonObject ox && y is JsonObject oy)
        {
            foreach (var key in ox.Select(p => p.Key).Union(oy.Select(p => p.Key)).ToList())
                Leaves(ox[key], oy[key], $"{path}.{key}", kind, bound, changes, label, rowScoreIsUnits, row);
            return;
        }
        if (!whole && x is JsonArray ax && y is JsonArray ay)
        {
            for (int i = 0; i < Math.Max(ax.Count, ay.Count); i++)
                Leaves(i < ax.Count ? ax[i] : null, i < ay.Count ? ay[i] : null, $"{path}[{i}]", kind, bound, changes, label, rowScoreIsUnits, row);
            return;
        }
        var old = Printed.Of(x, path);
        var @new = Printed.Of(y, path);
        if (old == @new && (JsonNode.DeepEquals(x, y) || !whole)) return; // 90.0 and 90.00 print alike: not a change to read
        if (old == @new)
        {
            // Printed alike, stored differently (a target whose text agrees but whose value does not): show the parts.
            old = x is null ? null : Printed.Parts(x);
            @new = y is null ? null : Printed.Parts(y);
        }
        changes.Add(new FormChange(ChangeKind.Changed, path, label?.Invoke(path) ?? FieldLabels.Of(path, kind), old, @new,
            IsComputed(path, bound, rowScoreIsUnits), row));
    }

    static void Indicators(JsonArray before, JsonArray after, FormKind kind, bool bound, List<FormChange> changes)
    {
        var oldRows = before.Select(n => n as JsonObject ?? []).ToList();
        var newRows = after.Select(n => n as JsonObject ?? []).ToList();
        var pairs = RowAlignment.Align(oldRows.Select(Identity).ToList(), newRows.Select(Identity).ToList(),
            (i, j) => Likeness(oldRows[i], newRows[j]), LikenessThreshold);
        bool ScoreIsUnits(JsonObject row) => row["scoreOverride"] is not null || Str(row["actual"]?["achievement"]) is not null;

        var found = new List<(int Order, int Kind, FormChange Change)>();
        foreach (var pair in pairs)
        {
            if (pair.New is not { } j)
            {
                var i = pair.Old!.Value;
                found.Add((i, 0, new FormChange(ChangeKind.Removed, $"indicators[{i}]", FieldLabels.Row(i, Str(oldRows[i]["name"])),
                    Printed.Row(oldRows[i]), null, Row: i + 1)));
                continue;
            }
            var row = newRows[j];
            var name = Str(row["name"]);
            if (pair.Old is not { } from)
            {
                found.Add((j, 1, new FormChange(ChangeKind.Added, $"indicators[{j}]", FieldLabels.Row(j, name), null, Printed.Row(row), Row: j + 1)));
                continue;
            }
            if (pair.Moved)
                found.Add((j, 1, new FormChange(ChangeKind.Moved, $"indicators[{j}]", string.IsNullOrWhiteSpace(name) ? "指标行" : $"三级指标“{name}”",
                    $"{from + 1}", $"{j + 1}", Row: j + 1, FromRow: from + 1)));
            var inRow = new List<FormChange>();
            // The row's fields are named under its new position and name; they are compared as the same row.
            Leaves(oldRows[from], row, $"indicators[{j}]", kind, bound, inRow,
                path => FieldLabels.Of(path, kind, _ => name), _ => ScoreIsUnits(row), j + 1);
            found.AddRange(inRow.Select(c => (j, 2, c)));
        }
        changes.AddRange(found.OrderBy(f => f.Order).ThenBy(f => f.Kind).Select(f => f.Change));
    }

    /// <summary>
    /// A self-evaluation's or monitoring form's funds: the fund rows matched by their label; a self-evaluation's
    /// 年度资金总额 figures beside them are the total row's, not counted twice.
    /// </summary>
    static void FundRows(JsonObject? before, JsonObject? after, FormKind kind, bool bound, List<FormChange> changes)
    {
        before ??= [];
        after ??= [];
        Leaves(before["unit"], after["unit"], "funds.unit", kind, bound, changes, null);
        var oldRows = (before["rows"] as JsonArray ?? []).Select(n => n as JsonObject ?? []).ToList();
        var newRows = (after["rows"] as JsonArray ?? []).Select(n => n as JsonObject ?? []).ToList();
        var used = new HashSet<int>();
        for (int j = 0; j < newRows.Count; j++)
        {
            var label = Str(newRows[j]["label"]);
            var i = Enumerable.Range(0, oldRows.Count).Cast<int?>().FirstOrDefault(k => !used.Contains(k!.Value) && Str(oldRows[k.Value]["label"]) == label);
            if (i is null)
            {
                changes.Add(new FormChange(ChangeKind.Added, $"funds.rows[{j}]", FieldLabels.Of($"funds.rows[{j}]", kind, fundRowLabel: _ => label),
                    null, Printed.FundRow(newRows[j])));
                continue;
            }
            used.Add(i.Value);
            Leaves(oldRows[i.Value], newRows[j], $"funds.rows[{j}]", kind, bound, changes,
                path => FieldLabels.Of(path, kind, fundRowLabel: _ => label));
        }
        for (int i = 0; i < oldRows.Count; i++)
            if (!used.Contains(i))
            {
                var label = Str(oldRows[i]["label"]);
                changes.Add(new FormChange(ChangeKind.Removed, $"funds.rows[{i}]", FieldLabels.Of($"funds.rows[{i}]", kind, fundRowLabel: _ => label),
                    Printed.FundRow(oldRows[i]), null));
            }
    }

    /// <summary>A row's identity: 一级, 二级 and 三级, white space ignored.</summary>
    static string Identity(JsonObject row) => $"{Squash(row["level1"])}\u001f{Squash(row["level2"])}\u001f{Squash(row["name"])}";

    static string Squash(JsonNode? n) => string.Concat((Str(n) ?? "").Where(c => !char.IsWhiteSpace(c)));

    static int Likeness(JsonObject a, JsonObject b)
    {
        int score = 0;
        if (Squash(a["level1"]) is { Length: > 0 } l1 && l1 == Squash(b["level1"])) score += 1;
        if (Squash(a["level2"]) is { Length: > 0 } l2 && l2 == Squash(b["level2"])) score += 2;
        if (Printed.Of(a["target"], "indicators[].target") is { Length: > 0 } t && t == Printed.Of(b["target"], "indicators[].target")) score += 2;
        return score + (int)Math.Round(3 * SharedCharacters(Squash(a["name"]), Squash(b["name"])));
    }

    /// <summary>The share of characters two names have in common (Dice coefficient over characters).</summary>
    static double SharedCharacters(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var rest = b.ToList();
        int common = 0;
        foreach (var c in a)
            if (rest.Remove(c)) common++;
        return 2.0 * common / (a.Length + b.Length);
    }

    internal static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
