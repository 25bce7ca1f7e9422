namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The JSON API takes `application/json` and nothing else on a request that changes something, before any endpoint
/// runs (415 otherwise): a cross-site HTML form cannot send that type, so the API needs no anti-forgery token. The
/// uploads (forms, a monitoring form's filled template, the administrator's workbook and finance's 指标库 workbook) are multipart by nature and
/// guard themselves (they require a header only a script of this site can add).
/// </summary>
public static class JsonOnly
{
    // POST /api/forms/{id}/template: exactly that shape, nothing under it.
    static bool IsTemplateUpload(HttpRequest r) =>
        r.Path.Value is { } p && p.StartsWith("/api/forms/", StringComparison.Ordinal) && p.EndsWith("/template", StringComparison.Ordinal)
        && p.Count(c => c == '/') == 4;

    public static void Use(WebApplication app) => app.Use(async (http, next) =>
    {
        var r = http.Request;
        if (r.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(r.Method) && !HttpMethods.IsHead(r.Method) && !HttpMethods.IsOptions(r.Method)
            && !r.Path.StartsWithSegments("/api/imports") && !r.Path.StartsWithSegments("/api/admin/import")
            && !r.Path.Equals("/api/indicator-library/import", StringComparison.Ordinal) && !IsTemplateUpload(r) && !Api.IsJson(r))
        {
            await Api.UnsupportedType.Result.ExecuteAsync(http);
            return;
        }
        await next();
    });
}
