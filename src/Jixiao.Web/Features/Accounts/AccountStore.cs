using System.Data.Common;
using System.Globalization;
using Dapper;
using Jixiao.Core.Access;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Accounts;

/// <summary>
/// An account as a request sees it: who, which role and organisation, the person's real name, and whether the
/// password must be changed before anything else (it was set by the administrator).
/// </summary>
public sealed record User(long Id, string Username, Role Role, long? OrganisationId, string? RealName = null, bool MustChangePassword = false);

/// <summary>An account as the administrator sees it in the list.</summary>
public sealed record Account(
    long Id, string Username, string? RealName, Role Role, long? OrganisationId, string? OrganisationName,
    DateTimeOffset? DisabledAt, bool MustChangePassword, DateTimeOffset? LastLoginAt, DateTimeOffset CreatedAt)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>What the administrator's list is narrowed to: a text in the username or real name, a role, an organisation.</summary>
public sealed record AccountFilter(string? Text = null, Role? Role = null, long? OrganisationId = null, int Limit = 1000, int Offset = 0);

/// <summary>A new account as the import writes it, the password already hashed (hashing is done before the transaction).</summary>
public sealed record NewAccount(string Username, string PasswordHash, Role Role, long? OrganisationId, string? RealName, bool MustChangePassword);

