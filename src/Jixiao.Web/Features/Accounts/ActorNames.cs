using Jixiao.Storage;

namespace Jixiao.Web.Features.Accounts;

/// <summary>
/// The history stores who acted by username (a name that never changes, so old entries keep pointing at the same
/// account); people read real names. One lookup per page or answer, for all the usernames in it, never one per row.
/// Names that are no account (`system`, the demo data's importer) are shown as they are.
/// </summary>
public sealed class ActorNames(AccountStore accounts)
{
    /// <summary>The real names of the usernames in the history, in one query.</summary>
    public Task<IReadOnlyDictionary<string, string>> ForAsync(IEnumerable<AuditEntry> history) =>
        accounts.RealNamesAsync(history.Select(h => h.Actor));

    /// <summary>“张三（zhangsan）”, or the username alone when the account has no real name.</summary>
    public static string Label(string actor, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(actor, out var name) ? $"{name}（{actor}）" : actor;

    /// <summary>
    /// The history as a page shows it: each actor as <see cref="Label"/>. For display only: the entries go to the
    /// page's sections and nowhere else (nothing compares or stores these actors).
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> LabelledAsync(IReadOnlyList<AuditEntry> history)
    {
        var names = await ForAsync(history);
        return names.Count == 0 ? history : history.Select(h => h with { Actor = Label(h.Actor, names) }).ToList();
    }
}
