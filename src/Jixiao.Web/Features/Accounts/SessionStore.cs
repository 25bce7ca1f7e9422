using System.Security.Cryptography;
using System.Text;
using Dapper;
using Jixiao.Core.Access;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Accounts;

/// <summary>
/// Server-side sessions: a login is a row, the cookie carries its id, and every request is checked against the row
/// (<see cref="FindAsync"/>), so logout and a password change end a session at once, even for a copied cookie. Only a
/// hash of the id is stored: the table alone opens no session.
/// </summary>
public sealed class SessionStore(Database db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private sealed class SessionRow
    {
        public long UserId { get; init; }
        public string Username { get; init; } = "";
        public string Role { get; init; } = "";
        public long? OrganisationId { get; init; }
        public string? RealName { get; init; }
        public long MustChangePassword { get; init; }
        public string ExpiresAt { get; init; } = "";
    }

    static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    public async Task<string> CreateAsync(long userId)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (@id, @userId, @now, @expires)",
            new { id = Hash(id), userId, now = db.Time(now), expires = db.Time(now + Lifetime) });
        return id;
    }

    /// <summary>
    /// The account of a live session (its role, organisation, name and password flag as they are now); null when
    /// ended, unknown, or the account is disabled (disabling also ends the sessions; this is the second lock).
    /// </summary>
    public async Task<User?> FindAsync(string id)
    {
        await using var c = await db.ConnectAsync();
        var row = await c.QuerySingleOrDefaultAsync<SessionRow>("""
            SELECT s.user_id AS UserId, u.username AS Username, u.role AS Role, u.organisation_id AS OrganisationId,
                   u.real_name AS RealName, CAST(u.must_change_password AS INTEGER) AS MustChangePassword, CAST(s.expires_at AS TEXT) AS ExpiresAt
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = @id AND s.revoked_at IS NULL AND u.disabled_at IS NULL
            """, new { id = Hash(id) });
        if (row is null || DateTimeOffset.Parse(row.ExpiresAt, System.Globalization.CultureInfo.InvariantCulture) <= clock.GetUtcNow()) return null;
        return Roles.FromCode(row.Role) is { } role ? new User(row.UserId, row.Username, role, row.OrganisationId, row.RealName, row.MustChangePassword != 0) : null;
    }

    public async Task RevokeAsync(string id)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE sessions SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", new { id = Hash(id), now = db.Time(clock.GetUtcNow()) });
    }

    public async Task RevokeAllAsync(long userId)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL", new { userId, now = db.Time(clock.GetUtcNow()) });
    }
}
