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

    /// <summary>
    /// Why the status may not move from one to the other; null when it may. Only forward, one step at a time:
    /// 待审定 → 已审定 → 已停用. Staying where it is, is no move.
    /// </summary>
    public static string? RefuseMove(EntryStatus from, EntryStatus to) =>
        from == to || (from, to) is (EntryStatus.Proposed, EntryStatus.Approved) or (EntryStatus.Approved, EntryStatus.Retired)
            ? null
            : $"指标状态不能从“{from.ToChinese()}”改为“{to.ToChinese()}”（只能 待审定 → 已审定 → 已停用）";
}
