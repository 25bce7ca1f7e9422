using System.Security.Claims;
using Jixiao.Web.Features.Accounts;

namespace Jixiao.Web.Features.Shared;

/// <summary>Who is asking, read from the session cookie's claims; the public when not logged in.</summary>
public sealed record CurrentUser(long? Id, string? Username, string? Role, long? OrganisationId)
{
    public static readonly CurrentUser Public = new(null, null, null, null);

    public bool IsPublic => Role is null;

    public static CurrentUser From(ClaimsPrincipal p)
    {
        if (p.Identity?.IsAuthenticated != true) return Public;
        long? L(string type) => long.TryParse(p.FindFirstValue(type), out var v) ? v : null;
        return new CurrentUser(L(ClaimTypes.NameIdentifier), p.FindFirstValue(ClaimTypes.Name), p.FindFirstValue(ClaimTypes.Role), L("organisation"));
    }

    public static ClaimsPrincipal Principal(User u, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, u.Id.ToString()),
        new Claim(ClaimTypes.Name, u.Username),
        new Claim(ClaimTypes.Role, u.Role),
        new Claim("organisation", u.OrganisationId?.ToString() ?? ""),
    ], scheme));
}
