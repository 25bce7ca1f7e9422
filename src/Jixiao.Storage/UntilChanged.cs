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

    public static Task<long> VersionAsync(DbConnection c, CancellationToken ct = default) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT n FROM data_version WHERE id = 1", cancellationToken: ct));

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
