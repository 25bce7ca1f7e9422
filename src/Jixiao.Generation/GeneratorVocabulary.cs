using Jixiao.Core.Model;

namespace Jixiao.Generation;

/// <summary>
/// The word lists synthetic forms are composed from: Shanghai districts, streets and towns, the departments and units
/// under them, project names, and indicator templates per 二级. Every template is chosen so that a form built from it
/// passes review cleanly (units agree with names, effect rows measure effects, satisfaction rows say 满意): the only
/// findings on a generated form should be the defects injected on purpose, and a few allowed infos.
/// </summary>
internal static class GeneratorVocabulary
{
    public static readonly string[] Districts =
    [
        "宝山区", "松江区", "奉贤区", "浦东新区", "闵行区", "嘉定区", "青浦区", "徐汇区", "长宁区", "普陀区", "静安区",
        "杨浦区", "虹口区", "黄浦区", "金山区", "崇明区",
    ];

    public static readonly string[] Streets =
    [
        "友谊路", "中山", "西渡", "吴淞", "张庙", "岳阳", "永丰", "方松", "南桥", "奉浦", "江川", "古美", "新虹", "真如",
        "长征", "曹杨", "天目西路", "五角场", "殷行", "打浦桥", "田林", "虹梅路", "北新泾", "江宁路", "曲阳路", "淞南",
    ];

    public static readonly string[] Towns =
    [
        "罗店", "顾村", "泗泾", "九亭", "庄行", "金汇", "马桥", "华漕", "安亭", "朱家角", "练塘", "枫泾", "朱泾", "陈家",
        "高桥", "川沙新", "大团", "青村", "南翔", "江桥", "重固", "亭林", "月浦", "杨行",
    ];

    /// <summary>Units under a 街道办事处 or 镇人民政府: the suffix after the street's or town's name.</summary>
    public static readonly string[] StreetUnitSuffixes =
    [
        "社区党群服务中心", "社区事务受理服务中心", "社区文化活动中心", "社区卫生服务中心", "城市运行管理中心",
        "社区综合治理中心", "社区养老服务中心", "市民健身活动中心",
    ];

    public static readonly string[] TownUnitSuffixes =
    [
        "党群服务中心", "文化体育服务中心", "社区卫生服务中心", "社区事务受理服务中心", "农业农村服务中心",
        "城市运行管理中心", "为老服务中心",
    ];

    /// <summary>District bureaus and the units under them.</summary>
    public static readonly (string Bureau, string[] Units)[] Bureaus =
    [
        ("文化和旅游局", ["图书馆", "文化馆", "博物馆", "非物质文化遗产保护中心", "文化市场行政执法大队"]),
        ("卫生健康委员会", ["疾病预防控制中心", "妇幼保健所", "精神卫生中心", "卫生健康监督所", "急救中心"]),
        ("教育局", ["青少年活动中心", "教育学院", "教育信息中心", "少年宫", "学生社会实践基地"]),
        ("体育局", ["体育中心", "业余体育学校", "社会体育指导中心", "游泳馆"]),
        ("民政局", ["社会福利院", "救助管理站", "社区服务中心", "殡葬管理所"]),
        ("绿化和市容管理局", ["公园管理所", "绿化管理所", "环境卫生管理所", "林业站"]),
    ];

    public static readonly string[] Projects =
    [
        "党建经费", "党群阵地设备运行维护", "场地租赁费", "文体事务管理", "社区自治管理", "党群综合服务",
        "信息化运维项目", "信息化建设项目", "设备运维", "物业管理费", "志愿服务活动经费", "社区文化活动经费",
        "公共卫生服务项目", "图书资料购置", "全民健身设施维护", "为老服务项目", "垃圾分类宣传推进", "安全生产专项经费",
        "网格化管理运行经费", "社区治理项目", "青少年活动经费", "非遗保护传承项目", "家庭医生签约服务", "健康教育宣传经费",
        "专户项目经费", "生活驿站运行经费", "助餐点运营补贴", "业委会规范化建设", "居民区自治金", "人才培训经费",
        "档案数字化项目", "应急物资储备", "绿化养护经费", "公园运行维护", "文明实践活动经费", "两新组织党建工作经费",
    ];

