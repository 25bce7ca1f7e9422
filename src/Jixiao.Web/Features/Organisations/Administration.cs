using System.ComponentModel;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Organisations.OrganisationStore;

namespace Jixiao.Web.Features.Organisations;

[Description("新机构，或机构的新名称和上级")]
public sealed record OrganisationRequest(
    [property: Description("名称")] string? Name,
    [property: Description("类型（finance 财政部门 / department 主管部门 / unit 实施单位）；修改时不能改变")] string? Kind = null,
    [property: Description("上级机构编号（主管部门的上级是财政部门，实施单位的上级是主管部门）；修改时给出即移到其下，不给则不动")] long? ParentId = null);

[Description("新账号")]
public sealed record NewUserRequest(
    [property: Description("用户名")] string? Username,
    [property: Description("初始密码（至少 10 个字符）；不给则自动生成并在答复中给出一次；首次登录须修改")] string? Password,
    [property: Description("角色（unit / department-reviewer / finance-reviewer / admin）")] string? Role,
    [property: Description("所属机构编号")] long? OrganisationId = null,
    [property: Description("姓名")] string? RealName = null);

[Description("账号的修改")]
public sealed record UserUpdateRequest(
    [property: Description("姓名")] string? RealName,
    [property: Description("角色（unit / department-reviewer / finance-reviewer / admin）")] string? Role,
    [property: Description("所属机构编号（角色须与机构类型相符：单位填报—实施单位，主管部门审核—主管部门，财政审核—财政部门）")] long? OrganisationId = null);

[Description("已保存的机构")]
public sealed record OrganisationSaved([property: Description("编号")] long Id, [property: Description("名称")] string? Name = null);

[Description("已建立的账号")]
public sealed record UserCreated(
    [property: Description("编号")] long Id,
    [property: Description("用户名")] string Username,
    [property: Description("角色")] string Role,
    [property: Description("自动生成的初始密码（只在这一次答复中给出）")] string? Password = null);

[Description("账号")]
public sealed record UserSummary(
    [property: Description("编号")] long Id,
    [property: Description("用户名")] string Username,
    [property: Description("姓名")] string? RealName,
    [property: Description("角色")] string Role,
    [property: Description("所属机构编号")] long? OrganisationId,
    [property: Description("所属机构")] string? OrganisationName,
    [property: Description("已停用")] bool Disabled,
    [property: Description("须先修改密码（管理员设置的密码尚未改掉）")] bool MustChangePassword,
    [property: Description("登录受限（连续输错密码，正在等待）")] bool LoginThrottled,
    [property: Description("最近登录")] DateTimeOffset? LastLoginAt,
    [property: Description("建立时间")] DateTimeOffset CreatedAt)
{
    public static UserSummary Of(Account a, IReadOnlySet<string> throttled) => new(a.Id, a.Username, a.RealName, a.Role.ToCode(), a.OrganisationId,
        a.OrganisationName, a.Disabled, a.MustChangePassword, throttled.Contains(a.Username.ToLowerInvariant()), a.LastLoginAt, a.CreatedAt);
}

[Description("一次性密码")]
public sealed record OneTimePasswordIssued(
    [property: Description("编号")] long Id,
    [property: Description("用户名")] string Username,
    [property: Description("一次性密码：只在这一次答复中给出；登录后须先修改")] string Password);

/// <summary>
/// What the administrator does, for the API and the pages alike: every check is made here, once, and a refusal is
/// thrown as <see cref="ApiRefusal"/> naming the field, before anything is written. Who may call it at all is the
/// table's (<see cref="FormAction.Administer"/>), asked by <see cref="Require"/>.
/// </summary>
public sealed class Administration(OrganisationStore organisations, AccountStore accounts, LoginThrottle throttle)
{
    public const int MaxName = 200, MaxUsername = 100, MaxRealName = 100, MaxPassword = 200;

    /// <summary>The person, when the table's Administer row allows them; the refusal otherwise (401 for the public).</summary>
    public static CurrentUser Require(HttpContext http)
    {
        var user = CurrentUser.From(http);
        var decision = Permissions.Decide(user.Role, FormAction.Administer, null);
        if (!decision.Allowed) throw user.IsPublic ? Api.Fail(401, "请先登录") : Api.Fail(403, "只有管理员可以管理机构和账号");
        return user;
    }

    // ------------------------------------------------------------------ organisations

