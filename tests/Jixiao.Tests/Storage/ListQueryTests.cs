using System.Globalization;
using Dapper;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Import;
using Jixiao.Storage;

namespace Jixiao.Tests.Storage;

/// <summary>
/// The list queries at the storage seam, on both databases: pages are slices of one order at any depth, totals and
/// counts kept between requests follow every write (also one made by another process), and unscored forms sort last.
/// </summary>
[Collection("databases")]
public class ListQueryTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    private static readonly FixedClock Clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static List<PerformanceForm> Seeds() =>
        new[] { "seed-000", "seed-001", "seed-003", "seed-004" }.SelectMany(c => FormImporter.ImportFile(TestData.CaseInput(c)).Forms).ToList();

    private async Task<(Database Db, FormStore Store, List<long> Ids)> SeededAsync(string kind)
    {
        var db = await databases.FreshAsync(kind);
        var store = new FormStore(db, Clock);
        var ids = new List<long>();
        foreach (var form in Seeds()) ids.Add((await store.ImportAsync(form, null, "admin")).Id);
        return (db, store, ids);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Pages_of_every_sort_are_slices_of_the_whole_list_at_any_offset(string kind)
    {
        var (_, store, ids) = await SeededAsync(kind);
        Assert.Equal(13, ids.Count);
        foreach (var sort in Enum.GetValues<FormSort>())
        {
            var whole = (await store.PageAsync(new FormFilter(Limit: 100) { Sort = sort })).Forms.Select(f => f.Id).ToList();
            var paged = new List<long>();
            for (var offset = 0; offset < 13; offset += 4)
            {
                var page = await store.PageAsync(new FormFilter(Limit: 4, Offset: offset) { Sort = sort });
                Assert.Equal(13, page.Total);
                paged.AddRange(page.Forms.Select(f => f.Id));
            }
            Assert.Equal(whole, paged);
            Assert.Equal(ids.Order(), whole.Order());
        }
        // Past the end the page is empty and the total is counted; a page that ends the list gives it by itself.
        var past = await store.PageAsync(new FormFilter(Limit: 4, Offset: 20));
        Assert.Empty(past.Forms);
        Assert.Equal(13, past.Total);
        var found = await store.PageAsync(new FormFilter(Limit: 50) { Search = "党建" });
        Assert.InRange(found.Forms.Count, 1, 12);
        Assert.Equal(found.Forms.Count, found.Total);
        Assert.Equal(0, (await store.PageAsync(new FormFilter(Limit: 50) { Search = "没有这个项目" })).Total);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Ranking_by_score_puts_forms_without_a_score_last_in_both_directions(string kind)
    {
        var (_, store, _) = await SeededAsync(kind);

        foreach (var sort in new[] { FormSort.ScoreHigh, FormSort.ScoreLow })
        {
            var forms = (await store.PageAsync(new FormFilter(Limit: 100) { Sort = sort })).Forms;
            var scores = forms.Select(f => f.TotalScore is null ? (decimal?)null : decimal.Parse(f.TotalScore, CultureInfo.InvariantCulture)).ToList();
            var scored = scores.TakeWhile(s => s is not null).Select(s => s!.Value).ToList();

            // The seeds hold 10 self-evaluations, each with its 总分, and 3 declarations without.
            Assert.Equal(10, scored.Count);
            Assert.All(scores.Skip(scored.Count), s => Assert.Null(s));
            Assert.Equal(sort == FormSort.ScoreHigh ? scored.OrderDescending() : scored.Order(), scored);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_kept_total_follows_a_write_made_by_another_process(string kind)
    {
        var (db, store, ids) = await SeededAsync(kind);
        // A full page of one: its total is counted (a page that ends the list would give it by itself).
        var drafts = new FormFilter(Status: FormStatus.Draft, Limit: 1);
        Assert.Equal(13, (await store.PageAsync(drafts)).Total);
        Assert.Equal(13, (await store.PageAsync(drafts)).Total); // asked twice: the second answer is the kept one

        // Another process: its own connection, no FormStore, a plain UPDATE.
        var other = Database.Open(db.ConnectionString);
        await using (var c = await other.ConnectAsync())
            await c.ExecuteAsync("UPDATE forms SET status = 'submitted' WHERE id = @id", new { id = ids[0] });

        Assert.Equal(12, (await store.PageAsync(drafts)).Total);
        var (byStatus, _) = await store.CountsAsync(new FormFilter());
        Assert.Equal(1, byStatus[FormStatus.Submitted]);
        Assert.Equal(12, byStatus[FormStatus.Draft]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Inside_a_read_once_scope_the_version_is_read_once_and_after_it_a_write_is_seen_again(string kind)
    {
        var (db, store, ids) = await SeededAsync(kind);
        // A full page of one: its total (13 drafts) is counted and kept under the version.
        var drafts = new FormFilter(Status: FormStatus.Draft, Limit: 1);
        var other = Database.Open(db.ConnectionString);
        var before = await store.DataVersionAsync();
        using (UntilChanged.ReadOnce())
        {
            Assert.Equal(13, (await store.PageAsync(drafts)).Total);
            await using (var c = await other.ConnectAsync())
                await c.ExecuteAsync("UPDATE forms SET status = 'submitted' WHERE id = @id", new { id = ids[0] });
            // What the scope is for (a GET reads, it does not write): the request keeps the version it first read.
            Assert.Equal(before, await store.DataVersionAsync());
            Assert.Equal(13, (await store.PageAsync(drafts)).Total);
        }
        Assert.NotEqual(before, await store.DataVersionAsync());
        Assert.Equal(12, (await store.PageAsync(drafts)).Total);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Overdue_counts_follow_the_windows_finance_sets(string kind)
    {
        var (db, store, _) = await SeededAsync(kind);
        var today = new DateOnly(2025, 6, 1);
        var year = Seeds().Select(f => f.Year).Distinct().Single()!.Value;
        Assert.Equal(0, (await store.CountsAsync(new FormFilter { Today = today })).Overdue);

        // 自评 of the seeds' year closed before today: every self-evaluation draft is late; 申报 not yet closed.
        var windows = new WindowStore(Database.Open(db.ConnectionString), Clock);
        await windows.SetAsync(new Window(year, Stage.SelfEvaluation, new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 30)), "finance");
        Assert.Equal(10, (await store.CountsAsync(new FormFilter { Today = today })).Overdue);

        await windows.SetAsync(new Window(year, Stage.SelfEvaluation, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)), "finance");
        Assert.Equal(0, (await store.CountsAsync(new FormFilter { Today = today })).Overdue);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_kept_organisation_tree_follows_a_rename_made_by_another_process(string kind)
    {
        var db = await databases.FreshAsync(kind);
        var organisations = new Jixiao.Web.Features.Organisations.OrganisationStore(db, Clock);
        await using (var c = await db.ConnectAsync())
            await c.ExecuteAsync("INSERT INTO organisations (name, kind) VALUES ('财政局', 'finance')");
        Assert.Equal(["财政局"], (await organisations.AllAsync()).Select(o => o.Name));
        Assert.Equal(["财政局"], (await organisations.AllAsync()).Select(o => o.Name));

        var other = Database.Open(db.ConnectionString);
        await using (var c = await other.ConnectAsync())
            await c.ExecuteAsync("UPDATE organisations SET name = '某区财政局' WHERE kind = 'finance'");

        Assert.Equal(["某区财政局"], (await organisations.AllAsync()).Select(o => o.Name));
    }
}