    /// <summary>What an indicator is about; combined with a measure into a 三级 name.</summary>
    public static readonly string[] Objects =
    [
        "党群阵地", "居民区", "文化活动", "健身点", "志愿服务", "两新党组织", "图书馆", "社区学校", "为老服务", "助餐点",
        "信息平台", "网格化管理", "垃圾分类", "安全生产", "健康宣教", "家庭医生", "青少年活动", "非遗传承", "生活驿站",
        "业委会", "公园绿地", "应急物资", "档案管理", "文明实践", "党员教育", "社区治理",
    ];

    public enum Shape
    {
        Count,        // ≥ or = a count of delivered outputs (场, 次 …)
        Percent,      // = 100% or ≥ N%
        Word,         // a qualitative word scored by achievement label
        ZeroFailures, // =0(次) for something where fewer is better
        Cost,         // ≤ an amount of money per unit
    }

    /// <summary>A measure: the text after the object, its unit, and the range of its target value.</summary>
    public sealed record Measure(string Level2, string Suffix, Shape Shape, string? Unit, decimal Min, decimal Max, string? Word = null);

    public static readonly Measure[] Measures =
    [
        new("数量指标", "活动开展场次", Shape.Count, "场", 4, 120),
        new("数量指标", "培训次数", Shape.Count, "次", 2, 24),
        new("数量指标", "设备维护频次", Shape.Count, "次", 4, 52),
        new("数量指标", "服务人次", Shape.Count, "人次", 200, 20000),
        new("数量指标", "覆盖居民区数量", Shape.Count, "个", 5, 40),
        new("数量指标", "走访户数", Shape.Count, "户", 50, 3000),
        new("数量指标", "宣传品制作批次", Shape.Count, "批", 2, 12),
        new("数量指标", "课程配送课时", Shape.Count, "课时", 20, 400),
        new("数量指标", "工单处置件数", Shape.Count, "件", 50, 5000),
        new("数量指标", "专题活动期数", Shape.Count, "期", 2, 24),
        new("数量指标", "工作完成率", Shape.Percent, "%", 100, 100),
        new("质量指标", "验收合格率", Shape.Percent, "%", 95, 100),
        new("质量指标", "设施完好率", Shape.Percent, "%", 90, 100),
        new("质量指标", "资金使用合规性", Shape.Word, null, 0, 0, "合规"),
        new("质量指标", "工作规范开展", Shape.Word, null, 0, 0, "规范"),
        new("质量指标", "服务质量达标情况", Shape.Word, null, 0, 0, "达标"),
        new("时效指标", "工作完成及时率", Shape.Percent, "%", 100, 100),
        new("时效指标", "资金支付及时性", Shape.Word, null, 0, 0, "及时"),
        new("时效指标", "项目按期实施", Shape.Word, null, 0, 0, "按期完成"),
        new("社会效益指标", "服务对象知晓率", Shape.Percent, "%", 80, 95),
        new("社会效益指标", "居民参与率", Shape.Percent, "%", 70, 90),
        new("社会效益指标", "服务覆盖率", Shape.Percent, "%", 85, 100),
        new("社会效益指标", "运行稳定情况", Shape.Word, null, 0, 0, "稳定"),
        new("社会效益指标", "服务群众成效", Shape.Word, null, 0, 0, "有效"),
        new("社会效益指标", "安全事故发生数", Shape.ZeroFailures, "次", 0, 0),
        new("社会效益指标", "有责投诉次数", Shape.ZeroFailures, "次", 0, 0),
        new("可持续影响指标", "长效管理机制健全性", Shape.Word, null, 0, 0, "建立健全"),
        new("可持续影响指标", "服务持续运行", Shape.Word, null, 0, 0, "持续完善"),
        new("服务对象满意度指标", "服务对象满意度", Shape.Percent, "%", 85, 95),
        new("服务对象满意度指标", "参与居民满意度", Shape.Percent, "%", 85, 95),
        new("服务对象满意度指标", "工作人员满意度", Shape.Percent, "%", 80, 90),
        new("经济成本指标", "活动成本", Shape.Cost, "元/场", 2000, 50000),
        new("经济成本指标", "人均补贴标准", Shape.Cost, "元/月/人", 300, 800),
        new("经济成本指标", "运维成本", Shape.Cost, "元/年", 20000, 300000),
        new("经济成本指标", "物业管理成本", Shape.Cost, "元/月", 10000, 60000),
    ];

    public static IEnumerable<Measure> MeasuresOf(string level1) =>
        Measures.Where(m => Framework.ParentOf(m.Level2) == level1);

