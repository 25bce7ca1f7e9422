using Dapper;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Core.Interchange;
using Jixiao.Storage;

namespace Jixiao.Tests.Storage;

/// <summary>
/// Migration 0002 on a database an older release filled: the forms table is rebuilt on SQLite (a CHECK cannot be
/// altered there), so the test fills a 0001 database with forms and their history first and checks that nothing is
/// lost, the new status is accepted, and the references still hold.
/// </summary>
[Collection("databases")]
public class MigrationTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Migration_0002_keeps_every_form_and_history_row_of_a_filled_0001_database(string kind)
    {
        var db = await databases.FreshAsync(kind, through: 1);
        var seeds = Jixiao.Tests.Support.SeedForms.All().ToList();
        await using (var c = await db.ConnectAsync())
        {
            foreach (var (form, i) in seeds.Select((f, i) => (f, i)))
            {
                var (document, hash) = FormJson.DocumentAndHash(form);
                var id = await c.ExecuteScalarAsync<long>($"""
                    INSERT INTO forms (kind, year, project_name, status, version, content_hash, document, created_at, updated_at)
                    VALUES (@kind, @year, @name, @status, 2, @hash, {db.Json("@document")}, @now, @now) RETURNING id
                    """, new { kind = form.Kind.ToCode(), year = form.Year, name = form.ProjectName, status = i % 2 == 0 ? "draft" : "approved", hash, document, now = db.Time(DateTimeOffset.UtcNow) });
                await c.ExecuteAsync("INSERT INTO audit_log (form_id, at, actor, action, version, reason) VALUES (@id, @now, 'old', 'import', 1, 'x')",
                    new { id, now = db.Time(DateTimeOffset.UtcNow) });
                await c.ExecuteAsync("INSERT INTO audit_log (form_id, at, actor, action, version, field, old_value, new_value) VALUES (@id, @now, 'old', 'status', 2, 'status', 'draft', 'submitted')",
                    new { id, now = db.Time(DateTimeOffset.UtcNow) });
            }
        }
        var before = await SnapshotAsync(db);

        var applied = await db.MigrateAsync();

        Assert.Contains(applied, m => m.Version == 2);
        Assert.Equal(before, await SnapshotAsync(db));
        var store = new FormStore(db, TimeProvider.System);
        var first = (await store.ListAsync(new FormFilter(Limit: 100))).OrderBy(f => f.Id).First();
        var moved = await store.ChangeStatusAsync(first.Id, first.Version, FormStatus.DepartmentApproved, "test", null);
        Assert.True(moved.Saved);
        Assert.Equal(FormStatus.DepartmentApproved, (await store.GetAsync(first.Id))!.Status);
        await using var check = await db.ConnectAsync();
        // The history still points at the forms: a row for a form that does not exist is refused.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            check.ExecuteAsync("INSERT INTO audit_log (form_id, at, actor, action, version) VALUES (999999, @now, 'x', 'edit', 1)", new { now = db.Time(DateTimeOffset.UtcNow) }));
        // And a status outside the documented set still is too.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => check.ExecuteAsync("UPDATE forms SET status = 'done' WHERE id = @id", new { id = first.Id }));
    }

    static async Task<string> SnapshotAsync(Database db)
    {
        await using var c = await db.ConnectAsync();
        var forms = await c.QueryAsync<string>($"SELECT CAST(id AS TEXT) || '|' || status || '|' || CAST(version AS TEXT) || '|' || content_hash || '|' || {db.JsonText("document")} FROM forms ORDER BY id");
        var audit = await c.QueryAsync<string>("SELECT CAST(id AS TEXT) || '|' || CAST(form_id AS TEXT) || '|' || action || '|' || COALESCE(new_value, '') FROM audit_log ORDER BY id");
        return string.Join("\n", forms) + "\n--\n" + string.Join("\n", audit);
    }
}
