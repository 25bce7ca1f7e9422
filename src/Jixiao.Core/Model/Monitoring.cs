namespace Jixiao.Core.Model;

/// <summary>
/// 项目支出绩效目标执行监控表 (财预〔2019〕136号 附件; layout and sources in docs/monitoring-form.md): the project's
/// budget execution and target progress at a period's end, with the forecast for the year, the reasons of any
/// deviation and the likelihood of reaching each target.
/// </summary>
public sealed class MonitoringForm : PerformanceForm
{
    public override FormKind Kind => FormKind.Monitoring;

    /// <summary>The period the figures run to: 1 to <see cref="MonitoringPeriod.EndMonth"/> of the year.</summary>
    public MonitoringPeriod Period { get; set; } = new(7, null);

    public MonitoringFunds Funds { get; set; } = new();
    public string? AnnualGoal { get; set; }    // 年度总体目标 (from the approved declaration)
    public string? GoalProgress { get; set; }  // 1-X月执行情况 of the overall target
}

/// <summary>
/// The period of a monitoring form. The figures are cumulative from January to the end of <see cref="EndMonth"/>
/// (the national form's 1-7月 is 7; a half year 6; the third quarter 9): every published form and vendor system
/// seen counts from the year's start (docs/monitoring-form.md §5). <see cref="Name"/> is the round's own name
/// (第三季度, 半年) where it has one.
/// </summary>
public sealed record MonitoringPeriod(int EndMonth, string? Name)
{
    /// <summary>As the column heads print it: 1-7月 (1月 for January alone).</summary>
    public string Label => EndMonth == 1 ? "1月" : $"1-{EndMonth}月";

    /// <summary>时间进度 (序时进度): the share of the year elapsed at the period's end, in percent, unrounded.</summary>
    public decimal TimeProgressPercent => EndMonth * 100m / 12m;
}

/// <summary>项目资金（万元）of a monitoring form: 年度资金总额, then its source lines in printed order.</summary>
public sealed class MonitoringFunds
{
    public MoneyUnit Unit { get; set; } = MoneyUnit.WanYuan;
    public List<MonitoringFundRow> Rows { get; } = new();

    public MonitoringFundRow? Total => Rows.FirstOrDefault(r => r.Label.Contains("总额")) ?? Rows.FirstOrDefault();
}

/// <summary>A fund line: 年初预算数 | (调整后预算数) | 1-X月执行数 | 1-X月执行率 | 全年预计执行数.</summary>
public sealed class MonitoringFundRow
{
    public string Label { get; set; } = "";
    public decimal? InitialBudget { get; set; }      // 年初预算数
    public decimal? AdjustedBudget { get; set; }     // 调整后预算数 (provincial layouts; the rate's divisor when present)
    public decimal? ExecutedToDate { get; set; }     // 1-X月执行数
    public decimal? ExecutionRate { get; set; }      // 1-X月执行率(%), computed on save
    public decimal? ForecastExecuted { get; set; }   // 全年预计执行数
    public Deviation? Deviation { get; set; }        // why execution lags, and what the unit will do
    public int? Line { get; set; }

    /// <summary>The budget the rate divides by: 调整后预算数 where the form has it, else 年初预算数.</summary>
    public decimal? Budget => AdjustedBudget ?? InitialBudget;
}

/// <summary>偏差原因分析 (one or more of the five causes, and the text) and the 纠偏措施 the unit will take.</summary>
public sealed record Deviation(IReadOnlyList<DeviationCause> Causes, string? Reason, string? CorrectiveAction)
{
    public bool IsEmpty => Causes.Count == 0 && string.IsNullOrWhiteSpace(Reason) && string.IsNullOrWhiteSpace(CorrectiveAction);
}

/// <summary>The five columns under 偏差原因分析, in printed order.</summary>
public enum DeviationCause
{
    Funding,        // 经费保障
    Institutional,  // 制度保障
    Staffing,       // 人员保障
    Facilities,     // 硬件条件保障
    Other,          // 其他
}

/// <summary>完成目标可能性.</summary>
public enum Likelihood
{
    Certain,     // 确定能
    Possible,    // 有可能
    Impossible,  // 完全不可能
}

public static class MonitoringChoices
{
    public static readonly IReadOnlyList<DeviationCause> AllCauses = Enum.GetValues<DeviationCause>();
    public static readonly IReadOnlyList<Likelihood> AllLikelihoods = Enum.GetValues<Likelihood>();

    public static string ToCode(this DeviationCause c) => c switch
    {
        DeviationCause.Funding => "funding",
        DeviationCause.Institutional => "institutional",
        DeviationCause.Staffing => "staffing",
        DeviationCause.Facilities => "facilities",
        DeviationCause.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static string ToChinese(this DeviationCause c) => c switch
    {
        DeviationCause.Funding => "经费保障",
        DeviationCause.Institutional => "制度保障",
        DeviationCause.Staffing => "人员保障",
        DeviationCause.Facilities => "硬件条件保障",
        DeviationCause.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static DeviationCause? CauseFromCode(string? code) =>
        AllCauses.Cast<DeviationCause?>().FirstOrDefault(c => c!.Value.ToCode() == code);

    /// <summary>A printed cause: the five names, with or without 保障 (经费, 硬件条件, 硬件保障).</summary>
    public static DeviationCause? CauseFromChinese(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        foreach (var c in AllCauses)
            if (t == c.ToChinese() || t == c.ToChinese().Replace("保障", "")) return c;
        return t is "硬件保障" or "硬件" ? DeviationCause.Facilities : null;
    }

    public static string ToCode(this Likelihood l) => l switch
    {
        Likelihood.Certain => "certain",
        Likelihood.Possible => "possible",
        Likelihood.Impossible => "impossible",
        _ => throw new ArgumentOutOfRangeException(nameof(l)),
    };

    public static string ToChinese(this Likelihood l) => l switch
    {
        Likelihood.Certain => "确定能",
        Likelihood.Possible => "有可能",
        Likelihood.Impossible => "完全不可能",
        _ => throw new ArgumentOutOfRangeException(nameof(l)),
    };

    public static Likelihood? LikelihoodFromCode(string? code) =>
        AllLikelihoods.Cast<Likelihood?>().FirstOrDefault(l => l!.Value.ToCode() == code);

    /// <summary>A printed likelihood; 不可能 (黄石's wording) is 完全不可能.</summary>
    public static Likelihood? LikelihoodFromChinese(string? text) => text?.Trim() switch
    {
        "确定能" => Likelihood.Certain,
        "有可能" => Likelihood.Possible,
        "完全不可能" or "不可能" => Likelihood.Impossible,
        _ => null,
    };
}
