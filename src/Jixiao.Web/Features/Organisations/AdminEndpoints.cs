using System.ComponentModel;
using System.Text;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Organisations;

[Description("新机构，或机构的新名称")]
public sealed record OrganisationRequest(
    [property: Description("名称")] string? Name,
    [property: Description("类型（finance 财政部门 / department 主管部门 / unit 实施单位）")] string? Kind = null,
    [property: Description("上级机构编号")] long? ParentId = null);

[Description("新账号")]
public sealed record NewUserRequest(
    [property: Description("用户名")] string? Username,
    [property: Description("初始密码（至少 10 个字符）")] string? Password,
    [property: Description("角色（unit / department-reviewer / finance-reviewer / admin）")] string? Role,
    [property: Description("所属机构编号")] long? OrganisationId = null);

[Description("已保存的机构")]
public sealed record OrganisationSaved([property: Description("编号")] long Id, [property: Description("名称")] string? Name = null);

[Description("已建立的账号")]
public sealed record UserCreated([property: Description("编号")] long Id, [property: Description("用户名")] string Username, [property: Description("角色")] string Role);

/// <summary>The administrator's work: the organisation tree and the accounts of the people in it.</summary>
public static class AdminEndpoints
{
    private static readonly Dictionary<string, string> KindNames = new() { ["finance"] = "财政部门", ["department"] = "主管部门", ["unit"] = "实施单位" };

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/organisations", (HttpContext http, OrganisationStore organisations) => Api.Run(async () =>
            CurrentUser.From(http).IsPublic ? Api.Error(401, "请先登录") : Api.Json(await organisations.AllAsync())))
            .WithSummary("组织机构：财政部门 → 主管部门 → 实施单位").Produces<List<Organisation>>();

        app.MapPost("/api/organisations", (HttpContext http, OrganisationStore organisations) => Api.Run(async () =>
        {
            Require(http);
            var body = await Api.ReadAsync<OrganisationRequest>(http);
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200) return Api.Error(400, "请填写机构名称（不超过 200 字）", "name");
            if (body.Kind is null || !KindNames.ContainsKey(body.Kind)) return Api.Error(400, "kind 应为 finance、department 或 unit", "kind");
            var all = await organisations.AllAsync();
            var parent = body.ParentId is { } p ? all.FirstOrDefault(o => o.Id == p) : null;
            var expectedParent = body.Kind switch { "unit" => "department", "department" => "finance", _ => null };
            if (expectedParent is not null && parent?.Kind != expectedParent)
                return Api.Error(400, $"{KindNames[body.Kind]}的上级应为一个{KindNames[expectedParent]}", "parentId");
            if (all.Any(o => o.Kind == body.Kind && o.Name == body.Name.Trim())) return Api.Error(400, $"已有名为“{body.Name.Trim()}”的{KindNames[body.Kind]}", "name");
            var id = await organisations.EnsureAsync(body.Name.Trim(), body.Kind, parent?.Id);
            return Api.Json(new OrganisationSaved(id, body.Name.Trim()), 201);
        })).WithSummary("新增机构（管理员）").Accepts<OrganisationRequest>("application/json").Produces<OrganisationSaved>(201).Produces<ApiError>(400);

        app.MapPut("/api/organisations/{id}", (string id, HttpContext http, OrganisationStore organisations) => Api.Run(async () =>
        {
            Require(http);
            var body = await Api.ReadAsync<OrganisationRequest>(http);
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200) return Api.Error(400, "请填写机构名称（不超过 200 字）", "name");
            var all = await organisations.AllAsync();
            var org = long.TryParse(id, out var n) ? all.FirstOrDefault(o => o.Id == n) : null;
            if (org is null) return Api.Error(404, $"没有编号为 {id} 的机构", "id");
            if (body.Kind is not null && body.Kind != org.Kind) return Api.Error(400, "不能改变机构的类型", "kind");
            if (all.Any(o => o.Id != org.Id && o.Kind == org.Kind && o.Name == body.Name.Trim()))
                return Api.Error(400, $"已有名为“{body.Name.Trim()}”的{KindNames[org.Kind]}", "name");
            await organisations.RenameAsync(org.Id, body.Name.Trim());
            return Api.Json(new OrganisationSaved(org.Id, body.Name.Trim()));
        })).WithSummary("机构改名（管理员）；已存的表保留其上原来印的名称").Accepts<OrganisationRequest>("application/json").Produces<OrganisationSaved>();

        app.MapPost("/api/users", (HttpContext http, AccountStore accounts, OrganisationStore organisations) => Api.Run(async () =>
        {
            Require(http);
            var body = await Api.ReadAsync<NewUserRequest>(http);
            if (string.IsNullOrWhiteSpace(body.Username) || body.Username.Length > 100) return Api.Error(400, "请填写用户名（不超过 100 字）", "username");
            if (body.Password is null || body.Password.Length < AccountEndpoints.MinPasswordLength || body.Password.Length > 200)
                return Api.Error(400, $"密码应为 {AccountEndpoints.MinPasswordLength}–200 个字符", "password");
            if (Roles.FromCode(body.Role) is not { } role) return Api.Error(400, $"role 应为 {Roles.CodeList} 之一", "role");
            if (await accounts.ExistsAsync(body.Username.Trim())) return Api.Error(400, $"用户名“{body.Username.Trim()}”已被使用", "username");
            var org = body.OrganisationId is { } oid ? (await organisations.AllAsync()).FirstOrDefault(o => o.Id == oid) : null;
            if (role.OrganisationKind() is { } needed && org?.Kind != needed)
                return Api.Error(400, $"{role.ToChinese()}须属于一个{KindNames[needed]}", "organisationId");
            var user = await accounts.CreateAsync(body.Username.Trim(), body.Password, role, org?.Id);
            return Api.Json(new UserCreated(user.Id, user.Username, user.Role.ToCode()), 201);
        })).WithSummary("新增账号（管理员）").Accepts<NewUserRequest>("application/json").Produces<UserCreated>(201).Produces<ApiError>(400);

        app.MapGet("/admin", async (HttpContext http, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http);
            if (!Permissions.Decide(user.Role, FormAction.Administer, null).Allowed) return Results.Redirect("/login?returnUrl=/admin");
            var all = await organisations.AllAsync();
            var sb = new StringBuilder("<h2>组织机构</h2><ul class=\"tree\">");
            void Tree(long? parent, int depth)
            {
                foreach (var o in all.Where(o => o.ParentId == parent))
                {
                    sb.Append($"<li>{E(o.Name)} <small>（{KindNames.GetValueOrDefault(o.Kind, o.Kind)}，编号 {o.Id}）</small><ul>");
                    Tree(o.Id, depth + 1);
                    sb.Append("</ul></li>");
                }
            }
            Tree(null, 0);
            sb.Append("</ul>");
            sb.Append("""
                <h2>新增账号</h2>
                <form id="new-user">
                  <label>用户名 <input name="username" maxlength="100" required></label>
                  <label>初始密码 <input name="password" type="password" minlength="10" required></label>
                  <label>角色 <select name="role"><option value="unit">单位填报</option><option value="department-reviewer">主管部门审核</option>
                    <option value="finance-reviewer">财政审核</option><option value="admin">管理员</option></select></label>
                  <label>所属机构编号 <input name="organisationId" inputmode="numeric" size="6"></label>
                  <button type="submit">新增</button> <span id="user-state" role="status"></span>
                </form>
                <script>
                document.getElementById('new-user').addEventListener('submit', async e => {
                  e.preventDefault();
                  const f = new FormData(e.target);
                  const body = { username: f.get('username'), password: f.get('password'), role: f.get('role'),
                                 organisationId: f.get('organisationId') ? Number(f.get('organisationId')) : null };
                  const r = await fetch('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
                  const b = await r.json();
                  document.getElementById('user-state').textContent = r.ok ? '已新增：' + b.username : b.error;
                });
                </script>
                """);
            return Page("系统管理", sb.ToString(), user, Antiforgery.Field(http));
        });
    }

    /// <summary>The table's Administer row: the administrator only; the answer refusing anyone else.</summary>
    private static void Require(HttpContext http)
    {
        var user = CurrentUser.From(http);
        var decision = Permissions.Decide(user.Role, FormAction.Administer, null);
        if (!decision.Allowed) throw user.IsPublic ? Api.Fail(401, "请先登录") : Api.Fail(403, "只有管理员可以管理机构和账号");
    }
}
