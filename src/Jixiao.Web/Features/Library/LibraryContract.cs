using System.ComponentModel;

namespace Jixiao.Web.Features.Library;

// The typed requests and answers of the 指标库; OpenAPI shows the Chinese names.

[Description("下四分位数、中位数、上四分位数（最近秩之间线性插值，同 Excel QUARTILE.INC）")]
public sealed record QuartilesDocument(
    [property: Description("个数")] int Count,
    [property: Description("下四分位数")] decimal Lower,
    [property: Description("中位数")] decimal Median,
    [property: Description("上四分位数")] decimal Upper);

[Description("一个年度的目标值和实际完成值的分布（以该指标的度量单位填写的）")]
public sealed record YearDistributionDocument(
    [property: Description("年度")] int Year,
    [property: Description("年度指标值（申报表和自评表）")] QuartilesDocument? Targets,
    [property: Description("实际完成值（自评表）")] QuartilesDocument? Actuals);

[Description("指标库的一条指标")]
public sealed record LibraryEntryDocument(
    [property: Description("编号")] long Id,
    [property: Description("规范化的一级/二级/三级（同一指标的依据）")] string Key,
    [property: Description("一级指标")] string Level1,
    [property: Description("二级指标")] string Level2,
    [property: Description("三级指标")] string Name,
    [property: Description("最常用的指标性质（≥ > = ≤ <）")] string? Comparator,
    [property: Description("最常用的度量单位")] string? Unit,
    [property: Description("指标解释")] string? Explanation,
    [property: Description("计算方法")] string? Method,
    [property: Description("指标值依据：plan 计划标准 / history 历史标准 / industry 行业标准 / other 其他标准")] string? ValueBasis,
    [property: Description("标签（行业/领域、项目类别）")] IReadOnlyList<string> Tags,
    [property: Description("common 共性指标 / specific 个性指标")] string Nature,
    [property: Description("所属单位；空为财政部门")] string? Owner,
    [property: Description("共享范围：unit 本单位 / department 本部门 / all 全部")] string Scope,
    [property: Description("状态：proposed 待审定 / approved 已审定 / retired 已停用")] string Status,
    [property: Description("使用的表数（申报表和自评表）")] int Forms,
    [property: Description("其中申报表")] int Declarations,
    [property: Description("其中自评表")] int SelfEvaluations,
    [property: Description("使用的单位数")] int Units,
    [property: Description("按年度的目标值和实际完成值分布")] IReadOnlyList<YearDistributionDocument> Years,
    [property: Description("最后修改人")] string UpdatedBy,
    [property: Description("最后修改时间")] string UpdatedAt);

[Description("指标库（您能看到的指标）")]
public sealed record LibraryListDocument(
    [property: Description("您能否维护指标库")] bool MayCurate,
    [property: Description("指标")] IReadOnlyList<LibraryEntryDocument> Entries);

[Description("由已存的表汇集指标库的结果")]
public sealed record LibrarySeedDocument(
    [property: Description("新增（待审定）")] int Added,
    [property: Description("已有、更新了使用情况")] int Refreshed,
    [property: Description("读取的表数")] int Forms);

[Description("财政部门维护一条指标：不填的字段保持不变")]
public sealed record LibraryCurateRequest
{
    [Description("指标解释")] public string? Explanation { get; init; }
    [Description("计算方法")] public string? Method { get; init; }
    [Description("指标值依据：plan / history / industry / other")] public string? ValueBasis { get; init; }
    [Description("标签")] public IReadOnlyList<string>? Tags { get; init; }
    [Description("common 共性 / specific 个性")] public string? Nature { get; init; }
    [Description("共享范围：unit / department / all")] public string? Scope { get; init; }
    [Description("状态：只能 proposed → approved → retired")] public string? Status { get; init; }
}
