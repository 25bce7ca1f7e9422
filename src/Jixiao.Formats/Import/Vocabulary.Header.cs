namespace Jixiao.Formats.Import;

/// <summary>The header's labels (项目名称, 主管部门, 实施单位, …) and the field each names, provinces' variants included.</summary>
internal static partial class Vocabulary
{
    // UnitName: the unit that fills in the form (单位名称, 预算单位), the implementing unit unless one is named.
    // SubProjectName: 二级项目名称 under a 一级项目 (Gansu): the project the form is about.
    public enum HeaderField { ProjectName, SubProjectName, Department, ImplementingUnit, UnitName, ProjectNature, ProjectCategory, StartDate, EndDate, Ignored }

    // The table lives in a class of its own so that it is built when first asked for: the other parts' tables that
    // list every label (LabelsByFirstChar) are built from it, and the order of static fields across the files of a
    // partial class is the compiler's.
    public static IReadOnlyDictionary<string, HeaderField> HeaderLabels => HeaderTable.Labels;

    private static class HeaderTable
    {
    public static readonly Dictionary<string, HeaderField> Labels = new()
    {
        ["项目名称"] = HeaderField.ProjectName,
        ["专项名称"] = HeaderField.ProjectName,
        ["专项资金名称"] = HeaderField.ProjectName,
        ["资金名称"] = HeaderField.ProjectName,
        ["项目支出名称"] = HeaderField.ProjectName,
        ["专项(项目)名称"] = HeaderField.ProjectName,
        ["转移支付(项目)名称"] = HeaderField.ProjectName,
        ["二级项目名称"] = HeaderField.SubProjectName,
        ["一级项目名称"] = HeaderField.ProjectName,
        ["主管部门"] = HeaderField.Department,
        ["业务主管部门"] = HeaderField.Department,
        ["项目主管部门"] = HeaderField.Department,
        ["县级主管部门"] = HeaderField.Department,
        ["主管部门及其编码"] = HeaderField.Department,
        ["主管部门及编码"] = HeaderField.Department,
        ["主管部门及代码"] = HeaderField.Department,
        ["部门名称"] = HeaderField.Department,
        ["主管部门(单位)名称"] = HeaderField.Department,
        ["主管部门(单位)名称及部门预算编码"] = HeaderField.Department,
        ["主管部门名称"] = HeaderField.Department,
        ["区级主管部门"] = HeaderField.Department,
        ["市级主管部门"] = HeaderField.Department,
        ["省级主管部门"] = HeaderField.Department,
        ["主管部门及其代码"] = HeaderField.Department,
        ["联系人"] = HeaderField.Ignored,
        // A transfer payment's authorities at each level (中央 / 自治区 主管部门): which is the form's 主管部门 is not printed.
        ["中央主管部门"] = HeaderField.Ignored,
        ["自治区主管部门"] = HeaderField.Ignored,
        // 湖南's 项目支出绩效目标申报表: 预算部门 names the unit holding the budget (主管部门 or 实施单位: not said).
        ["预算部门"] = HeaderField.Ignored,
        ["项目支出实施期"] = HeaderField.Ignored,
        ["该项目支出上级资金"] = HeaderField.Ignored,
        ["部门编码"] = HeaderField.Ignored,
        ["区域"] = HeaderField.Ignored,
        ["资金金额"] = HeaderField.Ignored,
        ["项目开始日期"] = HeaderField.StartDate,
        ["项目完成日期"] = HeaderField.EndDate,
        ["项目单位"] = HeaderField.ImplementingUnit,
        ["实施单位"] = HeaderField.ImplementingUnit,
        ["项目实施单位"] = HeaderField.ImplementingUnit,
        ["项目执行单位"] = HeaderField.ImplementingUnit,
        ["实施单位(盖章)"] = HeaderField.ImplementingUnit,
        ["资金使用单位"] = HeaderField.ImplementingUnit,
        // 广东's 用款单位: the units that spend the money.
        ["用款单位"] = HeaderField.ImplementingUnit,
        ["单位名称"] = HeaderField.UnitName,
        ["预算单位"] = HeaderField.UnitName,
        ["填报单位"] = HeaderField.UnitName,
        ["填报单位(盖章)"] = HeaderField.UnitName,
        ["单位信息"] = HeaderField.UnitName,
        ["负责人及电话"] = HeaderField.Ignored,
        ["项目起止时间"] = HeaderField.Ignored,
        ["填报日期"] = HeaderField.Ignored,
        ["部门相应职能职责概述"] = HeaderField.Ignored,
        ["专项立项依据"] = HeaderField.Ignored,
        ["专项实施进度计划"] = HeaderField.Ignored,
        ["项目类型"] = HeaderField.Ignored,
        ["资金用途"] = HeaderField.Ignored,
        ["项目性质"] = HeaderField.ProjectNature,
        ["项目属性"] = HeaderField.ProjectNature,
        ["专项属性"] = HeaderField.ProjectNature,
        ["项目类别"] = HeaderField.ProjectCategory,
        ["项目分类"] = HeaderField.ProjectCategory,
        ["计划开始日期"] = HeaderField.StartDate,
        ["计划完成日期"] = HeaderField.EndDate,
        ["项目负责人及电话"] = HeaderField.Ignored,
        ["项目负责人"] = HeaderField.Ignored,
        ["联系电话"] = HeaderField.Ignored,
        ["联系人及电话"] = HeaderField.Ignored,
        ["专项负责人"] = HeaderField.Ignored,
        ["建设周期"] = HeaderField.Ignored,
        ["项目期"] = HeaderField.Ignored,
        ["专项起止时间"] = HeaderField.Ignored,
        ["下达地方或单位"] = HeaderField.Ignored,
        ["项目审批"] = HeaderField.Ignored,
        ["项目总体概况"] = HeaderField.Ignored,
        ["专项概况"] = HeaderField.Ignored,
        ["财政资金预算分类"] = HeaderField.Ignored,
        ["财政资金科目代码"] = HeaderField.Ignored,
        ["项目基本情况"] = HeaderField.Ignored,
        ["1.项目年度目标完成情况"] = HeaderField.Ignored,
        ["2.项目实施内容及过程概述"] = HeaderField.Ignored,
        ["报表编号"] = HeaderField.Ignored,
        // 重庆's and 山西's declarations: the budget's holder, the dates, and the rows of prose the model keeps nothing
        // from (项目概况, 立项依据, …); each is a label of its own, so the value before it ends there.
        ["主管预算部门"] = HeaderField.Department,
        ["开始日期"] = HeaderField.StartDate,
        ["结束日期"] = HeaderField.EndDate,
        ["归口业务科室"] = HeaderField.Ignored,
        ["是否政府采购"] = HeaderField.Ignored,
        ["项目概况"] = HeaderField.Ignored,
        ["立项依据"] = HeaderField.Ignored,
        ["项目期限"] = HeaderField.Ignored,
        ["项目设立必要性"] = HeaderField.Ignored,
        ["保证项目实施的制度、措施"] = HeaderField.Ignored,
        ["项目实施计划"] = HeaderField.Ignored,
        ["项目来源"] = HeaderField.Ignored,
        ["归口科室"] = HeaderField.Ignored,
        // 广东's 市级 目标表: 项目等级, 实施期限 with 起始年度 / 到期年度, 项目概述.
        ["项目等级"] = HeaderField.Ignored,
        ["实施期限"] = HeaderField.Ignored,
        ["起始年度"] = HeaderField.Ignored,
        ["到期年度"] = HeaderField.Ignored,
        ["项目概述"] = HeaderField.Ignored,
        // 福建's 补助项目/区域 and a transfer payment's 财政部门 per level: neither is the 主管部门 nor the project.
        ["补助项目/区域"] = HeaderField.Ignored,
        ["省级财政部门"] = HeaderField.Ignored,
        ["市级财政部门"] = HeaderField.Ignored,
        ["区级财政部门"] = HeaderField.Ignored,
        ["县级财政部门"] = HeaderField.Ignored,
        ["地方财政部门"] = HeaderField.Ignored,
        // A transfer payment's self-evaluation is filled in by the locality: its 主管部门 is the local one.
        ["地方主管部门"] = HeaderField.Department,
    };
    }
}
