using Dapper;
using Jixiao.Core.Access;
using Jixiao.Web.Features.Accounts;

namespace Jixiao.Tests.Storage;

/// <summary>Migration 0004 on a database an older release filled: its accounts log in as before, none is disabled or held to a change.</summary>
[Collection("databases")]
public class AdminMigrationTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Migration_0004_keeps_every_account_and_organisation_as_it_was(string kind)
    {
        var db = await databases.FreshAsync(kind, through: 2);
        await using (var c = await db.ConnectAsync())
        {
            var org = await c.ExecuteScalarAsync<long>("INSERT INTO organisations (name, kind) VALUES ('财政局', 'finance') RETURNING id");
            await c.ExecuteAsync("INSERT INTO users (username, password_hash, role, organisation_id, created_at) VALUES ('old-finance', @hash, 'finance-reviewer', @org, @now)",
                new { hash = Passwords.Hash("旧版本的密码-2024"), org, now = db.Time(DateTimeOffset.UtcNow) });
        }

        var applied = await db.MigrateAsync();
        var clock = TimeProvider.System;
        var accounts = new AccountStore(db, clock, new SessionStore(db, clock));
        var user = await accounts.CheckAsync("old-finance", "旧版本的密码-2024");
        var (list, total) = await accounts.ListAsync(new AccountFilter());
        var organisation = (await new Jixiao.Web.Features.Organisations.OrganisationStore(db, clock).AllAsync()).Single();

        Assert.Contains(applied, m => m.Version == 4);
        Assert.NotNull(user);
        Assert.Equal(Role.FinanceReviewer, user.Role);
        Assert.False(user.MustChangePassword);
        Assert.Null(user.RealName);
        Assert.Equal(1, total);
        Assert.False(list[0].Disabled);
        Assert.Null(list[0].LastLoginAt);
        Assert.Equal("财政局", list[0].OrganisationName);
        Assert.True(organisation.Active);
    }
}
