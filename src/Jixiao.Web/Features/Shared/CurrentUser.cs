using System.Security.Claims;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Accounts;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// Who is asking, read from the session cookie's claims (checked against the sessions table on every request);
/// the public when not logged in. <see cref="MustChangePassword"/>: the password was set by the administrator and
/// must be changed before anything else (<see cref="Accounts.PasswordChangeGate"/>).
/// </summary>
public sealed record CurrentUser(long? Id, string? Username, Role Role, long? OrganisationId, string? SessionId = null,
    string? RealName = null, bool MustChangePassword = false)
{
    public static readonly CurrentUser Public = new(null, null, Role.Public, null);

    public const string SessionClaim = "session";
    const string RealNameClaim = "real_name", MustChangeClaim = "must_change_password";

    public bool IsPublic => Role == Role.Public;

    /// <summary>How the person is named on a page: the real name when the administrator gave one, else the username.</summary>
    public string? DisplayName => RealName is { Length: > 0 } n ? n : Username;

    public static CurrentUser From(ClaimsPrincipal p)
    {
        if (p.Identity?.IsAuthenticated != true || Roles.FromCode(p.FindFirstValue(ClaimTypes.Role)) is not { } role) return Public;
        long? L(string type) => long.TryParse(p.FindFirstValue(type), out var v) ? v : null;
        return new CurrentUser(L(ClaimTypes.NameIdentifier), p.FindFirstValue(ClaimTypes.Name), role, L("organisation"), p.FindFirstValue(SessionClaim),
            p.FindFirstValue(RealNameClaim) is { Length: > 0 } name ? name : null, p.FindFirstValue(MustChangeClaim) == "1");
    }

    public static CurrentUser From(HttpContext http) => From(http.User);

    public static ClaimsPrincipal Principal(User u, string sessionId, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, u.Id.ToString()),
        new Claim(ClaimTypes.Name, u.Username),
        new Claim(ClaimTypes.Role, u.Role.ToCode()),
        new Claim("organisation", u.OrganisationId?.ToString() ?? ""),
        new Claim(SessionClaim, sessionId),
        new Claim(RealNameClaim, u.RealName ?? ""),
        new Claim(MustChangeClaim, u.MustChangePassword ? "1" : "0"),
    ], scheme));
}
