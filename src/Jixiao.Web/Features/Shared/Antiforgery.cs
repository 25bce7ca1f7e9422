using Microsoft.AspNetCore.Antiforgery;

namespace Jixiao.Web.Features.Shared;

public static class Antiforgery
{
    /// <summary>The hidden field every HTML form that changes something carries.</summary>
    public static string Field(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }
}
