using System.Text;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Forms;

/// <summary>Form lists and form pages, as JSON (API) and HTML, each filtered by <see cref="FormAccess"/>.</summary>
public static class FormEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/forms", (HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var filter = ParseFilter(http.Request.Query);
            var list = await store.ListAsync(await access.ScopeAsync(CurrentUser.From(http), filter));
            return Api.Json(list.Select(FormSummaryDocument.Of).ToList());
        })).WithName("ListForms").WithSummary("绩效表列表（按年度、单位、类型、状态筛选；limit、offset 分页）").Produces<List<FormSummaryDocument>>();

        app.MapGet("/api/forms/{id}", (string id, HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var form = await access.VisibleAsync(CurrentUser.From(http), id, store) ?? throw Api.NotFound(id);
            return Api.Json(StoredFormDocument.Of(form));
        })).WithName("GetForm").WithSummary("一张绩效表：交换格式的 JSON，加 id、status、version 等；可原样用 PUT 送回")
            .Produces<StoredFormDocument>().Produces<ApiError>(404);

        app.MapGet("/forms", async (HttpContext http, FormStore store, FormAccess access) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/forms");
            FormFilter filter;
            try { filter = ParseFilter(http.Request.Query); }
            catch (ApiRefusal r) { return Page("绩效表", $"<p class=\"error\">{E(r.Error.Error)}</p>", user, Antiforgery.Field(http)); }
            var list = await store.ListAsync(await access.ScopeAsync(user, filter));
            var create = Jixiao.Core.Access.Permissions.MayEver(user.Role, Jixiao.Core.Access.FormAction.Create)
                ? "<p><a class=\"button\" href=\"/forms/new\">新建申报表</a> <a class=\"button\" href=\"/imports\">导入</a></p>" : "";
            return Page("绩效表", Flash.Render(http) + create + ListTable(list, "/forms"), user, Antiforgery.Field(http));
        });

        app.MapGet("/forms/{id}", async (string id, HttpContext http, FormStore store, FormAccess access,
            Jixiao.Formats.Profiles.ProfileCatalog profiles, Accounts.ActorNames actors) =>
        {
            var user = CurrentUser.From(http);
            var form = await access.VisibleAsync(user, id, store);
            if (form is null) return user.IsPublic ? Results.Redirect($"/login?returnUrl=/forms/{Uri.EscapeDataString(id)}") : NotFoundPage(user, http);
            var work = user.IsPublic ? "" : FormPages.Work(user, form, await access.FactsAsync(user, form), http, await actors.LabelledAsync(await store.HistoryAsync(form.Id)), profiles);
            return Page(form.Form.ProjectName ?? "绩效表", Flash.Render(http) + FormView(form) + work, user, Antiforgery.Field(http));
        });

        app.MapGet("/public", async (HttpContext http, FormStore store) =>
        {
            var list = await store.ListAsync(new FormFilter(Status: FormStatus.Published));
            var body = list.Count == 0 ? "<p>还没有公开的绩效表。</p>" : ListTable(list, "/public/forms");
            return Page("公开的绩效表", body, CurrentUser.From(http), Antiforgery.Field(http));
        });

        app.MapGet("/public/forms/{id}", async (string id, HttpContext http, FormStore store) =>
        {
            var form = long.TryParse(id, out var n) ? await store.GetAsync(n) : null;
            if (form is null || form.Status != FormStatus.Published) return NotFoundPage(CurrentUser.From(http), http);
            return Page(form.Form.ProjectName ?? "绩效表", FormView(form), CurrentUser.From(http), Antiforgery.Field(http));
        });
    }

    private static IResult NotFoundPage(CurrentUser user, HttpContext http)
    {
        http.Response.StatusCode = 404;
        return Page("未找到", "<p class=\"error\">没有这张绩效表，或您无权查看。</p>", user, Antiforgery.Field(http));
    }

    /// <summary>Reads the list filters; a value that does not parse is a 400 naming the parameter.</summary>
    private static FormFilter ParseFilter(IQueryCollection q)
    {
        var filter = new FormFilter();
        if (q["year"].FirstOrDefault() is { Length: > 0 } y)
        {
            if (!int.TryParse(y, out var year) || year is < 1990 or > 2100) throw Api.Fail(400, $"年度“{y}”不是有效年份（1990–2100）", "year");
            filter = filter with { Year = year };
        }
        if (q["unit"].FirstOrDefault() is { Length: > 0 } u)
        {
            if (!long.TryParse(u, out var unit) || unit <= 0) throw Api.Fail(400, $"单位编号“{u}”无效", "unit");
            filter = filter with { UnitId = unit };
        }
        if (q["kind"].FirstOrDefault() is { Length: > 0 } k)
        {
            if (FormKinds.FromCode(k) is null) throw Api.Fail(400, $"类型“{k}”无效，应为 self-evaluation 或 target-declaration", "kind");
            filter = filter with { Kind = k };
        }
        if (q["status"].FirstOrDefault() is { Length: > 0 } s)
        {
            if (FormStatuses.FromCode(s) is not { } status) throw Api.Fail(400, $"状态“{s}”无效，应为 {FormStatuses.CodeList} 之一", "status");
            filter = filter with { Status = status };
        }
        if (q["limit"].FirstOrDefault() is { Length: > 0 } l)
        {
            if (!int.TryParse(l, out var limit) || limit is < 1 or > 1000) throw Api.Fail(400, $"每页条数“{l}”无效（1–1000）", "limit");
            filter = filter with { Limit = limit };
        }
        if (q["offset"].FirstOrDefault() is { Length: > 0 } o)
        {
            if (!int.TryParse(o, out var offset) || offset < 0) throw Api.Fail(400, $"偏移“{o}”无效", "offset");
            filter = filter with { Offset = offset };
        }
        return filter;
    }

    private static string ListTable(IReadOnlyList<FormSummary> list, string link)
    {
        var sb = new StringBuilder("<table><thead><tr><th>年度</th><th>类型</th><th>项目名称</th><th>主管部门</th><th>实施单位</th><th>状态</th><th>总分</th><th>等级</th></tr></thead><tbody>");
        foreach (var f in list)
        {
            var kind = FormKinds.FromCode(f.Kind) == FormKind.SelfEvaluation ? "自评表" : "申报表";
            var status = FormStatuses.FromCode(f.Status)?.ToChinese() ?? f.Status;
            sb.Append($"<tr><td>{f.Year}</td><td>{kind}</td><td><a href=\"{link}/{f.Id}\">{E(f.ProjectName)}</a></td><td>{E(f.Department)}</td>")
              .Append($"<td>{E(f.ImplementingUnit)}</td><td class=\"status\">{E(status)}</td><td>{E(f.TotalScore)}</td><td>{E(f.Grade)}</td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>A form on a page: the official layout (the same markup the HTML and PDF exports print) and downloads.</summary>
    private static string FormView(StoredForm stored)
    {
        var f = stored.Form;
        var sb = new StringBuilder();
        sb.Append($"<p>{E(f.Kind.ToChinese())}（{f.Year}年度）{(f.Revision is > 0 ? $" · 第 {f.Revision} 次调整" : "")} · 状态：<span class=\"form-status\">{E(stored.Status.ToChinese())}</span> · 第 {stored.Version} 版 · 下载：")
          .Append($"<a href=\"/api/forms/{stored.Id}/export?format=pdf\">PDF</a> <a href=\"/api/forms/{stored.Id}/export?format=xlsx\">Excel</a> ")
          .Append($"<a href=\"/api/forms/{stored.Id}/export?format=html\">HTML</a>")
          .Append(stored.DeclarationId is { } d ? $" · 依据申报表 <a href=\"/forms/{d}\">第 {d} 号</a>" : "")
          .Append(stored.AdjustsId is { } a ? $" · 调整自 <a href=\"/forms/{a}\">第 {a} 号</a>" : "")
          .Append(f is SelfEvaluation { ReviewScore: { } review } se2 ? $" · <strong class=\"review\">复核分 {review:0.00}</strong>（单位自评 {se2.TotalScore:0.00}）" : "")
          .Append("</p>");
        sb.Append("<style>").Append(Jixiao.Formats.Html.HtmlRenderer.FormCss).Append("</style>")
          .Append("<div class=\"official\">").Append(Jixiao.Formats.Html.HtmlRenderer.RenderFragment(f)).Append("</div>");
        return sb.ToString();
    }
}
