using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;

namespace Jixiao.Core.History;

/// <summary>One stored history row as the store keeps it (<c>audit_log</c>), without the store.</summary>
public sealed record HistoryRecord(string Action, string? Change, string? Field, string? Label, string? Old, string? New, string? Reason);

/// <summary>
/// A history row as a person reads it: what it is about (<see cref="Label"/>), the sentence (<see cref="Summary"/>),
/// the indicator row it concerns counted from 1, and whether the system computed it.
/// </summary>
public sealed record ReadableEntry(string Label, string Summary, int? Row, bool Computed, string? Change, string? Old = null, string? New = null);

public static partial class HistoryText
{
    /// <summary>
    /// Reads a stored row. Rows written since the history became readable carry their label and kind of change; older
    /// ones carry only a field path (<c>indicators[4].target.value</c>), which is translated: the field by its name,
    /// the row by its number then (its name then is not known, and today's name at that place may be another row's),
    /// a whole row stored as JSON printed as the form prints it. On a bound self-evaluation the computed figures are
    /// marked as such either way; <paramref name="rowScoreIsUnits"/> tells, for a row, whether its score is the
    /// unit's (a qualitative row, an override) — the rows of a bound self-evaluation are its declaration's, in order.
    /// </summary>
    public static ReadableEntry Describe(HistoryRecord r, FormKind? kind, bool bound, Func<int, bool>? rowScoreIsUnits = null, int? maxValue = null)
    {
        var row = RowOf(r.Field);
        switch (r.Action)
        {
            case "edit":
            {
                var field = r.Field ?? "";
                if (ChangeKinds.FromCode(r.Change) is var (k, computed))
                {
                    var label = r.Label ?? FieldLabels.Of(field, kind);
                    var at = k == ChangeKind.Moved && int.TryParse(r.New, out var to) ? to : row;
                    return new(label, Summary(k, computed, label, r.Old, r.New, maxValue), at, computed, r.Change, r.Old, r.New);
                }
                var old = Printed.Stored(r.Old, field);
                var @new = Printed.Stored(r.New, field);
                var whole = FieldLabels.Pattern(field) == "indicators[]";
                var kindOfChange = whole && r.Old is null ? ChangeKind.Added : whole && r.New is null ? ChangeKind.Removed : ChangeKind.Changed;
                var isComputed = kindOfChange == ChangeKind.Changed && FormHistory.IsComputed(field, bound, rowScoreIsUnits);
                var text = FieldLabels.Of(field, kind);
                return new(text, Summary(kindOfChange, isComputed, text, old, @new, maxValue), row, isComputed, ChangeKinds.ToCode(kindOfChange, isComputed), old, @new);
            }
            case "status":
            {
                var from = FormStatuses.FromCode(r.Old);
                var to = FormStatuses.FromCode(r.New);
                var verb = to switch
                {
                    FormStatus.Submitted => "提交",
                    FormStatus.Returned => "退回",
                    FormStatus.DepartmentApproved => "主管部门审核通过",
                    FormStatus.Approved => "审核通过",
                    FormStatus.Published => "公开",
                    FormStatus.Draft => "改为草稿",
                    _ => "状态变更",
                };
                return new("状态", $"{verb}（{from?.ToChinese() ?? r.Old} → {to?.ToChinese() ?? r.New}）", null, false, null);
            }
            case "comment":
            {
                var label = r.Label ?? (row is { } n ? $"第 {n} 行" : r.Field ?? "");
                return new(label, $"退回意见·{label}：{r.New}", row, false, null);
            }
            case "addressed":
            {
                var label = r.Label ?? (row is { } n ? $"第 {n} 行" : r.Field ?? "");
                return new(label, $"{label}的退回意见标为{(r.New == "true" ? "已处理" : "未处理")}", row, false, null);
            }
            case "acknowledge":
            {
                var count = WarningCount(r.New);
                return new("确认警告", $"提交时确认了{(count is { } c ? $" {c} 个" : "")}警告，理由：{r.Reason}", null, false, null);
            }
            case "import":
                return new("建立", string.IsNullOrWhiteSpace(r.Reason) ? "建立本表" : $"建立本表（来源：{r.Reason}）", null, false, null);
            default:
                return new(r.Action, r.Label ?? r.Action, row, false, r.Change);
        }
    }

    /// <summary>The indicator row (from 1) a field is on: <c>indicators[4].target</c> → 5.</summary>
    public static int? RowOf(string? field) =>
        field is not null && IndicatorIndex().Match(field) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : null;

    static int? WarningCount(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonNode.Parse(json) is JsonArray a ? a.Count : null; }
        catch (JsonException) { return null; }
    }

    [GeneratedRegex(@"^indicators\[(\d+)\]")]
    private static partial Regex IndicatorIndex();
}
