using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>The 运行监控 API: rounds, a form's lights, the 整改 register, 暂缓拨款, and a self-evaluation beside its forecast.</summary>
public static class MonitoringEndpoints
{
    /// <summary>The one file of a template upload, within the import's size limit; refusals say why in Chinese.</summary>
    public static async Task<(byte[] Bytes, string Name)> UploadedAsync(HttpContext http, bool requireHeader = true)
    {
        var form = await Api.ReadUploadAsync(http, ImportEndpoints.MaxUploadBytes, "file", requireHeader: requireHeader);
        if (form.Files.GetFile("file") is not { Length: > 0 } file) throw Api.Fail(400, "没有上传文件（字段 file）", "file");
        if (file.Length > ImportEndpoints.MaxUploadBytes) throw Api.TooLarge(ImportEndpoints.MaxUploadBytes);
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms);
        return (ms.ToArray(), file.FileName);
    }

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/monitoring/rounds", (HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<OpenRoundRequest>(http);
            return Api.Json(await work.OpenRoundAsync(CurrentUser.From(http), body), 201);
        })).WithSummary("财政部门开展运行监控：year、periodEnd（监控期末，月末）、deadline（报送截止）、可选 name 与 declarations（重点监控）；每张审核通过的申报表建立一张监控表草稿，指标与年初预算数取自申报表")
            .Accepts<OpenRoundRequest>("application/json").Produces<RoundOpened>(201).Produces<ApiError>(400).Produces<ApiError>(409);

        app.MapGet("/api/monitoring/rounds", (HttpContext http, MonitoringWork work) => Api.Run(async () =>
            Api.Json(await work.RoundsAsync(CurrentUser.From(http)))))
            .WithSummary("各监控轮次").Produces<List<RoundDocument>>();

        app.MapGet("/api/monitoring/rounds/{id}", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
            Api.Json(await work.SummaryAsync(CurrentUser.From(http), id))))
            .WithSummary("一轮监控的汇总（按您的范围）：按主管部门和单位的红黄绿灯、红灯清单及原因、逾期未报的表、整改事项").Produces<RoundSummary>();

        app.MapGet("/api/forms/{id}/lights", (string id, HttpContext http, FormStore store, FormAccess access, ProfileCatalog profiles) => Api.Run(async () =>
        {
            var form = await access.RequireAsync(CurrentUser.From(http), id, FormAction.View, store);
            if (form.Form is not MonitoringForm m) return Api.Error(400, "只有监控表有预警颜色", "id");
            return Api.Json(MonitoringSheetDocument.Of(MonitoringAssessor.Assess(m, profiles.ForForm(m))));
        })).WithSummary("监控表的预警：每个资金行和指标行的颜色（green / yellow / red）及计算过程").Produces<MonitoringSheetDocument>();

        app.MapGet("/api/forms/{id}/forecast", (string id, HttpContext http, FormStore store, FormAccess access) => Api.Run(async () =>
        {
            var form = await access.RequireAsync(CurrentUser.From(http), id, FormAction.View, store);
            if (form.Form is not SelfEvaluation s || form.DeclarationId is not { } d) return Api.Error(400, "只有由申报表建立的自评表有监控预计可对照", "id");
            var latest = await store.LatestMonitoringAsync(d);
            return Api.Json(latest is { } l ? MonitoringFollowUp.Beside(s, l.Form) : []);
        })).WithSummary("自评表每行的实际完成值与最近一次审核通过的监控表的全年预计对照").Produces<List<ForecastBeside>>();

        app.MapPost("/api/forms/{id}/rectifications", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<RectificationRequest>(http);
            return Api.Json(await work.RaiseAsync(CurrentUser.From(http), id, body), 201);
        })).WithSummary("审核监控表或自评表后提出整改要求：requirement、deadline（yyyy-MM-dd）")
            .Accepts<RectificationRequest>("application/json").Produces<RectificationDocument>(201).Produces<ApiError>(400);

        app.MapGet("/api/rectifications", (HttpContext http, MonitoringWork work) => Api.Run(async () =>
            Api.Json(await work.RegisterAsync(CurrentUser.From(http), http.Request.Query["state"].FirstOrDefault()))))
            .WithSummary("整改台账（按您的范围）：?state=open 未完成 / overdue 逾期 / done 已完成").Produces<List<RectificationDocument>>();

        app.MapPost("/api/rectifications/{id}/result", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<RectificationResultRequest>(http);
            return Api.Json(await work.RecordResultAsync(CurrentUser.From(http), id, body));
        })).WithSummary("单位填报整改结果和结论（填报后不能覆盖）")
            .Accepts<RectificationResultRequest>("application/json").Produces<RectificationDocument>().Produces<ApiError>(409);

        app.MapGet("/api/forms/{id}/template", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var (bytes, name) = await work.TemplateAsync(CurrentUser.From(http), id);
            return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        })).WithSummary("监控表的填报模板（xlsx，已填的内容在内）：单位在 Excel 中填写后上传");

        app.MapPost("/api/forms/{id}/template", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var (bytes, name) = await UploadedAsync(http);
            var version = await work.UploadTemplateAsync(CurrentUser.From(http), id, bytes, name);
            return Api.Json(new { id = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), version });
        })).DisableAntiforgery()
            .WithSummary("上传填好的监控表填报模板（multipart/form-data，字段 file，须带请求头 X-Requested-With）：读入后按修改保存；模板被改动时不保存，并指出工作表、行和列");

        app.MapPost("/api/forms/{id}/funding-hold", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<FundingHoldRequest>(http);
            return Api.Json(await work.HoldAsync(CurrentUser.From(http), id, body), 201);
        })).WithSummary("财政部门对项目（审核通过的申报表）暂缓拨款，须写理由")
            .Accepts<FundingHoldRequest>("application/json").Produces<FundingHoldDocument>(201).Produces<ApiError>(409);

        app.MapPost("/api/forms/{id}/funding-hold/release", (string id, HttpContext http, MonitoringWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<FundingHoldRequest>(http);
            return Api.Json(await work.ReleaseAsync(CurrentUser.From(http), id, body));
        })).WithSummary("解除暂缓拨款，须写理由").Accepts<FundingHoldRequest>("application/json").Produces<FundingHoldDocument>();
    }
}
