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
        app.MapGet("/api/forms/{id}", (string id, HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var form = await access.VisibleAsync(CurrentUser.From(http), id, store) ?? throw Api.NotFound(id);
            return Api.Json(StoredFormDocument.Of(form));
        })).WithName("GetForm").WithSummary("一张绩效表：交换格式的 JSON，加 id、status、version 等；可原样用 PUT 送回")
            .Produces<StoredFormDocument>().Produces<ApiError>(404);

        app.MapGet("/forms/{id}", async (string id, HttpContext http, FormStore store, FormAccess access,
            Jixiao.Formats.Profiles.ProfileCatalog profiles, Accounts.ActorNames actors, Monitoring.MonitoringWork monitoringWork, MonitoringStore monitoring,
            SpotChecks.SpotCheckWork spotChecks) =>
        {
            var user = CurrentUser.From(http);
            var form = await access.VisibleAsync(user, id, store);
            if (form is null) return user.IsPublic ? Results.Redirect($"/login?returnUrl=/forms/{Uri.EscapeDataString(id)}") : NotFoundPage(user, http);
            if (user.IsPublic) return Page(form.Form.Subject() ?? "绩效表", Flash.Render(http) + FormView(form), user, Antiforgery.Field(http));
            var facts = await access.FactsAsync(user, form);
            // What the form is held to, read once for the findings and every section that shows it.
            var forecast = await store.ForecastForAsync(form.Form, form.DeclarationId);
            var findings = Gate.Findings(form.Form, profiles.ForForm(form.Form), forecast?.Form, await AmbitionSnapshots.ForAsync(form.Form, form.UnitId, store));
            var work = FormPages.Work(user, form, facts, http, await actors.LabelledAsync(await store.HistoryAsync(form.Id)), profiles, findings,
                await Monitoring.MonitoringPages.SectionsAsync(user, form, facts, http, monitoringWork, monitoring, forecast, profiles)
                + SpotChecks.SpotCheckPages.Section(user, form, spotChecks, findings, forecast?.Form)
                + await ResultsApplication.ResultsPages.SectionAsync(user, form, facts, http));
            return Page(form.Form.Subject() ?? "绩效表", Flash.Render(http) + FormView(form) + work, user, Antiforgery.Field(http));
        });

        app.MapGet("/public/forms/{id}", async (string id, HttpContext http, FormStore store) =>
        {
            var form = long.TryParse(id, out var n) ? await store.GetAsync(n) : null;
            if (form is null || form.Status != FormStatus.Published) return NotFoundPage(CurrentUser.From(http), http);
            return Page(form.Form.Subject() ?? "绩效表", FormView(form), CurrentUser.From(http), Antiforgery.Field(http));
        });
    }

    private static IResult NotFoundPage(CurrentUser user, HttpContext http)
    {
        http.Response.StatusCode = 404;
        return Page("未找到", "<p class=\"error\">没有这张绩效表，或您无权查看。</p>", user, Antiforgery.Field(http));
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
          // A 部门整体 form belongs to no project: it has no 项目全程.
          .Append(f.Kind.IsDepartmentWhole() ? "" : $" · <a class=\"project-link\" href=\"/projects/{stored.Id}\">项目全程</a>")
          .Append(f is EvaluationForm { ReviewScore: { } review } se2 ? $" · <strong class=\"review\">复核分 {review:0.00}</strong>（单位自评 {se2.TotalScore:0.00}）" : "")
          .Append("</p>");
        sb.Append("<style>").Append(Jixiao.Formats.Html.HtmlRenderer.FormCss).Append("</style>")
          .Append("<div class=\"official\">").Append(Jixiao.Formats.Html.HtmlRenderer.RenderFragment(f)).Append("</div>");
        return sb.ToString();
    }
}
