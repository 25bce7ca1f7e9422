using Dapper;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Storage;

namespace Jixiao.Tests.Storage;

/// <summary>
/// Migration 0011 (the two 部门整体 kinds) on a database 0010 left with forms in it: SQLite rebuilds the forms table,
/// so nothing of what was there may be lost, the references from other tables must hold, and both new kinds are then
/// stored and read back while a kind outside the set is still refused.
/// </summary>
[Collection("databases")]
public class DepartmentWholeMigrationTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Migration_0011_keeps_the_stored_forms_and_accepts_both_department_kinds(string kind)
    {
        var db = await databases.FreshAsync(kind, through: 10);
        var store = new FormStore(db, TimeProvider.System);
        var seeds = Jixiao.Tests.Support.SeedForms.All().ToList();
        var ids = new List<long>();
        foreach (var f in seeds) ids.Add((await store.ImportAsync(f, null, "old")).Id);
        await store.ChangeStatusAsync(ids[0], 1, FormStatus.Submitted, "old", null);
        var before = await SnapshotAsync(db);
        // A department-whole form cannot be stored before the migration.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.ImportAsync(DepartmentWhole.DepartmentWholeSupport.Declaration(), null, "new"));

        var applied = await db.MigrateAsync();

        Assert.Contains(applied, m => m.Version == 11);
        Assert.Equal(before, await SnapshotAsync(db));
        var (declarationId, created) = await store.ImportAsync(DepartmentWhole.DepartmentWholeSupport.Declaration(), null, "new");
        Assert.True(created);
        var (evaluationId, _) = await store.ImportAsync(DepartmentWhole.DepartmentWholeSupport.SelfEvaluation(), null, "new");
        var declaration = Assert.IsType<DepartmentDeclaration>((await store.GetAsync(declarationId))!.Form);
        Assert.Equal(444.00m, declaration.Tasks.Total);
        var evaluation = Assert.IsType<DepartmentSelfEvaluation>((await store.GetAsync(evaluationId))!.Form);
        Assert.Equal(97.83m, evaluation.TotalScore);
        var listed = await store.ListAsync(new FormFilter(Kind: "department-self-evaluation", Limit: 10));
        Assert.Equal(("示例县农业技术推广中心部门整体支出", "97.83", "优"), (listed.Single().ProjectName, listed.Single().TotalScore, listed.Single().Grade));
        await using var c = await db.ConnectAsync();
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync("UPDATE forms SET kind = 'department-whole' WHERE id = @id", new { id = ids[1] }));
        // The history still points at the forms: a row for a form that does not exist is refused.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            c.ExecuteAsync("INSERT INTO audit_log (form_id, at, actor, action, version) VALUES (999999, @now, 'x', 'edit', 1)", new { now = db.Time(DateTimeOffset.UtcNow) }));
    }

    static async Task<string> SnapshotAsync(Database db)
    {
        await using var c = await db.ConnectAsync();
        var forms = await c.QueryAsync<string>($"SELECT CAST(id AS TEXT) || '|' || kind || '|' || status || '|' || CAST(version AS TEXT) || '|' || content_hash || '|' || COALESCE(CAST(error_count AS TEXT), '') || '|' || {db.JsonText("document")} FROM forms ORDER BY id");
        var audit = await c.QueryAsync<string>("SELECT CAST(id AS TEXT) || '|' || CAST(form_id AS TEXT) || '|' || action FROM audit_log ORDER BY id");
        return string.Join("\n", forms) + "\n--\n" + string.Join("\n", audit);
    }
}
