using Microsoft.AspNetCore.Antiforgery;

namespace Jixiao.Web.Features.Shared;

public static class Antiforgery
{
    /// <summary>A form post without a valid anti-forgery token: refused, with the reason, before anything happens.</summary>
    public static IResult? Refusal(HttpContext http) =>
        http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            ? Results.Content("<p>请求缺少有效的防伪令牌（页面可能已过期），请返回并刷新页面后重试。</p>", "text/html; charset=utf-8", statusCode: 400)
            : null;

    /// <summary>The hidden field every HTML form that changes something carries.</summary>
    public static string Field(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }
}
