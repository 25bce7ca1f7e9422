using System.Text;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Organisations;

/// <summary>The administrator's work: the organisation tree and the accounts of the people in it.</summary>
public static class AdminEndpoints
{
    public sealed record NewOrganisation(string? Name, string? Kind, long? ParentId);
    public sealed record NewUser(string? Username, string? Password, string? Role, long? OrganisationId);

    private static readonly Dictionary<string, string> KindNames = new() { ["finance"] = "财政部门", ["department"] = "主管部门", ["unit"] = "实施单位" };

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/organisations", async (HttpContext http, OrganisationStore organisations) =>
            CurrentUser.From(http.User).IsPublic
                ? Results.Json(new { error = "请先登录" }, statusCode: 401)
                : Results.Json(await organisations.AllAsync()))
            .WithSummary("组织机构：财政部门 → 主管部门 → 实施单位");

        app.MapPost("/api/organisations", async (NewOrganisation? body, HttpContext http, OrganisationStore organisations) =>
        {
            if (Refuse(http) is { } refused) return refused;
            if (string.IsNullOrWhiteSpace(body?.Name) || body.Name.Length > 200) return Bad("name", "请填写机构名称（不超过 200 字）");
            if (body.Kind is null || !KindNames.ContainsKey(body.Kind)) return Bad("kind", "kind 应为 finance、department 或 unit");
            var all = await organisations.AllAsync();
            var parent = body.ParentId is { } p ? all.FirstOrDefault(o => o.Id == p) : null;
            var expectedParent = body.Kind switch { "unit" => "department", "department" => "finance", _ => null };
            if (expectedParent is not null && parent?.Kind != expectedParent)
                return Bad("parentId", $"{KindNames[body.Kind]}的上级应为一个{KindNames[expectedParent]}");
            if (all.Any(o => o.Kind == body.Kind && o.Name == body.Name.Trim())) return Bad("name", $"已有名为“{body.Name.Trim()}”的{KindNames[body.Kind]}");
            var id = await organisations.EnsureAsync(body.Name.Trim(), body.Kind, parent?.Id);
            return Results.Json(new { id }, statusCode: 201);
        }).DisableAntiforgery().WithSummary("新增机构（管理员）");

        app.MapPut("/api/organisations/{id}", async (long id, NewOrganisation? body, HttpContext http, OrganisationStore organisations) =>
        {
            if (Refuse(http) is { } refused) return refused;
            if (string.IsNullOrWhiteSpace(body?.Name) || body.Name.Length > 200) return Bad("name", "请填写机构名称（不超过 200 字）");
            var all = await organisations.AllAsync();
            var org = all.FirstOrDefault(o => o.Id == id);
            if (org is null) return Results.Json(new { error = $"没有编号为 {id} 的机构", field = "id" }, statusCode: 404);
            if (all.Any(o => o.Id != id && o.Kind == org.Kind && o.Name == body.Name.Trim()))
                return Bad("name", $"已有名为“{body.Name.Trim()}”的{KindNames[org.Kind]}");
            await organisations.RenameAsync(id, body.Name.Trim());
            return Results.Json(new { id, name = body.Name.Trim() });
        }).DisableAntiforgery().WithSummary("机构改名（管理员）；已存的表保留其上原来印的名称");

        app.MapPost("/api/users", async (NewUser? body, HttpContext http, AccountStore accounts, OrganisationStore organisations) =>
        {
            if (Refuse(http) is { } refused) return refused;
            if (string.IsNullOrWhiteSpace(body?.Username) || body.Username.Length > 100) return Bad("username", "请填写用户名（不超过 100 字）");
            if (body.Password is null || body.Password.Length < 10) return Bad("password", "密码至少 10 个字符");
            if (body.Role is null || !Roles.All.Contains(body.Role)) return Bad("role", $"role 应为 {string.Join("、", Roles.All)} 之一");
            if (await accounts.ExistsAsync(body.Username.Trim())) return Bad("username", $"用户名“{body.Username.Trim()}”已被使用");
            var org = body.OrganisationId is { } oid ? (await organisations.AllAsync()).FirstOrDefault(o => o.Id == oid) : null;
            var needed = body.Role switch { Roles.Unit => "unit", Roles.DepartmentReviewer => "department", Roles.FinanceReviewer => "finance", _ => null };
            if (needed is not null && org?.Kind != needed) return Bad("organisationId", $"{Roles.ToChinese(body.Role)}须属于一个{KindNames[needed]}");
            var user = await accounts.CreateAsync(body.Username.Trim(), body.Password, body.Role, org?.Id);
            return Results.Json(new { id = user.Id, username = user.Username, role = user.Role }, statusCode: 201);
        }).DisableAntiforgery().WithSummary("新增账号（管理员）");

        app.MapGet("/admin", async (HttpContext http, OrganisationStore organisations) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.Role != Roles.Admin) return Results.Redirect("/login?returnUrl=/admin");
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

    private static IResult? Refuse(HttpContext http)
    {
        var user = CurrentUser.From(http.User);
        if (user.IsPublic) return Results.Json(new { error = "请先登录" }, statusCode: 401);
        return user.Role != Roles.Admin ? Results.Json(new { error = "只有管理员可以管理机构和账号" }, statusCode: 403) : null;
    }

    private static IResult Bad(string field, string message) => Results.Json(new { error = message, field }, statusCode: 400);
}
