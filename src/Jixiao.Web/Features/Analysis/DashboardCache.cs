using System.Collections.Concurrent;
using Jixiao.Core.Workflow;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Analysis;

/// <summary>What one reading of the database gives a dashboard: the grouped figures and the year's windows.</summary>
public sealed record DashboardReading(DashboardFigures Figures, IReadOnlyList<Window> Windows);

/// <summary>
/// The dashboards' figures, kept per (scope, year, 主管部门, day) for at most <see cref="Lifetime"/> and stale as soon as
/// anything writes a form or a window (the database's data version moves, decision 0017): what a person changes here,
/// or another process writes (a CLI import into the same database), is counted on the next look.
/// <para>
/// A stale or missing entry is read again by one request, which waits for it; requests that arrive while that read runs
/// share it, or, when figures of the same key were read before, get those at once (their time is on the page), so a
/// write costs one request one read and nobody else waits. At most <see cref="MaxEntries"/> entries: the oldest go first.
/// </para>
/// </summary>
public sealed class DashboardCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    // A reading with its dashboard, JSON and page body is a few hundred kB with a few hundred units: 128 of them (and the
    // previous reading each may hold) stay well within the app's memory.
    public const int MaxEntries = 128;

    sealed record Entry(Lazy<Task<DashboardReading>> Figures, long Generation, DateTimeOffset At, Entry? Previous)
    {
        public bool Done => Figures.IsValueCreated && Figures.Value.IsCompletedSuccessfully;
        public bool Failed => Figures.IsValueCreated && (Figures.Value.IsFaulted || Figures.Value.IsCanceled);
    }

    readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>The figures for <paramref name="key"/> as of <paramref name="generation"/> (or, while they are being read
    /// again, the previous ones), and the time they were read.</summary>
    public async Task<(DashboardReading Figures, DateTimeOffset At)> GetAsync(string key, long generation, Func<Task<DashboardReading>> compute)
    {
        var now = clock.GetUtcNow();
        bool Usable(Entry e) => e.Generation == generation && now - e.At < Lifetime && !e.Failed;
        if (_entries.TryGetValue(key, out var hit) && Usable(hit))
            return hit.Done || hit.Previous is null ? (await hit.Figures.Value, hit.At) : (hit.Previous.Figures.Value.Result, hit.Previous.At);
        // Lazy: of several requests that miss together, only the entry that lands in the dictionary runs its queries.
        Entry? made = null;
        var entry = _entries.AddOrUpdate(key,
            _ => made = new Entry(new Lazy<Task<DashboardReading>>(compute), generation, now, null),
            (_, old) => Usable(old) ? old : made = new Entry(new Lazy<Task<DashboardReading>>(compute), generation, now,
                old.Done ? old with { Previous = null } : old.Previous));
        if (!ReferenceEquals(entry, made) && !entry.Done && entry.Previous is { } previous)
            return (previous.Figures.Value.Result, previous.At);
        if (ReferenceEquals(entry, made) && _entries.Count > MaxEntries) Trim(now);
        try
        {
            return (await entry.Figures.Value, entry.At);
        }
        catch
        {
            // A failed read is not kept: the next request tries again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>Expired entries first, then the oldest, until the bound holds.</summary>
    void Trim(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (now - e.At >= Lifetime) _entries.TryRemove(KeyValuePair.Create(key, e));
        var excess = _entries.Count - MaxEntries;
        if (excess <= 0) return;
        foreach (var (key, e) in _entries.OrderBy(kv => kv.Value.At).Take(excess).ToList())
            _entries.TryRemove(KeyValuePair.Create(key, e));
    }
}