/// <summary>
/// Accounts: creation, the administrator's changes and the password check. A wrong password never locks an account
/// (an anonymous caller could lock anyone out that way); <see cref="LoginThrottle"/> slows a guesser instead. Known,
/// unknown and disabled names cost the same and answer the same: one read, one PBKDF2, no write.
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
        public string? RealName { get; init; }
        public string? DisabledAt { get; init; }
        public long MustChangePassword { get; init; }
        public string? OrganisationName { get; init; }
        public string? LastLoginAt { get; init; }
        public string CreatedAt { get; init; } = "";
    }

    // Times are read as text on both databases (SQLite stores ISO-8601 text; PostgreSQL's text form parses too), and
    // the flag as an integer (SQLite has no boolean).
    private const string Columns = """
        u.id AS Id, u.username AS Username, u.password_hash AS PasswordHash, u.role AS Role, u.organisation_id AS OrganisationId,
        u.real_name AS RealName, CAST(u.disabled_at AS TEXT) AS DisabledAt, CAST(u.must_change_password AS INTEGER) AS MustChangePassword,
        o.name AS OrganisationName, CAST(u.last_login_at AS TEXT) AS LastLoginAt, CAST(u.created_at AS TEXT) AS CreatedAt
        FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
        """;

    // Dapper expands a list into `IN (@a, @b …)` for SQLite but sends PostgreSQL one array parameter.
    string AnyOf(string column, string parameter) => db.Kind == DatabaseKind.PostgreSql ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    static DateTimeOffset? Time(string? text) => text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    static Account ToAccount(UserRow r) => new(r.Id, r.Username, r.RealName, Roles.FromCode(r.Role) ?? Role.Unit, r.OrganisationId, r.OrganisationName,
        Time(r.DisabledAt), r.MustChangePassword != 0, Time(r.LastLoginAt), Time(r.CreatedAt) ?? DateTimeOffset.MinValue);

    public async Task<User> CreateAsync(string username, string password, Role role, long? organisationId, string? realName = null, bool mustChangePassword = false)
    {
        await using var c = await db.ConnectAsync();
        var id = await InsertAsync(c, null, new NewAccount(username, Passwords.Hash(password), role, organisationId, realName, mustChangePassword));
        return new User(id, username, role, organisationId, realName, mustChangePassword);
    }

    /// <summary>One account row, inside the caller's transaction when given (the import writes hundreds in one).</summary>
    public async Task<long> InsertAsync(DbConnection c, DbTransaction? tx, NewAccount a)
    {
        if (a.Role == Role.Public) throw new ArgumentException("公众不是账号角色", nameof(a));
        return await c.ExecuteScalarAsync<long>("""
            INSERT INTO users (username, password_hash, role, organisation_id, created_at, real_name, must_change_password)
            VALUES (@Username, @PasswordHash, @role, @OrganisationId, @now, @RealName, @MustChangePassword) RETURNING id
            """, new { a.Username, a.PasswordHash, role = a.Role.ToCode(), a.OrganisationId, now = db.Time(clock.GetUtcNow()), a.RealName, a.MustChangePassword }, tx);
    }

    public async Task<bool> ExistsAsync(string username)
    {
        await using var c = await db.ConnectAsync();
        return await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE username = @username", new { username }) > 0;
    }

    public async Task<Account?> GetAsync(long id)
    {
        await using var c = await db.ConnectAsync();
        var row = await c.QuerySingleOrDefaultAsync<UserRow>($"SELECT {Columns} WHERE u.id = @id", new { id });
        return row is null ? null : ToAccount(row);
    }

    /// <summary>The accounts the filter lets through, by username, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<Account> Accounts, int Total)> ListAsync(AccountFilter filter)
    {
        var where = new List<string>();
        var args = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // A plain substring: % and _ typed by the administrator are meant literally.
            var escaped = filter.Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            where.Add("(LOWER(u.username) LIKE @text ESCAPE '\\' OR LOWER(COALESCE(u.real_name, '')) LIKE @text ESCAPE '\\')");
            args.Add("text", "%" + escaped.ToLowerInvariant() + "%");
        }
        if (filter.Role is { } role) { where.Add("u.role = @role"); args.Add("role", role.ToCode()); }
        if (filter.OrganisationId is { } org) { where.Add("u.organisation_id = @org"); args.Add("org", org); }
        var clause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        args.Add("limit", filter.Limit);
        args.Add("offset", filter.Offset);
        await using var c = await db.ConnectAsync();
        var total = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM users u {clause}", args);
        var rows = await c.QueryAsync<UserRow>($"SELECT {Columns} {clause} ORDER BY u.username LIMIT @limit OFFSET @offset", args);
        return (rows.Select(ToAccount).ToList(), (int)total);
    }

    /// <summary>The accounts of these usernames that exist (the import checks its whole sheet with one query per 500 names).</summary>
    public async Task<IReadOnlyList<Account>> ByUsernamesAsync(IEnumerable<string> usernames)
    {
        var found = new List<Account>();
        await using var c = await db.ConnectAsync();
        foreach (var slice in usernames.Distinct(StringComparer.Ordinal).Chunk(500))
            found.AddRange((await c.QueryAsync<UserRow>($"SELECT {Columns} WHERE {AnyOf("u.username", "@slice")}", new { slice })).Select(ToAccount));
        return found;
    }

    /// <summary>How many accounts each organisation has (null: the accounts of none, the administrators).</summary>
    public async Task<IReadOnlyDictionary<long, int>> CountByOrganisationAsync()
    {
        await using var c = await db.ConnectAsync();
        var rows = await c.QueryAsync<(long?, long)>("SELECT organisation_id, COUNT(*) FROM users GROUP BY organisation_id");
        return rows.ToDictionary(r => r.Item1 ?? 0, r => (int)r.Item2);
    }

    /// <summary>Real names by username, for the history: one query for all the names a page shows.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RealNamesAsync(IEnumerable<string> usernames)
    {
        var names = usernames.Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length == 0) return new Dictionary<string, string>();
        await using var c = await db.ConnectAsync();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        // In slices, so that a long history stays within both databases' parameter limits.
        foreach (var slice in names.Chunk(500))
            foreach (var (username, realName) in await c.QueryAsync<(string, string)>(
                         $"SELECT username, real_name FROM users WHERE real_name IS NOT NULL AND {AnyOf("username", "@slice")}", new { slice }))
                found[username] = realName;
        return found;
    }

    /// <summary>Real name, role and organisation; the change reaches the person's sessions on their next request.</summary>
    public async Task UpdateAsync(long id, string? realName, Role role, long? organisationId)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE users SET real_name = @realName, role = @role, organisation_id = @organisationId WHERE id = @id",
            new { id, realName, role = role.ToCode(), organisationId });
    }

    /// <summary>Disabled: every session ends at once and the password no longer opens one. Enabled: it does again.</summary>
    public async Task SetDisabledAsync(long id, bool disabled)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync(disabled
            ? "UPDATE users SET disabled_at = @now WHERE id = @id AND disabled_at IS NULL"
            : "UPDATE users SET disabled_at = NULL WHERE id = @id", new { id, now = db.Time(clock.GetUtcNow()) });
        if (disabled) await sessions.RevokeAllAsync(id);
    }

    /// <summary>A password the administrator gave out: it opens one session, in which it must be changed first; every session ends.</summary>
    public async Task SetOneTimePasswordAsync(long id, string password)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE users SET password_hash = @hash, must_change_password = @yes WHERE id = @id",
            new { id, hash = Passwords.Hash(password), yes = true });
        await sessions.RevokeAllAsync(id);
    }

    /// <summary>A new password chosen by the person; every session of the account ends with it.</summary>
    public async Task SetPasswordAsync(string username, string password)
    {
        await using var c = await db.ConnectAsync();
        var id = await c.ExecuteScalarAsync<long?>("UPDATE users SET password_hash = @hash, must_change_password = @no WHERE username = @username RETURNING id",
            new { username, hash = Passwords.Hash(password), no = false });
        if (id is { } userId) await sessions.RevokeAllAsync(userId);
    }

    public async Task RecordLoginAsync(long id)
    {
        await using var c = await db.ConnectAsync();
        await c.ExecuteAsync("UPDATE users SET last_login_at = @now WHERE id = @id", new { id, now = db.Time(clock.GetUtcNow()) });
    }

    /// <summary>
    /// The account when the password is right and the account is not disabled; null otherwise, the same way and at
    /// the same cost for an unknown name, a wrong password and a disabled account, so the answer tells nobody which
    /// accounts exist or are disabled.
    /// </summary>
    public async Task<User?> CheckAsync(string username, string password)
    {
        await using var c = await db.ConnectAsync();
        var row = await c.QuerySingleOrDefaultAsync<UserRow>($"SELECT {Columns} WHERE u.username = @username", new { username });
        var ok = Passwords.Verify(password, row?.PasswordHash ?? UnknownUserHash) && row is not null && row.DisabledAt is null;
        return ok && Roles.FromCode(row!.Role) is { } role
            ? new User(row.Id, row.Username, role, row.OrganisationId, row.RealName, row.MustChangePassword != 0) : null;
    }
}
