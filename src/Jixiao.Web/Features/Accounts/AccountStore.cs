using Dapper;
using Jixiao.Core.Access;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Accounts;

public sealed record User(long Id, string Username, Role Role, long? OrganisationId);

/// <summary>
/// Accounts: creation and the password check. A wrong password never locks an account (an anonymous caller could
/// lock anyone out that way); <see cref="LoginThrottle"/> slows a guesser instead. Known and unknown names cost the
/// same: one read, one PBKDF2, no write.
/// </summary>
public sealed class AccountStore(Database db, TimeProvider clock, SessionStore sessions)
{
    // Checked against for an unknown user name, so that answer costs what a real check costs (one PBKDF2).
    private static readonly string UnknownUserHash = Passwords.Hash("no such user");

    private sealed class UserRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string Role { get; init; } = "";
        public long? OrganisationId { get; init; }
    }

    public async Task<User> CreateAsync(string username, string password, Role role, long? organisationId)
    {
        if (role == Role.Public) throw new ArgumentException("公众不是账号角色", nameof(role));
        await using var c = await db.ConnectAsync();
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO users (username, password_hash, role, organisation_id, created_at)
            VALUES (@username, @hash, @role, @organisationId, @now) RETURNING id
            """, new { username, hash = Passwords.Hash(password), role = role.ToCode(), organisationId, now = db.Time(clock.GetUtcNow()) });
        return new User(id, username, role, organisationId);
    }

    public async Task<bool> ExistsAsync(string username)
    {
        await using var c = await db.ConnectAsync();
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE username = @username", new { username }) > 0;
    }

    /// <summary>A new password; every session of the account ends with it.</summary>
    public async Task SetPasswordAsync(string username, string password)
    {
        await using var c = await db.ConnectAsync();
        var id = await c.ExecuteScalarAsync<long?>("UPDATE users SET password_hash = @hash WHERE username = @username RETURNING id",
            new { username, hash = Passwords.Hash(password) });
        if (id is { } userId) await sessions.RevokeAllAsync(userId);
    }

    /// <summary>The account when the password is right; null otherwise, the same way for an unknown name.</summary>
    public async Task<User?> CheckAsync(string username, string password)
    {
        await using var c = await db.ConnectAsync();
        var row = await c.QuerySingleOrDefaultAsync<UserRow>("""
            SELECT id AS Id, username AS Username, password_hash AS PasswordHash, role AS Role, organisation_id AS OrganisationId
            FROM users WHERE username = @username
            """, new { username });
        var ok = Passwords.Verify(password, row?.PasswordHash ?? UnknownUserHash) && row is not null;
        return ok && Roles.FromCode(row!.Role) is { } role ? new User(row.Id, row.Username, role, row.OrganisationId) : null;
    }
}
