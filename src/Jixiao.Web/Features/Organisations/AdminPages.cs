using System.Text;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Shared;
using Microsoft.AspNetCore.Antiforgery;
using static Jixiao.Web.Features.Organisations.OrganisationStore;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Organisations;

/// <summary>
/// The administration pages: the organisation tree and the accounts (/admin), one organisation, one account, the
/// workbook import. Changes are plain HTML form posts with anti-forgery tokens, checked by <see cref="Administration"/>
/// like the API's, and say what happened on the next page (<see cref="Flash"/>). A password the server generates is
/// shown in the answer to the post itself, once, and stored nowhere else (no cookie, no address).
/// </summary>
public static class AdminPages
{
    /// <summary>How many accounts the list shows at once; the search narrows a larger list.</summary>
    public const int ListedUsers = 200;

    public static void Map(WebApplication app)
    {
        app.MapGet("/admin", async (HttpContext http, Administration admin, OrganisationStore organisations, AccountStore accounts) =>
        {
            if (Gate(http) is { } away) return away;
            var user = CurrentUser.From(http);
            var all = await organisations.AllAsync();
            AccountFilter filter;
            string? filterError = null;
            try { filter = AdminEndpoints.Filter(http.Request.Query) with { Limit = ListedUsers }; }
            catch (ApiRefusal r) { filter = new AccountFilter(Limit: ListedUsers); filterError = r.Error.Error; }
            var (users, total) = await admin.ListUsersAsync(filter);
            // Keyed 0 for the accounts of no organisation (the administrators); ids start at 1.
            var accountsByOrg = await accounts.CountByOrganisationAsync();
            var everyone = accountsByOrg.Values.Sum();
            var af = Antiforgery.Field(http);
            var body = new StringBuilder(Flash.Render(http));
            body.Append("<nav class=\"admin-nav\"><a href=\"#organisations\">组织机构</a> <a href=\"#users\">账号</a> <a href=\"/admin/import\">批量导入机构和账号（Excel）</a></nav>");
            body.Append("<div class=\"admin-columns\"><section id=\"organisations\"><h2>组织机构</h2>");
            body.Append($"<p class=\"note\">{Counts(all)}。点机构名称可改名、移到其他上级或停用。</p>");
            body.Append(Tree(all, accountsByOrg));
            body.Append(NewOrganisationForm(all, af));
            body.Append("</section><section id=\"users\"><h2>账号</h2>");
            body.Append(UserFilterForm(filter, all, http.Request.Query["q"].ToString()));
            if (filterError is not null) body.Append($"<p class=\"error\">{E(filterError)}</p>");
            body.Append($"<p class=\"note\">{(total == everyone ? $"共 {everyone} 个账号" : $"找到 {total} 个（共 {everyone} 个）")}"
                        + (total > users.Count ? $"，显示前 {users.Count} 个，请用查找缩小范围" : "") + "。点用户名可修改、停用、解除登录限制或给一次性密码。</p>");
            body.Append(UserTable(users));
            body.Append(NewUserForm(all, af));
            body.Append("</section></div>");
            return Page("系统管理", body + AdminCss + Script, user, af);
        });

        app.MapGet("/admin/organisations/{id}", async (string id, HttpContext http, OrganisationStore organisations, Administration admin) =>
        {
            if (Gate(http) is { } away) return away;
            var all = await organisations.AllAsync();
            var org = long.TryParse(id, out var n) ? all.FirstOrDefault(o => o.Id == n) : null;
            if (org is null) return Missing(http, $"没有编号为 {id} 的机构");
            var (people, _) = await admin.ListUsersAsync(new AccountFilter(OrganisationId: org.Id));
            return OrganisationPage(http, org, all, people);
        });

        app.MapGet("/admin/users/{id}", async (string id, HttpContext http, Administration admin, OrganisationStore organisations) =>
        {
            if (Gate(http) is { } away) return away;
            UserSummary account;
            try { account = await admin.SummaryAsync((await admin.FindAccountAsync(id)).Id); }
            catch (ApiRefusal r) { return Missing(http, r.Error.Error); }
            return UserPage(http, account, await organisations.AllAsync(), null, null);
        });

        app.MapGet("/admin/import", (HttpContext http) =>
        {
            if (Gate(http) is { } away) return away;
            var body = $"""
                <nav class="admin-nav"><a href="/admin">← 系统管理</a></nav>
                <p>一个 Excel 工作簿建立整个机构树和账号：工作表“{AdminImport.OrganisationSheet}”（名称、类型、上级机构）和“{AdminImport.AccountSheet}”（用户名、姓名、角色、所属机构、初始密码）。
                   <a class="button" href="/api/admin/import-template">下载模板</a></p>
                <p class="note">先预览：每一处问题都写明工作表、行号和列。确认导入时全部导入，或有一处问题即什么都不导入。系统中已有的相同机构和账号不会改动；新账号首次登录时须先修改密码，留空的初始密码由系统生成，确认后在本页显示一次。</p>
                <form id="admin-import"><input type="file" name="file" accept=".xlsx" required> <button type="submit">预览</button></form>
                <div id="import-preview" aria-live="polite"></div>
                <p><button type="button" id="import-confirm" hidden>确认导入</button> <span id="import-state" role="status"></span></p>
                <script src="/js/workbook-import.js"></script>
                <script src="/js/admin.js"></script>
                """;
            return Page("批量导入机构和账号", body + AdminCss, CurrentUser.From(http), Antiforgery.Field(http));
        });

        Post(app, "/admin/organisations", async (http, admin, form) =>
        {
            var saved = await admin.CreateOrganisationAsync(new OrganisationRequest(form["name"], form["kind"], Id(form, "parentId")));
            return ($"已新增机构“{saved.Name}”（编号 {saved.Id}）。", "/admin#organisations");
        }, _ => "/admin#organisations");

        Post(app, "/admin/organisations/{id}", async (http, admin, form) =>
        {
            var id = Route(http);
            var org = await admin.UpdateOrganisationAsync(id, new OrganisationRequest(form["name"], null, Id(form, "parentId")));
            return ($"已保存“{org.Name}”。", $"/admin/organisations/{org.Id}");
        }, http => $"/admin/organisations/{Route(http)}");

        foreach (var (verb, active) in new[] { ("deactivate", false), ("activate", true) })
            Post(app, $"/admin/organisations/{{id}}/{verb}", async (http, admin, _) =>
            {
                var org = await admin.SetOrganisationActiveAsync(Route(http), active);
                return (active ? $"已启用“{org.Name}”。" : $"已停用“{org.Name}”：不再新建绩效表，已有的表和账号照常查看。", $"/admin/organisations/{org.Id}");
            }, http => $"/admin/organisations/{Route(http)}");

        // A new account: its page is the answer, so that a generated password is shown there, once.
        app.MapPost("/admin/users", async (HttpContext http, Administration admin, OrganisationStore organisations) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            if (Gate(http) is { } away) return away;
            var form = await http.Request.ReadFormAsync();
            try
            {
                var created = await admin.CreateUserAsync(new NewUserRequest(form["username"], form["password"], form["role"], Id(form, "organisationId"), form["realName"]));
                var done = $"已新增账号“{created.Username}”。首次登录时须修改密码。";
                if (created.Password is null)
                {
                    Flash.Set(http, done);
                    return Results.Redirect($"/admin/users/{created.Id}");
                }
                return UserPage(http, await admin.SummaryAsync(created.Id), await organisations.AllAsync(), ("初始密码", created.Password), done);
            }
            catch (ApiRefusal r)
            {
                Flash.Set(http, "没有新增账号：" + r.Error.Error, isError: true);
                return Results.Redirect("/admin#new-user");
            }
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapPost("/admin/users/{id}/one-time-password", async (string id, HttpContext http, Administration admin, OrganisationStore organisations) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            if (Gate(http) is { } away) return away;
            try
            {
                var issued = await admin.OneTimePasswordAsync(CurrentUser.From(http), id);
                return UserPage(http, await admin.SummaryAsync(issued.Id), await organisations.AllAsync(), ("一次性密码", issued.Password), null);
            }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect($"/admin/users/{Uri.EscapeDataString(id)}");
            }
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        Post(app, "/admin/users/{id}", async (http, admin, form) =>
        {
            var saved = await admin.UpdateUserAsync(CurrentUser.From(http), Route(http), new UserUpdateRequest(form["realName"], form["role"], Id(form, "organisationId")));
            return ($"已保存账号“{saved.Username}”。", $"/admin/users/{saved.Id}");
        }, http => $"/admin/users/{Route(http)}");

        foreach (var (verb, disabled) in new[] { ("disable", true), ("enable", false) })
            Post(app, $"/admin/users/{{id}}/{verb}", async (http, admin, _) =>
            {
                var saved = await admin.SetUserDisabledAsync(CurrentUser.From(http), Route(http), disabled);
                return (disabled ? $"已停用账号“{saved.Username}”：其登录已全部结束。" : $"已启用账号“{saved.Username}”。", $"/admin/users/{saved.Id}");
            }, http => $"/admin/users/{Route(http)}");

        Post(app, "/admin/users/{id}/unlock", async (http, admin, _) =>
        {
            var saved = await admin.UnlockAsync(Route(http));
            return ($"已解除“{saved.Username}”的登录限制，本人可以立即再试。", $"/admin/users/{saved.Id}");
        }, http => $"/admin/users/{Route(http)}");
    }

    // ------------------------------------------------------------------ plumbing

    /// <summary>Administrators only: the public goes to the login page, anyone else to their 工作台 with the reason.</summary>
    static IResult? Gate(HttpContext http)
    {
        var user = CurrentUser.From(http);
        var decision = Permissions.Decide(user.Role, FormAction.Administer, null);
        if (decision.Allowed) return null;
        if (user.IsPublic) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(http.Request.Path));
        Flash.Set(http, "只有管理员可以管理机构和账号", isError: true);
        return Results.Redirect("/");
    }

