using System.Collections.Concurrent;

namespace Jixiao.Web.Features.Accounts;

/// <summary>
/// Slows a password guesser without letting anyone lock an account. Failures are counted per address and typed
/// name, and per address: after <see cref="FreeFailures"/> failures of one name from one address, each further try
/// waits twice as long as the one before (30 s, 1 min, 2 min … up to 15 min); after <see cref="FreeFailuresPerAddress"/>
/// failures from one address, that address waits out the window. The account's owner, logging in from elsewhere,
/// is never held up by what a stranger typed. The typed name is the key, not the account, so a known and an
/// unknown name are throttled alike and the answer says nothing about which names exist. In memory: a restart
/// forgets, which costs a guesser nothing he would not have had anyway at one try per 15 minutes.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public const int FreeFailuresPerAddress = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    const int MaxEntries = 100_000;

    sealed class Counter
    {
        public int Failures;
        public DateTimeOffset Last;
    }

    readonly ConcurrentDictionary<string, Counter> _counters = new();

    static string PairKey(string address, string username) => address + "\n" + username.ToLowerInvariant();

    /// <summary>How long this address must wait before trying this name again; null when it may try now.</summary>
    public TimeSpan? WaitFor(string address, string username)
    {
        var now = clock.GetUtcNow();
        TimeSpan? wait = null;
        if (_counters.TryGetValue(PairKey(address, username), out var pair)) wait = PairWait(pair, now);
        if (_counters.TryGetValue(address, out var all) && Fresh(all, now) && all.Failures >= FreeFailuresPerAddress)
        {
            var rest = all.Last + Window - now;
            if (wait is null || rest > wait) wait = rest;
        }
        return wait;
    }

    public void Failed(string address, string username)
    {
        var now = clock.GetUtcNow();
        if (_counters.Count > MaxEntries) Prune(now);
        foreach (var key in new[] { PairKey(address, username), address })
            _counters.AddOrUpdate(key, _ => new Counter { Failures = 1, Last = now }, (_, c) =>
            {
                lock (c)
                {
                    if (!Fresh(c, now)) c.Failures = 0;
                    c.Failures++;
                    c.Last = now;
                }
                return c;
            });
    }

    public void Succeeded(string address, string username) => _counters.TryRemove(PairKey(address, username), out _);

    /// <summary>
    /// The administrator's 解除登录限制: the name's failures from every address are forgotten, so its owner may try
    /// again at once. The counts per address stay: they are about where the tries come from, not whose name was typed,
    /// and forgetting them would hand a guesser at that address fresh tries for every name.
    /// </summary>
    public int Clear(string username)
    {
        var suffix = "\n" + username.ToLowerInvariant();
        int cleared = 0;
        foreach (var key in _counters.Keys)
            if (IsPairOf(key, suffix) && _counters.TryRemove(key, out _)) cleared++;
        return cleared;
    }

    /// <summary>The names (lower case) some address must wait for now before trying again: one pass, for the administrator's list.</summary>
    public IReadOnlySet<string> ThrottledNames()
    {
        var now = clock.GetUtcNow();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, c) in _counters)
            if (key.IndexOf('\n') is >= 0 and var at && PairWait(c, now) is not null) names.Add(key[(at + 1)..]);
        return names;
    }

    bool Fresh(Counter c, DateTimeOffset now) => c.Last + Window > now;

    // A pair key is the address, one line break, the name: the first line break must start the suffix, or a name
    // holding a line break would match another name's pairs.
    static bool IsPairOf(string key, string suffix) => key.EndsWith(suffix, StringComparison.Ordinal) && key.IndexOf('\n') == key.Length - suffix.Length;

    /// <summary>The wait one (address, name) pair is under now: none before <see cref="FreeFailures"/>, then doubling.</summary>
    TimeSpan? PairWait(Counter pair, DateTimeOffset now)
    {
        if (!Fresh(pair, now) || pair.Failures < FreeFailures) return null;
        var delay = TimeSpan.FromTicks(Math.Min(Window.Ticks, FirstWait.Ticks << Math.Min(pair.Failures - FreeFailures, 10)));
        return pair.Last + delay > now ? pair.Last + delay - now : null;
    }

    void Prune(DateTimeOffset now)
    {
        foreach (var (key, c) in _counters)
            if (!Fresh(c, now)) _counters.TryRemove(key, out _);
    }
}
