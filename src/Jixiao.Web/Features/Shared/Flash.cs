using Microsoft.AspNetCore.DataProtection;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// A message for the next page after a post (已提交, or why not). It travels in a cookie the server encrypts, never
/// in the address: a page says only what the server said, so a link cannot make it show words of someone else's.
/// </summary>
public static class Flash
{
    const string Cookie = "jixiao-flash";
    const string Purpose = "Jixiao.Flash";

    public sealed record Message(string Text, bool IsError);

    public static void Set(HttpContext http, string text, bool isError = false)
    {
        var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var value = protector.Protect((isError ? "E" : "I") + text);
        http.Response.Cookies.Append(Cookie, value, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
    }

    public static Message? Take(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value)) return null;
        http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
        try
        {
            var text = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(value);
            return text.Length == 0 ? null : new Message(text[1..], text[0] == 'E');
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary>The message as the page shows it (encoded), or nothing.</summary>
    public static string Render(HttpContext http) => Take(http) is { } m
        ? m.IsError ? $"<p class=\"error\" role=\"alert\">{Html.E(m.Text)}</p>" : $"<p class=\"done\" role=\"status\">{Html.E(m.Text)}</p>"
        : "";
}