    /// <summary>A page post: anti-forgery, the administrator, the change; its message for the next page, success or refusal.</summary>
    static void Post(WebApplication app, string pattern, Func<HttpContext, Administration, IFormCollection, Task<(string Message, string Next)>> change, Func<HttpContext, string> back) =>
        app.MapPost(pattern, async (HttpContext http, Administration admin) =>
        {
            if (Antiforgery.Refusal(http) is { } refused) return refused;
            if (Gate(http) is { } away) return away;
            var form = await http.Request.ReadFormAsync();
            try
            {
                var (message, next) = await change(http, admin, form);
                Flash.Set(http, message);
                return Results.Redirect(next);
            }
            catch (ApiRefusal r)
            {
                Flash.Set(http, r.Error.Error, isError: true);
                return Results.Redirect(back(http));
            }
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

    static string Route(HttpContext http) => http.Request.RouteValues["id"]?.ToString() ?? "";

    /// <summary>An id from a picker: empty is none; anything else must be a number.</summary>
    static long? Id(IFormCollection form, string field) =>
        form[field].ToString() is not { Length: > 0 } text ? null
        : long.TryParse(text, out var id) ? id : throw Api.Fail(400, $"“{text}”不是有效的编号", field);

    static IResult Missing(HttpContext http, string message)
    {
        http.Response.StatusCode = 404;
        return Page("未找到", $"<p class=\"error\">{E(message)}</p><p><a href=\"/admin\">返回系统管理</a></p>", CurrentUser.From(http), Antiforgery.Field(http));
    }

    static string When(DateTimeOffset? t) => t is { } v ? v.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm") : "—";

    static string KindName(string kind) => KindNames.GetValueOrDefault(kind, kind);

    static string RoleName(string code) => Roles.FromCode(code)?.ToChinese() ?? code;

    static string Status(UserSummary u)
    {
        var parts = new List<string>();
        if (u.Disabled) parts.Add("<span class=\"off\">已停用</span>");
        if (u.MustChangePassword) parts.Add("<span class=\"due\">待改密码</span>");
        if (u.LoginThrottled) parts.Add("<span class=\"due\">登录受限</span>");
        return parts.Count == 0 ? "正常" : string.Join(" ", parts);
    }

    // ------------------------------------------------------------------ the tree

    static string Counts(IReadOnlyList<Organisation> all)
    {
        int Of(string kind) => all.Count(o => o.Kind == kind);
        var off = all.Count(o => !o.Active);
        return $"共 {all.Count} 个机构：财政部门 {Of("finance")}、主管部门 {Of("department")}、实施单位 {Of("unit")}" + (off > 0 ? $"；已停用 {off}" : "");
    }

    static string Tree(IReadOnlyList<Organisation> all, IReadOnlyDictionary<long, int> accounts)
    {
        var children = all.ToLookup(o => o.ParentId);
        var sb = new StringBuilder("<ul class=\"tree\">");
        void Node(Organisation o)
        {
            var people = accounts.GetValueOrDefault(o.Id);
            sb.Append($"<li class=\"{o.Kind}{(o.Active ? "" : " inactive")}\"><a href=\"/admin/organisations/{o.Id}\">{E(o.Name)}</a> ")
              .Append($"<small>{KindName(o.Kind)}{(people > 0 ? $" · {people} 个账号" : "")}</small>")
              .Append(o.Active ? "" : " <span class=\"off\">已停用</span>");
            var below = children[o.Id].OrderBy(c => c.Kind == "department" ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
            if (below.Count > 0)
            {
                sb.Append("<ul>");
                foreach (var c in below) Node(c);
                sb.Append("</ul>");
            }
            sb.Append("</li>");
        }
        // Roots are the finance bureaux; an organisation whose parent is missing is shown at the top rather than lost.
        var ids = all.Select(o => o.Id).ToHashSet();
        foreach (var root in all.Where(o => o.ParentId is null || !ids.Contains(o.ParentId.Value)).OrderBy(o => o.Kind == "finance" ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal))
            Node(root);
        return sb.Append("</ul>").ToString();
    }

    /// <summary>Options for a parent picker: finance bureaux and 主管部门, each marked with its kind for the script.</summary>
    static string ParentOptions(IReadOnlyList<Organisation> all, string? onlyKind, long? selected, bool inactiveToo = false)
    {
        var sb = new StringBuilder();
        foreach (var kind in new[] { "finance", "department" })
        {
            if (onlyKind is not null && kind != onlyKind) continue;
            var list = all.Where(o => o.Kind == kind).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
            if (list.Count == 0) continue;
            sb.Append($"<optgroup label=\"{KindName(kind)}\" data-kind=\"{kind}\">");
            foreach (var o in list) sb.Append(Option(o, selected, inactiveToo));
            sb.Append("</optgroup>");
        }
        return sb.ToString();
    }

    /// <summary>One organisation in a picker; a deactivated one cannot be chosen, unless it is the current choice (or a filter).</summary>
    static string Option(Organisation o, long? selected, bool inactiveToo = false) =>
        $"<option value=\"{o.Id}\" data-kind=\"{o.Kind}\"{(o.Id == selected ? " selected" : "")}{(o.Active || o.Id == selected || inactiveToo ? "" : " disabled")}>{E(o.Name)}{(o.Active ? "" : "（已停用）")}</option>";

    static string NewOrganisationForm(IReadOnlyList<Organisation> all, string af) => $"""
        <h3 id="new-organisation">新增机构</h3>
        <form method="post" action="/admin/organisations" class="admin-form" data-parent-picker>
          {af}
          <label>名称 <input name="name" maxlength="{Administration.MaxName}" required></label>
          <label>类型 <select name="kind"><option value="unit">实施单位</option><option value="department">主管部门</option><option value="finance">财政部门</option></select></label>
          <label>上级机构 <select name="parentId"><option value="">（无：财政部门）</option>{ParentOptions(all, null, null)}</select></label>
          <button type="submit">新增机构</button>
        </form>
        """;

    // ------------------------------------------------------------------ the accounts

    /// <summary>The organisation picker of an account: finance, 主管部门, and the units grouped under their 主管部门.</summary>
    static string OrganisationOptions(IReadOnlyList<Organisation> all, long? selected, string none = "（无：管理员）", bool inactiveToo = false)
    {
        var sb = new StringBuilder($"<option value=\"\"{(selected is null ? " selected" : "")}>{E(none)}</option>");
        sb.Append(ParentOptions(all, null, selected, inactiveToo: inactiveToo));
        var departments = all.Where(o => o.Kind == "department").ToDictionary(o => o.Id, o => o.Name);
        foreach (var group in all.Where(o => o.Kind == "unit").GroupBy(o => o.ParentId is { } p && departments.TryGetValue(p, out var d) ? d : "（无主管部门）")
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append($"<optgroup label=\"实施单位 · {E(group.Key)}\" data-kind=\"unit\">");
            foreach (var o in group.OrderBy(o => o.Name, StringComparer.Ordinal)) sb.Append(Option(o, selected, inactiveToo));
            sb.Append("</optgroup>");
        }
        return sb.ToString();
    }

    static string RoleOptions(string? selected) => string.Concat(Roles.Accounts.Select(r =>
        $"<option value=\"{r.ToCode()}\" data-kind=\"{r.OrganisationKind() ?? ""}\"{(r.ToCode() == selected ? " selected" : "")}>{r.ToChinese()}</option>"));

    static string UserFilterForm(AccountFilter filter, IReadOnlyList<Organisation> all, string text) => $"""
        <form method="get" action="/admin" class="filter">
          <label>查找 <input name="q" value="{E(text)}" placeholder="姓名或用户名" maxlength="100"></label>
          <label>角色 <select name="role"><option value="">全部</option>{RoleOptions(filter.Role?.ToCode())}</select></label>
          <label>所属机构 <select name="organisation">{OrganisationOptions(all, filter.OrganisationId, "全部", inactiveToo: true)}</select></label>
          <button type="submit">查找</button> <a href="/admin#users">清除</a>
        </form>
        """;

    static string UserTable(IReadOnlyList<UserSummary> users)
    {
        if (users.Count == 0) return "<p>没有符合条件的账号。</p>";
        var sb = new StringBuilder("<table class=\"users\"><thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>所属机构</th><th>状态</th><th>最近登录</th></tr></thead><tbody>");
        foreach (var u in users)
            sb.Append($"<tr{(u.Disabled ? " class=\"inactive\"" : "")}><td><a href=\"/admin/users/{u.Id}\">{E(u.Username)}</a></td><td>{E(u.RealName ?? "—")}</td>")
              .Append($"<td>{E(RoleName(u.Role))}</td><td>{E(u.OrganisationName ?? "—")}</td><td class=\"status\">{Status(u)}</td><td class=\"status\">{When(u.LastLoginAt)}</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    static string NewUserForm(IReadOnlyList<Organisation> all, string af) => $"""
        <h3 id="new-user">新增账号</h3>
        <form method="post" action="/admin/users" class="admin-form" data-role-picker>
          {af}
          <label>用户名 <input name="username" maxlength="{Administration.MaxUsername}" autocomplete="off" required></label>
          <label>姓名 <input name="realName" maxlength="{Administration.MaxRealName}" required></label>
          <label>角色 <select name="role">{RoleOptions("unit")}</select></label>
          <label>所属机构 <select name="organisationId">{OrganisationOptions(all, null)}</select></label>
          <label>初始密码 <input name="password" type="password" autocomplete="new-password" minlength="{AccountEndpoints.MinPasswordLength}" maxlength="{Administration.MaxPassword}" placeholder="留空则自动生成"></label>
          <button type="submit">新增账号</button>
        </form>
        <p class="note">单位填报属于实施单位，主管部门审核属于主管部门，财政审核属于财政部门，管理员不属于机构。初始密码至少 {AccountEndpoints.MinPasswordLength} 个字符；本人首次登录时须先修改。</p>
        """;

    // ------------------------------------------------------------------ one organisation, one account

    static IResult OrganisationPage(HttpContext http, Organisation org, IReadOnlyList<Organisation> all, IReadOnlyList<UserSummary> people)
    {
        var af = Antiforgery.Field(http);
        var parent = all.FirstOrDefault(o => o.Id == org.ParentId);
        var below = all.Where(o => o.ParentId == org.Id).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder(Flash.Render(http));
        sb.Append("<nav class=\"admin-nav\"><a href=\"/admin#organisations\">← 组织机构</a></nav>");
        sb.Append("<table class=\"facts\"><tbody>")
          .Append($"<tr><th>名称</th><td>{E(org.Name)}</td></tr><tr><th>类型</th><td>{KindName(org.Kind)}</td></tr>")
          .Append($"<tr><th>上级机构</th><td>{(parent is null ? "—" : $"<a href=\"/admin/organisations/{parent.Id}\">{E(parent.Name)}</a>")}</td></tr>")
          .Append($"<tr><th>状态</th><td>{(org.Active ? "启用" : "<span class=\"off\">已停用</span>：不再新建绩效表，已有的表和账号照常查看")}</td></tr>")
          .Append($"<tr><th>编号</th><td>{org.Id}</td></tr>");
        if (below.Count > 0)
            sb.Append($"<tr><th>下级机构</th><td>{string.Join("、", below.Select(b => $"<a href=\"/admin/organisations/{b.Id}\">{E(b.Name)}</a>{(b.Active ? "" : "（已停用）")}"))}</td></tr>");
        sb.Append($"<tr><th>账号</th><td>{(people.Count == 0 ? "—" : string.Join("、", people.Select(p => $"<a href=\"/admin/users/{p.Id}\">{E(p.RealName ?? p.Username)}</a>")))}</td></tr>")
          .Append("</tbody></table>");

        var parentKind = ParentKind(org.Kind);
        sb.Append($"<h2>改名{(parentKind is null ? "" : "或移动")}</h2>")
          .Append($"<form method=\"post\" action=\"/admin/organisations/{org.Id}\" class=\"admin-form\">{af}")
          .Append($"<label>名称 <input name=\"name\" value=\"{E(org.Name)}\" maxlength=\"{Administration.MaxName}\" size=\"40\" required></label>");
        if (parentKind is not null)
            sb.Append($"<label>上级{KindName(parentKind)} <select name=\"parentId\">{ParentOptions(all, parentKind, org.ParentId)}</select></label>");
        sb.Append("<button type=\"submit\">保存</button></form>")
          .Append(org.Kind switch
          {
              "unit" => "<p class=\"note\">移到另一个主管部门后，该部门的审核人员可以看到这个单位的表，原来的主管部门不再能看到。已存的表保留其上原来印的单位和主管部门名称。</p>",
              "department" => "<p class=\"note\">主管部门连同其下的实施单位移到另一个财政部门之下。已存的表保留其上原来印的名称。</p>",
              _ => "<p class=\"note\">已存的表保留其上原来印的名称。</p>",
          });

        if (org.Kind != "finance")
        {
            sb.Append(org.Active ? "<h2>停用</h2>" : "<h2>启用</h2>")
              .Append($"<form method=\"post\" action=\"/admin/organisations/{org.Id}/{(org.Active ? "deactivate" : "activate")}\" class=\"inline\">{af}")
              .Append($"<button type=\"submit\">{(org.Active ? "停用这个机构" : "重新启用")}</button></form>")
              .Append(org.Active
                  ? "<p class=\"note\">停用后，该单位不能再新建、导入、调整绩效表或建立自评表；已有的表、账号和修改记录都保留，其人员仍可登录查看，审核照常进行。不删除任何内容，可随时重新启用。"
                    + (org.Kind == "department" ? "主管部门须先停用其下的实施单位，或把它们移到其他主管部门。" : "") + "</p>"
                  : "<p class=\"note\">重新启用后，该单位又可以新建绩效表。</p>");
        }
        return Page($"机构：{org.Name}", sb + AdminCss, CurrentUser.From(http), af);
    }

    static IResult UserPage(HttpContext http, UserSummary u, IReadOnlyList<Organisation> all, (string Label, string Password)? issued, string? done)
    {
        var af = Antiforgery.Field(http);
        var me = CurrentUser.From(http).Id == u.Id;
        var who = u.RealName ?? u.Username;
        // The answer to a post shows its own outcome; a page reached by a redirect shows the flash.
        var sb = new StringBuilder(done is null ? Flash.Render(http) : $"<p class=\"done\" role=\"status\">{E(done)}</p>");
        sb.Append("<nav class=\"admin-nav\"><a href=\"/admin#users\">← 账号列表</a></nav>");
        if (issued is { } p)
            sb.Append($"<section class=\"issued\" role=\"status\"><h2>{E(p.Label)}</h2><p>请把这个密码当面或通过可靠的渠道交给{E(who)}本人：</p>")
              .Append($"<p><code class=\"password\">{E(p.Password)}</code></p>")
              .Append($"<p class=\"note\">只显示这一次，系统不保存它的原文；离开或刷新本页后无法再看到。{E(who)}用它登录后须先修改密码，之前的登录已全部结束。</p></section>");
        sb.Append("<table class=\"facts\"><tbody>")
          .Append($"<tr><th>用户名</th><td>{E(u.Username)}</td></tr><tr><th>姓名</th><td>{E(u.RealName ?? "—")}</td></tr>")
          .Append($"<tr><th>角色</th><td>{E(RoleName(u.Role))}</td></tr>")
          .Append($"<tr><th>所属机构</th><td>{(u.OrganisationId is { } oid ? $"<a href=\"/admin/organisations/{oid}\">{E(u.OrganisationName)}</a>" : "—")}</td></tr>")
          .Append($"<tr><th>状态</th><td>{Status(u)}</td></tr><tr><th>最近登录</th><td>{When(u.LastLoginAt)}</td></tr><tr><th>建立时间</th><td>{When(u.CreatedAt)}</td></tr>")
          .Append("</tbody></table>");

        sb.Append("<h2>修改</h2>")
          .Append($"<form method=\"post\" action=\"/admin/users/{u.Id}\" class=\"admin-form\" data-role-picker>{af}")
          .Append($"<label>姓名 <input name=\"realName\" value=\"{E(u.RealName)}\" maxlength=\"{Administration.MaxRealName}\"></label>")
          .Append($"<label>角色 <select name=\"role\">{RoleOptions(u.Role)}</select></label>")
          .Append($"<label>所属机构 <select name=\"organisationId\">{OrganisationOptions(all, u.OrganisationId)}</select></label>")
          .Append("<button type=\"submit\">保存</button></form>")
          .Append("<p class=\"note\">用户名不能修改（修改记录按用户名记下是谁）。角色和机构的修改从本人的下一次操作起生效。</p>");

        sb.Append("<h2>登录与密码</h2>");
        if (me) sb.Append("<p class=\"note\">这是您自己的账号：不能在这里停用它或给一次性密码；自己的密码请在<a href=\"/account\">我的账号</a>中修改。</p>");
        sb.Append("<div class=\"account-actions\">");
        if (!me)
            sb.Append($"<form method=\"post\" action=\"/admin/users/{u.Id}/{(u.Disabled ? "enable" : "disable")}\">{af}<button type=\"submit\">{(u.Disabled ? "启用账号" : "停用账号")}</button>")
              .Append(u.Disabled
                  ? "<p class=\"note\">启用后可以再用原来的密码登录。</p>"
                  : "<p class=\"note\">停用后其所有登录立即结束，不能再登录（登录时的答复与密码错误相同）。已有的表和修改记录都保留。</p>")
              .Append("</form>");
        sb.Append($"<form method=\"post\" action=\"/admin/users/{u.Id}/unlock\">{af}<button type=\"submit\">解除登录限制</button>")
          .Append("<p class=\"note\">输错密码不会锁定账号，只会让再试等得更久。解除即忘掉这个用户名输错的次数，本人可以立即再试；不结束已登录的会话，也不改密码。怀疑密码泄露时请用“一次性密码”或“停用账号”。</p></form>");
        if (!me)
            sb.Append($"<form method=\"post\" action=\"/admin/users/{u.Id}/one-time-password\">{af}<button type=\"submit\">生成一次性密码</button>")
              .Append("<p class=\"note\">本人忘记密码时用：生成一个新密码，只在本页显示一次；原密码失效，所有登录结束，登录限制解除，本人登录后须先修改密码。</p></form>");
        sb.Append("</div>");
        return Page($"账号：{u.Username}", sb + AdminCss + Script, CurrentUser.From(http), af);
    }

    // ------------------------------------------------------------------ look and behaviour

    const string AdminCss = """
        <style>
          .admin-nav { margin: .2rem 0 1rem; display: flex; gap: 1.2rem; }
          .admin-columns { display: grid; grid-template-columns: minmax(20rem, 2fr) 3fr; gap: 2rem; align-items: start; }
          .admin-columns h2 { margin-top: 0; }
          ul.tree, ul.tree ul { list-style: none; padding-left: 1.1rem; margin: .15rem 0; }
          ul.tree { padding-left: 0; }
          ul.tree li { margin: .2rem 0; }
          ul.tree ul { border-left: 1px dotted #bbb; }
          ul.tree li.finance > a { font-weight: bold; }
          ul.tree small { color: #666; }
          li.inactive > a, tr.inactive td { color: #888; }
          .off { color: #a00; font-size: 13px; }
          .due { color: #a35a00; font-size: 13px; }
          form.admin-form { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; background: #faf8f3; border: 1px solid #e2dccd; padding: .6rem .8rem; }
          form.admin-form label, form.filter label { display: flex; flex-direction: column; font-size: 13px; gap: .15rem; }
          form.admin-form select { max-width: 22rem; }
          form.filter select { max-width: 16rem; }
          form.filter { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; margin-bottom: .4rem; }
          table.users td, table.users th { font-size: 13px; }
          table.facts { width: auto; min-width: 28rem; margin-bottom: 1rem; }
          table.facts th { text-align: left; width: 6rem; }
          .account-actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
          .account-actions form { border: 1px solid #e2dccd; padding: .6rem .8rem; }
          section.issued { border: 2px solid #176b2c; background: #f2fbf4; padding: .4rem 1rem; margin-bottom: 1rem; }
          code.password { font-size: 20px; letter-spacing: .08em; background: #fff; border: 1px dashed #176b2c; padding: .2rem .6rem; user-select: all; }
        </style>
        """;

    // The pickers follow the choice beside them: a 主管部门 sits under a 财政部门 and a unit under a 主管部门; an account's
    // organisation is of its role's kind. The server checks the same; this only keeps wrong choices out of reach.
    const string Script = """
        <script>
        (function () {
          for (const form of document.querySelectorAll('form[data-parent-picker]')) {
            const kind = form.querySelector('select[name=kind]'), parent = form.querySelector('select[name=parentId]');
            const wants = { unit: 'department', department: 'finance', finance: '' };
            const sync = () => {
              const want = wants[kind.value];
              for (const g of parent.querySelectorAll('optgroup')) { g.hidden = g.dataset.kind !== want; for (const o of g.children) o.disabled = g.hidden || o.textContent.endsWith('（已停用）'); }
              parent.options[0].hidden = want !== '';
              if (parent.selectedOptions[0]?.disabled || parent.selectedOptions[0]?.hidden) parent.value = want === '' ? '' : (parent.querySelector('optgroup:not([hidden]) option:not([disabled])')?.value ?? '');
            };
            kind.addEventListener('change', sync); sync();
          }
          for (const form of document.querySelectorAll('form[data-role-picker]')) {
            const role = form.querySelector('select[name=role]'), org = form.querySelector('select[name=organisationId]');
            const sync = () => {
              const want = role.selectedOptions[0].dataset.kind;
              for (const g of org.querySelectorAll('optgroup')) {
                g.hidden = want !== '' && g.dataset.kind !== want;
                for (const o of g.children) o.disabled = g.hidden || (o.textContent.endsWith('（已停用）') && !o.defaultSelected);
              }
              org.options[0].hidden = want !== '';
              const chosen = org.selectedOptions[0];
              if (!chosen || chosen.disabled || chosen.hidden || (want !== '' && chosen.value === '')) org.value = want === '' ? '' : (org.querySelector('optgroup:not([hidden]) option:not([disabled])')?.value ?? '');
            };
            role.addEventListener('change', sync); sync();
          }
        })();
        </script>
        """;
}
