using Dapper;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Accounts;

public sealed record User(long Id, string Username, string Role, long? OrganisationId);

public enum LoginOutcome { Success, WrongCredentials, LockedOut }

/// <summary>Accounts: creation, password check with lock-out after repeated failures.</summary>
public sealed class AccountStore(Database db, TimeProvider clock)
{
    public const int MaxFailures = 5;

    // Checked against for an unknown user name, so that answer costs what a real check costs (one PBKDF2).
    private static readonly string UnknownUserHash = Passwords.Hash("no such user");
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    private sealed class UserRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string Role { get; init; } = "";
        public long? OrganisationId { get; init; }
        public int FailedLogins { get; init; }
        public string? LockedUntil { get; init; }
    }

    public async Task<User> CreateAsync(string username, string password, string role, long? organisationId)
    {
        if (!Roles.All.Contains(role)) throw new ArgumentException($"未知角色：{role}");
        await using var c = await db.ConnectAsync();
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO users (username, password_hash, role, organisation_id, created_at)
            VALUES (@username, @hash, @role, @organisationId, @now) RETURNING id
            """, new { username, hash = Passwords.Hash(password), role, organisationId, now = db.Time(clock.GetUtcNow()) });
        return new User(id, username, role, organisationId);
    }

    public async Task<bool> ExistsAsync(string username)
    {
        await using var c = await db.ConnectAsync();
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE username = @username", new { username }) > 0;
    }

    public async Task SetPasswordAsync(string username, string password)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE users SET password_hash = @hash, failed_logins = 0, locked_until = NULL WHERE username = @username",
            new { username, hash = Passwords.Hash(password) });
    }

    /// <summary>
    /// Checks a login. Failures count up; the fifth locks the account for <see cref="LockOut"/>, during which even
    /// the right password is refused. An unknown user name fails the same way, so names cannot be probed.
    /// </summary>
    public async Task<(LoginOutcome Outcome, User? User)> LoginAsync(string username, string password)
    {
        await using var c = await db.ConnectAsync();
        var row = await c.QuerySingleOrDefaultAsync<UserRow>($"""
            SELECT id AS Id, username AS Username, password_hash AS PasswordHash, role AS Role, organisation_id AS OrganisationId,
                   failed_logins AS FailedLogins, CAST(locked_until AS TEXT) AS LockedUntil
            FROM users WHERE username = @username
            """, new { username });
        var now = clock.GetUtcNow();
        if (row is null)
        {
            Passwords.Verify(password, UnknownUserHash);
            return (LoginOutcome.WrongCredentials, null);
        }
        if (row.LockedUntil is { } until && DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture) > now)
            return (LoginOutcome.LockedOut, null);
        if (!Passwords.Verify(password, row.PasswordHash))
        {
            var failures = row.FailedLogins + 1;
            object? lockUntil = failures >= MaxFailures ? db.Time(now + LockOut) : null;
            await c.ExecuteAsync("UPDATE users SET failed_logins = @failures, locked_until = @lockUntil WHERE id = @id",
                new { failures = failures >= MaxFailures ? 0 : failures, lockUntil, id = row.Id });
            return (failures >= MaxFailures ? LoginOutcome.LockedOut : LoginOutcome.WrongCredentials, null);
        }
        await c.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id", new { id = row.Id });
        return (LoginOutcome.Success, new User(row.Id, row.Username, row.Role, row.OrganisationId));
    }
}
