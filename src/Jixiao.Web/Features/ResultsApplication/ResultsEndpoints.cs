using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.ResultsApplication;

/// <summary>The 结果应用 API: a year's register, its xlsx export, and finance's decision on one self-evaluation.</summary>
public static class ResultsEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/results-application", (HttpContext http, ResultsWork work) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var year = ResultsWork.Year(http.Request.Query["year"].FirstOrDefault());
            if (http.Request.Query["format"].FirstOrDefault() is { Length: > 0 } format)
            {
                if (format != "xlsx") return Api.Error(400, "format 应为 xlsx（不写则为 JSON）", "format");
                var (bytes, name) = await work.ExportAsync(user, year);
                return Results.File(bytes, XlsxType, name);
            }
            return Api.Json(await work.RegisterAsync(user, year));
        })).WithSummary("结果应用台账（按您的范围：财政和管理员全部，主管部门其所属单位，单位本单位）：year 年度有审核通过或已公开自评表的每个项目一行，含总分、等级、复核分、建议的结果应用（下一年度预算）、财政决定及理由、整改情况；format=xlsx 导出 Excel")
            .Produces<ResultsRegister>().Produces<ApiError>(400);

        app.MapGet("/api/results-application/export", (HttpContext http, ResultsWork work) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            var (bytes, name) = await work.ExportAsync(user, ResultsWork.Year(http.Request.Query["year"].FirstOrDefault()));
            return Results.File(bytes, XlsxType, name);
        })).WithSummary("结果应用台账导出为 Excel（与 /api/results-application?year=…&format=xlsx 相同）");

        app.MapPost("/api/forms/{id}/result-decision", (string id, HttpContext http, ResultsWork work) => Api.Run(async () =>
        {
            var body = await Api.ReadAsync<ResultDecisionRequest>(http);
            return Api.Json(await work.DecideAsync(CurrentUser.From(http), id, body));
        })).WithSummary("财政部门记录结果应用决定（审核通过或已公开的自评表）：decision 为建议的结果应用之一或 其他，与建议不同时须写 reason；再次记录则替换")
            .Accepts<ResultDecisionRequest>("application/json").Produces<ResultLineDocument>().Produces<ApiError>(400).Produces<ApiError>(403);
    }
}
