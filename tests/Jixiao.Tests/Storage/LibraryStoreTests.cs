using Dapper;
using Jixiao.Core.Library;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Storage;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Storage;

/// <summary>The 指标库 in the database, on both: what the seed counts per entry for the suggestions, and the import's all-or-nothing write.</summary>
[Collection("databases")]
public class LibraryStoreTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static readonly FixedClock Clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    static TargetDeclaration Declaration(string unit, string category, params Indicator[] rows)
    {
        var d = new TargetDeclaration { Year = 2024, ProjectName = unit + "运行经费", ImplementingUnit = unit, ProjectCategory = category };
        d.Funds.AnnualTotal = 1000m;
        d.Indicators.AddRange(rows);
        return d;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_seed_counts_each_entrys_forms_by_project_category_and_by_the_units_department(string kind)
    {
        var db = await databases.FreshAsync(kind);
        var forms = new FormStore(db, Clock);
        long? a, b, c;
        await using (var conn = await db.ConnectAsync())
        {
            a = await OrganisationTree.EnsureUnitAsync(conn, null, "甲局", "甲局一中心");
            b = await OrganisationTree.EnsureUnitAsync(conn, null, "甲局", "甲局二中心");
            c = await OrganisationTree.EnsureUnitAsync(conn, null, "乙局", "乙局中心");
        }
        var row = FormBuilder.Row("开展活动次数", "≥4(次)");
        await forms.ImportAsync(Declaration("甲局一中心", "民生服务类", row), a, "test");
        await forms.ImportAsync(Declaration("甲局二中心", "民生服务类", FormBuilder.Row("开展活动次数", "≥6(次)")), b, "test");
        await forms.ImportAsync(Declaration("乙局中心", "其他类", FormBuilder.Row("开展活动次数", "≥8(次)")), c, "test");

        var library = new LibraryStore(db, Clock);
        Assert.Equal(new LibrarySeedSummary(1, 0, 3), await library.SeedAsync("test"));
        var entry = Assert.Single(await library.SearchAsync());
        long departmentA, departmentB;
        await using (var conn = await db.ConnectAsync())
        {
            departmentA = await conn.ExecuteScalarAsync<long>("SELECT parent_id FROM organisations WHERE id = @a", new { a });
            departmentB = await conn.ExecuteScalarAsync<long>("SELECT parent_id FROM organisations WHERE id = @c", new { c });
        }
        var uses = entry.UseCounts;
        // Two 民生服务类 forms (甲局's two units) and one 其他类 (乙局's).
        Assert.Equal([("其他类", 1), ("民生服务类", 2)], uses.Categories!.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        Assert.Equal(new Dictionary<long, int> { [departmentA] = 2, [departmentB] = 1 }, uses.Departments);
        // Targets 4, 6, 8: h = 2p → Q1 5, median 6, Q3 7.
        Assert.Equal(new Quartiles(3, 5m, 6m, 7m), Assert.Single(entry.Years).Targets);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_import_writes_every_entry_or_none_when_one_changed_since_it_was_checked(string kind)
    {
        var db = await databases.FreshAsync(kind);
        var forms = new FormStore(db, Clock);
        await forms.ImportAsync(Declaration("丙中心", "民生服务类", FormBuilder.Row("开展活动次数", "≥4(次)")), null, "test");
        var library = new LibraryStore(db, Clock);
        await library.SeedAsync("test");
        var stored = Assert.Single(await library.SearchAsync());

        var curated = new LibraryCurated("每年开展的活动次数", "统计活动记录", "history", "党建、活动", "common", "all", "approved");
        LibraryImportEntry Update(string? seen) => new(stored.Id, seen, stored.Key, stored.Level1, stored.Level2, stored.Name, stored.Comparator, stored.Unit, null, curated);
        var added = new LibraryImportEntry(null, null, IndicatorKey.Of("满意度指标", "服务对象满意度指标", "活动满意度"), "满意度指标", "服务对象满意度指标", "活动满意度",
            "≥", "%", null, new LibraryCurated(null, null, null, "", "specific", "all", "proposed"));

        // Checked against an older version of the entry: nothing is written, the new entry before it neither.
        Assert.Null(await library.ImportAsync([added, Update("2000-01-01 00:00:00")], "finance"));
        var unchanged = Assert.Single(await library.SearchAsync());
        Assert.Equal((stored.Status, stored.Explanation, stored.UpdatedAt), (unchanged.Status, unchanged.Explanation, unchanged.UpdatedAt));

        // Checked against the entry as it is: both written.
        var ids = await library.ImportAsync([added, Update(stored.UpdatedAt)], "finance");
        Assert.NotNull(ids);
        Assert.Equal(stored.Id, ids![1]);
        var now = (await library.SearchAsync()).ToDictionary(r => r.Name);
        Assert.Equal(("approved", "每年开展的活动次数", "history", "党建、活动", "common", "finance"),
            (now["开展活动次数"].Status, now["开展活动次数"].Explanation, now["开展活动次数"].ValueBasis, now["开展活动次数"].Tags, now["开展活动次数"].Nature, now["开展活动次数"].UpdatedBy));
        Assert.Equal((ids[0], "proposed", "≥", "%", 0, "[]"), (now["活动满意度"].Id, now["活动满意度"].Status, now["活动满意度"].Comparator, now["活动满意度"].Unit, now["活动满意度"].FormCount, now["活动满意度"].Distribution));

        // A new key that is there already (a seed between the check and the write): nothing, again.
        Assert.Null(await library.ImportAsync([added with { Name = "活动满意度" }], "finance"));
        Assert.Equal(2, (await library.SearchAsync()).Count);
    }
}
