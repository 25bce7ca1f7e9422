using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace Jixiao.Storage;

/// <summary>
/// Answers computed over the whole forms table — a list's total, the 工作台's counts, a dashboard's figures — kept
/// until the data changes. Triggers move <c>data_version</c> on every write to forms, windows and organisations from any process
/// (migration 0003), so an answer is reused only while nothing it could depend on was written. The version is read
/// before the answer is computed: a write that lands in between makes the next request compute again, never keeps a
/// stale answer. Decision 0017.
/// </summary>
public sealed class UntilChanged(int capacity = 2048)
{
    private readonly ConcurrentDictionary<string, (long Version, object Value)> answers = new(StringComparer.Ordinal);

    /// <summary>The data version, read once per <see cref="ReadOnce"/> scope (else every time it is asked for).</summary>
    public static async Task<long> VersionAsync(DbConnection c, CancellationToken ct = default)
    {
        if (VersionInScope is { } seen) return seen;
        var open = scope.Value is { Closed: false } s ? s : null;
        var version = await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT n FROM data_version WHERE id = 1", cancellationToken: ct));
        if (open is not null) open.Version = version;
        return version;
    }

    /// <summary>The version this <see cref="ReadOnce"/> scope has read already; null when none is open or it has not read yet.</summary>
    public static long? VersionInScope => scope.Value is { Closed: false, Version: { } seen } ? seen : null;

    // Closed when the request ends: work it started that outlives it (and carries its flow) reads afresh.
    private sealed class Scope { public long? Version; public bool Closed; }
    private static readonly AsyncLocal<Scope?> scope = new();

    /// <summary>
    /// Until disposed, the data version is read once in this flow: a page asks for it three or four times (the
    /// organisation tree, a total, the 工作台's counts), each a round trip on PostgreSQL. For requests that only read
    /// (the web app opens it for GET): a write inside the scope would leave the rest of it on the older version.
    /// </summary>
    public static IDisposable ReadOnce()
    {
        var previous = scope.Value;
        var opened = new Scope();
        scope.Value = opened;
        return new Restore(opened, previous);
    }

    private sealed class Restore(Scope opened, Scope? previous) : IDisposable
    {
        public void Dispose()
        {
            opened.Closed = true;
            scope.Value = previous;
        }
    }

    /// <summary>The answer kept under <paramref name="key"/> if the data has not changed since, else a new one.</summary>
    public async Task<T> GetAsync<T>(DbConnection c, string key, Func<Task<T>> compute, CancellationToken ct = default) where T : notnull
    {
        var version = await VersionAsync(c, ct);
        if (answers.TryGetValue(key, out var kept) && kept.Version == version && kept.Value is T value) return value;
        var answer = await compute();
        // Many different filters (searches) would otherwise grow it without end; starting over costs one query each.
        if (answers.Count >= capacity) answers.Clear();
        answers[key] = (version, answer);
        return answer;
    }
}
