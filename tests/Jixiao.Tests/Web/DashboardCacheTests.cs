using Jixiao.Storage;
using Jixiao.Web.Features.Analysis;

namespace Jixiao.Tests.Web;

/// <summary>The dashboards' cache on its own: one reading for many waiting requests, a new one after a write, a bound.</summary>
public class DashboardCacheTests
{
    static readonly DashboardReading Empty = new(new DashboardFigures([], new Dictionary<string, int>(), []), []);

    [Fact]
    public async Task Requests_that_miss_together_share_one_reading_and_a_new_generation_reads_again()
    {
        var cache = new DashboardCache(TimeProvider.System);
        int readings = 0;
        var gate = new TaskCompletionSource();
        async Task<DashboardReading> Read()
        {
            Interlocked.Increment(ref readings);
            await gate.Task;
            return Empty;
        }

        var waiting = Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetAsync("finance|2025", 1, Read))).ToList();
        await Task.Delay(100);
        gate.SetResult();
        var answers = await Task.WhenAll(waiting);
        var kept = await cache.GetAsync("finance|2025", 1, Read);
        var afterWrite = await cache.GetAsync("finance|2025", 2, Read);

        Assert.Equal(2, readings);                                   // one for the 32, one after the generation moved
        Assert.All(answers, a => Assert.Same(Empty, a.Figures));
        Assert.Equal(answers[0].At, kept.At);
        Assert.True(afterWrite.At >= kept.At);
    }

    [Fact]
    public async Task While_figures_are_read_again_others_get_the_previous_ones_at_once()
    {
        var cache = new DashboardCache(TimeProvider.System);
        var old = new DashboardReading(new DashboardFigures([], new Dictionary<string, int> { ["score-sum"] = 1 }, []), []);
        await cache.GetAsync("k", 1, () => Task.FromResult(old));
        var gate = new TaskCompletionSource<DashboardReading>();

        var refreshing = cache.GetAsync("k", 2, () => gate.Task);   // the request that reads again waits for it
        var meanwhile = await cache.GetAsync("k", 2, () => throw new InvalidOperationException("not read twice"));
        gate.SetResult(Empty);

        Assert.Same(old, meanwhile.Figures);
        Assert.Same(Empty, (await refreshing).Figures);
        Assert.Same(Empty, (await cache.GetAsync("k", 2, () => throw new InvalidOperationException("kept"))).Figures);
    }

    [Fact]
    public async Task A_failed_reading_is_not_kept_and_the_entries_are_bounded()
    {
        var cache = new DashboardCache(TimeProvider.System);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync("k", 1, () => throw new InvalidOperationException("数据库不可用")));
        Assert.Same(Empty, (await cache.GetAsync("k", 1, () => Task.FromResult(Empty))).Figures);

        for (int i = 0; i < DashboardCache.MaxEntries + 50; i++)
            await cache.GetAsync($"scope-{i}", 1, () => Task.FromResult(Empty));
        Assert.True(cache.Count <= DashboardCache.MaxEntries, $"{cache.Count} entries");
    }
}
