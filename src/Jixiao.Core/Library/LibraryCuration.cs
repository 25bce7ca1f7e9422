namespace Jixiao.Core.Library;

/// <summary>Where an entry stands: 待审定 (seeded from the forms), 已审定 (finance approved it), 已停用.</summary>
public enum EntryStatus { Proposed, Approved, Retired }

/// <summary>指标值的依据: 计划标准, 历史标准, 行业标准, 其他标准.</summary>
public enum ValueBasis { Plan, History, Industry, Other }

/// <summary>共享范围: 本单位, 本部门 (the owner's 主管部门 and its units), 全部.</summary>
public enum SharingScope { Unit, Department, All }

/// <summary>共性指标 (for every project of a kind) or 个性指标 (the project's own).</summary>
public enum IndicatorNature { Common, Specific }

/// <summary>The codes and Chinese names of the curated fields, and the status moves finance may make. Pure.</summary>
public static class LibraryCuration
{
    public static string ToCode(this EntryStatus s) => s switch { EntryStatus.Proposed => "proposed", EntryStatus.Approved => "approved", _ => "retired" };
    public static string ToChinese(this EntryStatus s) => s switch { EntryStatus.Proposed => "待审定", EntryStatus.Approved => "已审定", _ => "已停用" };
    public static string ToCode(this ValueBasis b) => b switch { ValueBasis.Plan => "plan", ValueBasis.History => "history", ValueBasis.Industry => "industry", _ => "other" };
    public static string ToChinese(this ValueBasis b) => b switch { ValueBasis.Plan => "计划标准", ValueBasis.History => "历史标准", ValueBasis.Industry => "行业标准", _ => "其他标准" };
    public static string ToCode(this SharingScope s) => s switch { SharingScope.Unit => "unit", SharingScope.Department => "department", _ => "all" };
    public static string ToChinese(this SharingScope s) => s switch { SharingScope.Unit => "本单位", SharingScope.Department => "本部门", _ => "全部" };
    public static string ToCode(this IndicatorNature n) => n == IndicatorNature.Common ? "common" : "specific";
    public static string ToChinese(this IndicatorNature n) => n == IndicatorNature.Common ? "共性指标" : "个性指标";

    public static EntryStatus? StatusFrom(string? code) => Enum.GetValues<EntryStatus>().Cast<EntryStatus?>().FirstOrDefault(s => s!.Value.ToCode() == code);
    public static ValueBasis? BasisFrom(string? code) => Enum.GetValues<ValueBasis>().Cast<ValueBasis?>().FirstOrDefault(s => s!.Value.ToCode() == code);
    public static SharingScope? ScopeFrom(string? code) => Enum.GetValues<SharingScope>().Cast<SharingScope?>().FirstOrDefault(s => s!.Value.ToCode() == code);
    public static IndicatorNature? NatureFrom(string? code) => Enum.GetValues<IndicatorNature>().Cast<IndicatorNature?>().FirstOrDefault(s => s!.Value.ToCode() == code);

    /// <summary>A status, basis, scope or nature as a person writes it in a workbook: its Chinese name, the name without
    /// its 标准 or 指标, or its code (计划标准, 计划 or plan).</summary>
    public static T? FromWord<T>(string? word, Func<T, string> chinese, Func<T, string> code) where T : struct, Enum
    {
        var w = word?.Trim();
        if (string.IsNullOrEmpty(w)) return null;
        foreach (var v in Enum.GetValues<T>())
        {
            var name = chinese(v);
            if (w == name || w == code(v) || (name.EndsWith("标准") || name.EndsWith("指标")) && w == name[..^2]) return v;
        }
        return null;
    }

    public const int MaxTextLength = 2000, MaxTags = 20, MaxTagLength = 50;

    /// <summary>Why a 指标解释 or 计算方法 may not be kept (too long); null when it may.</summary>
    public static string? RefuseText(string label, string text) =>
        text.Length > MaxTextLength ? $"{label}不能超过 {MaxTextLength} 个字（现为 {text.Length} 个）" : null;

    /// <summary>The tags trimmed, empty ones and repeats dropped, joined by 、 as stored; or why they may not be kept.</summary>
    public static (string Joined, string? Refusal) Tags(IEnumerable<string> given)
    {
        var clean = given.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (clean.Count > MaxTags) return ("", $"标签最多 {MaxTags} 个（现为 {clean.Count} 个）");
        if (clean.FirstOrDefault(t => t.Contains('、') || t.Length > MaxTagLength) is { } bad) return ("", $"标签“{bad}”不能含“、”，也不能超过 {MaxTagLength} 个字");
        return (string.Join('、', clean), null);
    }

    /// <summary>
    /// Why the status may not move from one to the other; null when it may. Only forward, one step at a time:
    /// 待审定 → 已审定 → 已停用. Staying where it is, is no move.
    /// </summary>
    public static string? RefuseMove(EntryStatus from, EntryStatus to) =>
        from == to || (from, to) is (EntryStatus.Proposed, EntryStatus.Approved) or (EntryStatus.Approved, EntryStatus.Retired)
            ? null
            : $"指标状态不能从“{from.ToChinese()}”改为“{to.ToChinese()}”（只能 待审定 → 已审定 → 已停用）";
}
