namespace Jixiao.Web.Features.Accounts;

/// <summary>The roles of people who use the system (the public has none and reads published forms only).</summary>
public static class Roles
{
    public const string Unit = "unit";                               // 单位填报
    public const string DepartmentReviewer = "department-reviewer";  // 主管部门审核
    public const string FinanceReviewer = "finance-reviewer";        // 财政审核
    public const string Admin = "admin";                             // 管理员

    public static readonly IReadOnlyList<string> All = [Unit, DepartmentReviewer, FinanceReviewer, Admin];

    public static string ToChinese(string role) => role switch
    {
        Unit => "单位填报",
        DepartmentReviewer => "主管部门审核",
        FinanceReviewer => "财政审核",
        Admin => "管理员",
        _ => role,
    };
}
