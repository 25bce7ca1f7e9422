namespace Jixiao.Web.Features.Shared;

/// <summary>
/// The JSON API takes `application/json` and nothing else on a request that changes something, before any endpoint
/// runs (415 otherwise): a cross-site HTML form cannot send that type, so the API needs no anti-forgery token. The
/// upload is multipart by nature and guards itself (it requires a header only a script of this site can add).
/// </summary>
public static class JsonOnly
{
    public static void Use(WebApplication app) => app.Use(async (http, next) =>
    {
        var r = http.Request;
        if (r.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(r.Method) && !HttpMethods.IsHead(r.Method) && !HttpMethods.IsOptions(r.Method)
            && !r.Path.StartsWithSegments("/api/imports") && !Api.IsJson(r))
        {
            await Api.UnsupportedType.Result.ExecuteAsync(http);
            return;
        }
        await next();
    });
}