    public async Task<OrganisationSaved> CreateOrganisationAsync(OrganisationRequest body)
    {
        var name = Name(body.Name);
        if (body.Kind is null || !KindNames.ContainsKey(body.Kind)) throw Api.Fail(400, "类型应为 finance（财政部门）、department（主管部门）或 unit（实施单位）", "kind");
        var all = await organisations.AllAsync();
        var parent = Parent(all, body.Kind, body.ParentId);
        if (all.Any(o => o.Kind == body.Kind && o.Name == name)) throw Api.Fail(400, $"已有名为“{name}”的{KindNames[body.Kind]}", "name");
        var id = await organisations.EnsureAsync(name, body.Kind, parent?.Id);
        return new OrganisationSaved(id, name);
    }

    /// <summary>A new name, and a new parent when one is given (a unit to another 主管部门, a 主管部门 to another 财政部门).</summary>
    public async Task<Organisation> UpdateOrganisationAsync(string id, OrganisationRequest body)
    {
        var name = Name(body.Name);
        var all = await organisations.AllAsync();
        var org = Find(all, id);
        if (body.Kind is not null && body.Kind != org.Kind) throw Api.Fail(400, "不能改变机构的类型", "kind");
        var parentId = org.ParentId;
        if (body.ParentId is { } wanted && wanted != org.ParentId) parentId = Parent(all, org.Kind, wanted)!.Id;
        else if (body.ParentId is not null && org.Kind == "finance") throw Api.Fail(400, "财政部门没有上级机构", "parentId");
        if (all.Any(o => o.Id != org.Id && o.Kind == org.Kind && o.Name == name))
            throw Api.Fail(400, $"已有名为“{name}”的{KindNames[org.Kind]}", "name");
        await organisations.UpdateAsync(org.Id, name, parentId);
        return org with { Name = name, ParentId = parentId };
    }

    public async Task<Organisation> SetOrganisationActiveAsync(string id, bool active)
    {
        var all = await organisations.AllAsync();
        var org = Find(all, id);
        if (!active)
        {
            if (org.Kind == "finance") throw Api.Fail(400, "财政部门不能停用", "id");
            var activeUnits = all.Count(o => o.ParentId == org.Id && o.Active);
            if (activeUnits > 0)
                throw Api.Fail(400, $"“{org.Name}”下还有 {activeUnits} 个启用的实施单位：请先停用它们，或把它们移到其他主管部门", "id");
        }
        else if (all.FirstOrDefault(o => o.Id == org.ParentId) is { Active: false } parent)
            throw Api.Fail(400, $"上级机构“{parent.Name}”已停用：请先启用它", "id");
        await organisations.SetActiveAsync(org.Id, active);
        return org with { Active = active };
    }

    // ------------------------------------------------------------------ accounts

    public async Task<UserCreated> CreateUserAsync(NewUserRequest body)
    {
        var username = body.Username?.Trim();
        if (string.IsNullOrEmpty(username) || username.Length > MaxUsername) throw Api.Fail(400, $"请填写用户名（不超过 {MaxUsername} 字）", "username");
        var generated = string.IsNullOrEmpty(body.Password) ? Passwords.Generate() : null;
        var password = generated ?? body.Password!;
        if (password.Length < AccountEndpoints.MinPasswordLength || password.Length > MaxPassword)
            throw Api.Fail(400, $"密码应为 {AccountEndpoints.MinPasswordLength}–{MaxPassword} 个字符（留空则自动生成）", "password");
        var role = RoleOf(body.Role);
        var realName = RealName(body.RealName);
        var org = await OrganisationForAsync(role, body.OrganisationId, current: null);
        if (await accounts.ExistsAsync(username)) throw Api.Fail(400, $"用户名“{username}”已被使用", "username");
        // The administrator knows this password: the person changes it at the first login.
        var user = await accounts.CreateAsync(username, password, role, org?.Id, realName, mustChangePassword: true);
        return new UserCreated(user.Id, user.Username, user.Role.ToCode(), generated);
    }

    public async Task<UserSummary> UpdateUserAsync(CurrentUser admin, string id, UserUpdateRequest body)
    {
        var account = await FindAccountAsync(id);
        var role = RoleOf(body.Role);
        if (account.Id == admin.Id && role != Role.Admin) throw Api.Fail(400, "不能取消自己的管理员角色（请由另一位管理员修改）", "role");
        var realName = RealName(body.RealName);
        var org = await OrganisationForAsync(role, body.OrganisationId, current: account.OrganisationId);
        await accounts.UpdateAsync(account.Id, realName, role, org?.Id);
        return await SummaryAsync(account.Id);
    }

