namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The JSON API takes `application/json` and nothing else on a request that changes something, before any endpoint
/// runs (415 otherwise): a cross-site HTML form cannot send that type, so the API needs no anti-forgery token. The
/// uploads (forms, and the administrator's workbook) are multipart by nature and guard themselves (they require a
/// header only a script of this site can add).
/// </summary>
public static class JsonOnly
{
    public static void Use(WebApplication app) => app.Use(async (http, next) =>
    {
        var r = http.Request;
        if (r.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(r.Method) && !HttpMethods.IsHead(r.Method) && !HttpMethods.IsOptions(r.Method)
            && !r.Path.StartsWithSegments("/api/imports") && !r.Path.StartsWithSegments("/api/admin/import") && !Api.IsJson(r))
        {
            await Api.UnsupportedType.Result.ExecuteAsync(http);
            return;
        }
        await next();
    });
}
