namespace Jixiao.Core.Access;

/// <summary>Who is acting. The public has no account and reads published forms only.</summary>
public enum Role
{
    Public,
    Unit,               // 实施单位填报
    DepartmentReviewer, // 主管部门审核
    FinanceReviewer,    // 财政审核
    Admin,              // 管理员
}

public static class Roles
{
    /// <summary>The roles an account may have (stored as their codes).</summary>
    public static readonly IReadOnlyList<Role> Accounts = [Role.Unit, Role.DepartmentReviewer, Role.FinanceReviewer, Role.Admin];

    public static string ToCode(this Role r) => r switch
    {
        Role.Public => "public",
        Role.Unit => "unit",
        Role.DepartmentReviewer => "department-reviewer",
        Role.FinanceReviewer => "finance-reviewer",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    /// <summary>An account role from its code; null for anything else (the public is not an account role).</summary>
    public static Role? FromCode(string? code) => code switch
    {
        "unit" => Role.Unit,
        "department-reviewer" => Role.DepartmentReviewer,
        "finance-reviewer" => Role.FinanceReviewer,
        "admin" => Role.Admin,
        _ => null,
    };

    public static string ToChinese(this Role r) => r switch
    {
        Role.Public => "公众",
        Role.Unit => "单位填报",
        Role.DepartmentReviewer => "主管部门审核",
        Role.FinanceReviewer => "财政审核",
        Role.Admin => "管理员",
        _ => r.ToString(),
    };

    public static string CodeList => string.Join("、", Accounts.Select(r => r.ToCode()));

    /// <summary>The kind of organisation an account of this role belongs to; null when it needs none (the administrator).</summary>
    public static string? OrganisationKind(this Role r) => r switch
    {
        Role.Unit => "unit",
        Role.DepartmentReviewer => "department",
        Role.FinanceReviewer => "finance",
        _ => null,
    };
}