    /// <summary>Reasons for a deduction. None names money or execution: the low-execution check must not see them.</summary>
    public static readonly string[] DeviationReasons =
    [
        "受场地和人员安排影响，开展次数未达预期，下一年度将提前统筹安排。",
        "部分活动因天气原因取消，后续将完善应急预案，确保按计划实施。",
        "服务对象需求变化较大，工作安排不够合理，需进一步优化服务内容。",
        "设备老旧导致部分工作延后，下一年度将加强日常巡检和维护。",
        "宣传动员不够充分，参与人数偏少，将加大宣传力度。",
    ];

    /// <summary>Explanations of a low execution rate that the review engine accepts (profile explanationWords).</summary>
    public static readonly string[] ExecutionExplanations =
    [
        "因政府采购项目结余，预算执行率低于预期。",
        "部分合同尾款按约定于次年支付，资金执行率偏低。",
        "通过比价采购节约资金，部分预算未执行。",
    ];

    public static readonly string[] GoalOpenings =
    [
        "围绕{0}，", "为进一步做好{0}工作，", "按照年度工作计划推进{0}，", "以服务党员群众为导向，落实{0}，",
    ];

    public static readonly string[] GoalBodies =
    [
        "保障{1}各项工作有序开展，提升服务质量和群众获得感。",
        "完善{1}运行机制，做到设施运行正常、服务及时规范。",
        "组织开展{1}相关活动，丰富群众生活，增强社区凝聚力。",
        "加强{1}日常管理，确保资金使用合规、工作按期完成。",
    ];

    public static readonly string[] OutcomeBodies =
    [
        "本年度{0}，{1}工作按计划完成，全年开展相关活动{2}场，服务群众{3}人次，群众反映良好。",
        "全年完成{1}相关工作任务，开展活动{2}场，覆盖居民{3}人次，各项设施运行正常。",
        "{0}，年内组织{1}活动{2}场，参与群众{3}人次，服务规范有序，达到预期效果。",
    ];

    // ---- 运行监控 ------------------------------------------------------------------------------------------

    /// <summary>1-X月执行情况 of the overall target: {0} the unit, {1} the topic, {2} the period (1-7月), {3} a count.</summary>
    public static readonly string[] GoalProgressBodies =
    [
        "{2}，{0}按年度计划推进{1}相关工作，已开展活动{3}场，各项工作有序进行。",
        "{2}{1}工作按序时进度开展，累计开展活动{3}场，设施运行正常。",
        "{0}{2}完成{1}阶段性任务，组织活动{3}场，下半年按计划继续推进。",
    ];

    /// <summary>1-X月执行情况 of a qualitative target.</summary>
    public static readonly string[] QualitativeProgress =
    [
        "按计划推进", "已完成阶段性工作", "各项工作有序开展", "进展正常",
    ];

    /// <summary>Why a fund line lags (偏差原因: the cause ticked and the reason in words).</summary>
    public static readonly (DeviationCause Cause, string Reason)[] FundLagReasons =
    [
        (DeviationCause.Other, "部分采购项目尚在招标，资金按合同进度于下半年支付。"),
        (DeviationCause.Funding, "财政资金分批下达，部分经费尚未到位。"),
        (DeviationCause.Institutional, "项目结算需经审价后支付，审价尚未完成。"),
        (DeviationCause.Other, "服务合同按季度结算，尾款集中在年底支付。"),
    ];

    /// <summary>Why an indicator is at risk or off course.</summary>
    public static readonly (DeviationCause Cause, string Reason)[] TargetLagReasons =
    [
        (DeviationCause.Staffing, "负责项目的工作人员岗位调整，部分活动推迟开展。"),
        (DeviationCause.Facilities, "活动场地改造，部分活动暂停。"),
        (DeviationCause.Other, "受天气影响，户外活动减少。"),
        (DeviationCause.Funding, "经费到位较晚，部分工作延后启动。"),
        (DeviationCause.Institutional, "工作流程调整，审批时间较长。"),
    ];

    /// <summary>纠偏措施.</summary>
    public static readonly string[] CorrectiveActions =
    [
        "加快推进采购和合同签订，按进度支付资金。",
        "制定下半年工作计划，明确时间节点，加密活动安排。",
        "指定专人负责，每月跟踪进度。",
        "协调备用场地，确保活动按期开展。",
        "加强与相关部门沟通，优化审批流程。",
    ];
}