    /// <summary>Disabled: the person's sessions end at once and the password opens none; enabled: it does again.</summary>
    public async Task<UserSummary> SetUserDisabledAsync(CurrentUser admin, string id, bool disabled)
    {
        var account = await FindAccountAsync(id);
        if (disabled && account.Id == admin.Id) throw Api.Fail(400, "不能停用自己的账号", "id");
        await accounts.SetDisabledAsync(account.Id, disabled);
        return await SummaryAsync(account.Id);
    }

    /// <summary>
    /// A generated password, given out once: every session of the account ends, the name's login limit is lifted (the
    /// person who forgot a password has usually been held up by it), and the first login must change it.
    /// </summary>
    public async Task<OneTimePasswordIssued> OneTimePasswordAsync(CurrentUser admin, string id)
    {
        var account = await FindAccountAsync(id);
        if (account.Id == admin.Id) throw Api.Fail(400, "自己的密码请在“我的账号”中修改", "id");
        var password = Passwords.Generate();
        await accounts.SetOneTimePasswordAsync(account.Id, password);
        throttle.Clear(account.Username);
        return new OneTimePasswordIssued(account.Id, account.Username, password);
    }

    /// <summary>解除登录限制: the name's failed tries are forgotten. Sessions and the password stay as they are (decision 0014).</summary>
    public async Task<UserSummary> UnlockAsync(string id)
    {
        var account = await FindAccountAsync(id);
        throttle.Clear(account.Username);
        return await SummaryAsync(account.Id);
    }

    public async Task<(IReadOnlyList<UserSummary> Users, int Total)> ListUsersAsync(AccountFilter filter)
    {
        var (list, total) = await accounts.ListAsync(filter);
        var throttled = throttle.ThrottledNames();
        return (list.Select(a => UserSummary.Of(a, throttled)).ToList(), total);
    }

    public async Task<UserSummary> SummaryAsync(long id) =>
        UserSummary.Of(await accounts.GetAsync(id) ?? throw Api.Fail(404, $"没有编号为 {id} 的账号", "id"), throttle.ThrottledNames());

    public async Task<Account> FindAccountAsync(string id) =>
        long.TryParse(id, out var n) && await accounts.GetAsync(n) is { } a ? a : throw Api.Fail(404, $"没有编号为 {id} 的账号", "id");

    // ------------------------------------------------------------------ the checks

    static string Name(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName ? throw Api.Fail(400, $"请填写机构名称（不超过 {MaxName} 字）", "name") : name.Trim();

    static string? RealName(string? name) => name?.Trim() is not { Length: > 0 } n ? null
        : n.Length > MaxRealName ? throw Api.Fail(400, $"姓名不能超过 {MaxRealName} 字", "realName") : n;

    static Role RoleOf(string? code) => Roles.FromCode(code) ?? throw Api.Fail(400, $"角色应为 {Roles.CodeList} 之一", "role");

    static Organisation Find(IReadOnlyList<Organisation> all, string id) =>
        long.TryParse(id, out var n) && all.FirstOrDefault(o => o.Id == n) is { } org ? org : throw Api.Fail(404, $"没有编号为 {id} 的机构", "id");

    /// <summary>The parent an organisation of this kind may have: of the kind above it, existing and active; none for finance.</summary>
    static Organisation? Parent(IReadOnlyList<Organisation> all, string kind, long? parentId)
    {
        var expected = ParentKind(kind);
        if (expected is null)
            return parentId is null ? null : throw Api.Fail(400, "财政部门没有上级机构", "parentId");
        var parent = parentId is { } p ? all.FirstOrDefault(o => o.Id == p) : null;
        if (parent?.Kind != expected) throw Api.Fail(400, $"{KindNames[kind]}的上级应为一个{KindNames[expected]}", "parentId");
        if (!parent.Active) throw Api.Fail(400, $"上级机构“{parent.Name}”已停用", "parentId");
        return parent;
    }

    /// <summary>
    /// The organisation an account of this role belongs to: of the role's kind (none needed for the administrator), and
    /// active, unless the account is already there (a person in a deactivated unit can still have a name corrected).
    /// </summary>
    async Task<Organisation?> OrganisationForAsync(Role role, long? organisationId, long? current)
    {
        var org = organisationId is { } oid ? (await organisations.AllAsync()).FirstOrDefault(o => o.Id == oid) : null;
        if (organisationId is not null && org is null) throw Api.Fail(400, $"没有编号为 {organisationId} 的机构", "organisationId");
        if (role.OrganisationKind() is { } needed && org?.Kind != needed)
            throw Api.Fail(400, $"{role.ToChinese()}须属于一个{KindNames[needed]}", "organisationId");
        if (org is { Active: false } && org.Id != current) throw Api.Fail(400, $"机构“{org.Name}”已停用，不能再加入账号", "organisationId");
        return org;
    }
}
