using System.Text.RegularExpressions;

namespace Jixiao.Core.History;

/// <summary>What happened to a field or a row between two versions of a form.</summary>
public enum ChangeKind
{
    Changed, // a value was typed, cleared or replaced
    Added,   // 新增 a row
    Removed, // 删除 a row
    Moved,   // a row moved to another place; its identity (一级, 二级, 三级) is the same
}

/// <summary>
/// One change a person reads: <see cref="Label"/> names the field in the form's words
/// (<c>第 3 行三级指标“新增监控点位”的指标值</c>), <see cref="Old"/> and <see cref="New"/> are printed values
/// (<c>≥4(个)</c>, never a JSON object). <see cref="Field"/> is the path for machines, in the version the change led
/// to (a removed row: the version before). <see cref="Computed"/>: the system worked it out (a bound self-evaluation's
/// 执行率, scores, 总分, 等级), nobody typed it. <see cref="Row"/> counts from 1; a move goes from <see cref="FromRow"/>.
/// For a move, Old and New are the row numbers.
/// </summary>
public sealed record FormChange(ChangeKind Kind, string Field, string Label, string? Old, string? New, bool Computed = false,
    int? Row = null, int? FromRow = null)
{
    /// <summary>The sentence: <c>第 3 行三级指标“新增监控点位”的指标值由 ≥4 改为 ≥6</c>.</summary>
    public string Summary => HistoryText.Summary(Kind, Computed, Label, Old, New);

    /// <summary>How the change is stored (<c>audit_log.change_kind</c>).</summary>
    public string Code => ChangeKinds.ToCode(Kind, Computed);
}

public static class ChangeKinds
{
    /// <summary>changed, computed (a changed value the system worked out), added, removed, moved.</summary>
    public static string ToCode(ChangeKind kind, bool computed) => kind switch
    {
        ChangeKind.Changed => computed ? "computed" : "changed",
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "moved",
    };

    public static (ChangeKind Kind, bool Computed)? FromCode(string? code) => code switch
    {
        "changed" => (ChangeKind.Changed, false),
        "computed" => (ChangeKind.Changed, true),
        "added" => (ChangeKind.Added, false),
        "removed" => (ChangeKind.Removed, false),
        "moved" => (ChangeKind.Moved, false),
        _ => null,
    };
}

/// <summary>The sentences of the history, in one place for the page and the API.</summary>
public static partial class HistoryText
{
    public const string ComputedPrefix = "系统按评分方案计算：";

    /// <summary>
    /// One change as a sentence. Numbers and targets stand as printed (<c>由 ≥4 改为 ≥6</c>), words in quotes
    /// (<c>由“优”改为“良”</c>). Values longer than <paramref name="maxValue"/> characters are cut with “…” (the page
    /// shows the whole value on request); the API gives them whole.
    /// </summary>
    public static string Summary(ChangeKind kind, bool computed, string label, string? old, string? @new, int? maxValue = null)
    {
        string? Cut(string? v) => v is null || maxValue is not { } max || v.Length <= max ? v : v[..max] + "…";
        old = Cut(old);
        @new = Cut(@new);
        return kind switch
        {
            ChangeKind.Added => @new is null ? $"新增{label}" : $"新增{label}（{@new}）",
            ChangeKind.Removed => old is null ? $"删除{label}" : $"删除{label}（{old}）",
            ChangeKind.Moved => $"{label}由第 {old} 行移到第 {@new} 行",
            _ when computed => $"{ComputedPrefix}{label} {old ?? "—"} → {@new ?? "—"}",
            _ when old is null => $"填写{label}：{Quoted(@new!).Trim()}",
            _ when @new is null => $"清空{label}（原为{Quoted(old).Trim()}）",
            _ => $"{label}由{Quoted(old)}改为{Quoted(@new)}".TrimEnd(),
        };
    }

    /// <summary>A figure or target stands between spaces (` ≥4 `), a word in Chinese quotes (<c>“优”</c>).</summary>
    public static string Quoted(string value) => FigureLike().IsMatch(value) ? $" {value} " : $"“{value}”";

    [GeneratedRegex(@"^([≥>=≤<]?\s*-?\d[\d,]*(\.\d+)?(\s*[(（][^)）]*[)）]|%|‰)?|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex FigureLike();
}
