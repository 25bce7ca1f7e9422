using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Dapper;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Storage;


namespace Jixiao.Tests.Storage;

[Collection("databases")]
public class FormStoreTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    private static List<PerformanceForm> Seeds() =>
        new[] { "seed-000", "seed-001", "seed-003", "seed-004" }.SelectMany(c => FormImporter.ImportFile(TestData.CaseInput(c)).Forms).ToList();

    private async Task<FormStore> StoreAsync(string kind) =>
        new(await databases.FreshAsync(kind), new FixedClock(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Migrations_apply_once_and_a_second_run_applies_nothing(string kind)
    {
        var db = await databases.FreshAsync(kind);

        var again = await db.MigrateAsync();

        Assert.Empty(again);
        await using var c = await db.ConnectAsync();
        Assert.Equal(db.Migrations().Count, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_seed_form_comes_back_from_the_database_exactly_as_imported(string kind)
    {
        var store = await StoreAsync(kind);
        foreach (var form in Seeds())
        {
            var (id, created) = await store.ImportAsync(form, null, "admin");
            var stored = await store.GetAsync(id);

            Assert.True(created);
            Assert.NotNull(stored);
            Assert.Equal(FormStatus.Draft, stored.Status);
            Assert.Equal(1, stored.Version);
            Assert.Equal(FormJson.ToJson(form).ToJsonString(), FormJson.ToJson(stored.Form).ToJsonString());
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Money_and_scores_stay_exact(string kind)
    {
        var store = await StoreAsync(kind);
        var seeds = Seeds();
        var declaration = (TargetDeclaration)seeds.First(f => f.ProjectName == "党建经费");
        var evaluation = (SelfEvaluation)seeds.First(f => f.ProjectName == "党建服务工作经费");

        var d = (TargetDeclaration)(await store.GetAsync((await store.ImportAsync(declaration, null, "admin")).Id))!.Form;
        var e = (SelfEvaluation)(await store.GetAsync((await store.ImportAsync(evaluation, null, "admin")).Id))!.Form;

        Assert.Equal(1217200.00m, d.Funds.AnnualTotal);
        Assert.Equal("1217200.00", d.Funds.AnnualTotal!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(184.65m, e.Funds.Total!.Executed);
        Assert.Equal(97.89m, e.TotalScore);
        var listed = Assert.Single(await store.ListAsync(new FormFilter(Kind: "self-evaluation")));
        Assert.Equal(97.89m, decimal.Parse(listed.TotalScore!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Importing_the_same_form_again_even_from_another_rendering_adds_nothing(string kind)
    {
        var store = await StoreAsync(kind);
        var cellPerLine = FormImporter.ImportFile(TestData.CaseInput("corpus-012")).Forms.Single();
        var tableRows = FormImporter.ImportFile(TestData.CaseInput("corpus-014")).Forms.Single();

        var first = await store.ImportAsync(cellPerLine, null, "admin");
        var second = await store.ImportAsync(tableRows, null, "admin");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(await store.ListAsync(new FormFilter()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Lists_filter_by_year_kind_status_and_unit(string kind)
    {
        var store = await StoreAsync(kind);
        await using (var c = await store.Database.ConnectAsync())
            await c.ExecuteAsync("INSERT INTO organisations (name, kind) VALUES ('上海市党建服务中心', 'unit')");
        foreach (var f in Seeds()) await store.ImportAsync(f, f.ImplementingUnit == "上海市党建服务中心" ? 1 : null, "admin");
        var putuo = FormImporter.ImportFile(TestData.CaseInput("corpus-012")).Forms.Single();
        var putuoId = (await store.ImportAsync(putuo, null, "admin")).Id;
        await store.ChangeStatusAsync(putuoId, 1, FormStatus.Submitted, "unit-user", null);

        Assert.Equal(13, (await store.ListAsync(new FormFilter(Year: 2024))).Count);
        Assert.Equal(3, (await store.ListAsync(new FormFilter(Year: 2024, Kind: "target-declaration"))).Count);
        Assert.Equal(5, (await store.ListAsync(new FormFilter(UnitId: 1))).Count);
        Assert.Equal(5, (await store.ListAsync(new FormFilter(UnitIds: [1, 99]))).Count);
        Assert.Empty(await store.ListAsync(new FormFilter(UnitIds: [])));
        var submitted = Assert.Single(await store.ListAsync(new FormFilter(Status: FormStatus.Submitted)));
        Assert.Equal("拆违经费", submitted.ProjectName);
        Assert.Equal(2026, submitted.Year);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_edit_records_each_changed_field_with_old_and_new_value(string kind)
    {
        var store = await StoreAsync(kind);
        var form = (SelfEvaluation)Seeds().First(f => f.ProjectName == "电教远教工作经费");
        var id = (await store.ImportAsync(form, null, "admin")).Id;
        var edited = (SelfEvaluation)(await store.GetAsync(id))!.Form;
        edited.Indicators[9].Score = 10.00m;
        edited.TotalScore = 98.80m;

        var result = await store.UpdateAsync(id, 1, edited, "reviewer-a");

        Assert.True(result.Saved);
        Assert.Equal(2, result.CurrentVersion);
        var history = await store.HistoryAsync(id);
        Assert.Contains(history, h => h.Action == "import" && h.Version == 1);
        var score = Assert.Single(history, h => h.Field == "indicators[9].score");
        Assert.Equal("9.32", score.OldValue);
        Assert.Equal("10.00", score.NewValue);
        Assert.Equal("reviewer-a", score.Actor);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), score.At);
        Assert.Contains(history, h => h.Field == "totalScore" && h.OldValue == "98.12" && h.NewValue == "98.80");
        Assert.Equal(2, (await store.GetAsync(id))!.Version);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_stale_save_is_refused_with_the_other_persons_changes_and_nothing_is_overwritten(string kind)
    {
        var store = await StoreAsync(kind);
        var id = (await store.ImportAsync(Seeds().First(f => f.ProjectName == "信息化建设项目"), null, "admin")).Id;
        var alice = (await store.GetAsync(id))!;
        var bob = (await store.GetAsync(id))!;
        alice.Form.ProjectName = "信息化建设项目（一期）";
        bob.Form.Department = "中共上海市委组织部（改）";

        var first = await store.UpdateAsync(id, alice.Version, alice.Form, "alice");
        var second = await store.UpdateAsync(id, bob.Version, bob.Form, "bob");

        Assert.True(first.Saved);
        Assert.False(second.Saved);
        Assert.Equal(2, second.CurrentVersion);
        var change = Assert.Single(second.ChangesSince);
        Assert.Equal("alice", change.Actor);
        Assert.Equal("projectName", change.Field);
        var now = (await store.GetAsync(id))!.Form;
        Assert.Equal("信息化建设项目（一期）", now.ProjectName);
        Assert.Equal("中共上海市委组织部", now.Department);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_status_change_records_who_and_why(string kind)
    {
        var store = await StoreAsync(kind);
        var id = (await store.ImportAsync(Seeds().First(f => f.ProjectName == "专户项目经费"), null, "admin")).Id;

        await store.ChangeStatusAsync(id, 1, FormStatus.Submitted, "unit-user", null);
        var returned = await store.ChangeStatusAsync(id, 2, FormStatus.Returned, "dept-reviewer", "指标太少，缺少满意度指标");
        var stale = await store.ChangeStatusAsync(id, 2, FormStatus.Approved, "finance", null);

        Assert.True(returned.Saved);
        Assert.False(stale.Saved);
        var stored = (await store.GetAsync(id))!;
        Assert.Equal(FormStatus.Returned, stored.Status);
        var entry = (await store.HistoryAsync(id)).Last();
        Assert.Equal(("dept-reviewer", "submitted", "returned", "指标太少，缺少满意度指标"), (entry.Actor, entry.OldValue, entry.NewValue, entry.Reason));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_failed_write_leaves_the_form_and_its_history_as_they_were(string kind)
    {
        var store = await StoreAsync(kind);
        var seeds = Seeds();
        var a = (await store.ImportAsync(seeds[0], null, "admin")).Id;
        var b = (await store.ImportAsync(seeds[1], null, "admin")).Id;
        var historyBefore = await store.HistoryAsync(a);

        // Saving form A with exactly form B's content breaks the unique content hash mid-transaction: the
        // transaction rolls back and the save is refused, naming the form that has that content.
        var result = await store.UpdateAsync(a, 1, seeds[1], "admin");

        Assert.False(result.Saved);
        Assert.Equal(b, result.DuplicateOf);
        var after = (await store.GetAsync(a))!;
        Assert.Equal(1, after.Version);
        Assert.Equal(seeds[0].ProjectName, after.Form.ProjectName);
        Assert.Equal(historyBefore.Count, (await store.HistoryAsync(a)).Count);
    }

    [Fact]
    public void A_connection_string_that_is_neither_a_path_nor_valid_postgres_is_refused_in_chinese()
    {
        var ex = Assert.Throws<StorageException>(() => Database.Open("Host=;;;=bad"));

        Assert.Contains("连接字符串", ex.Message);
    }
}
