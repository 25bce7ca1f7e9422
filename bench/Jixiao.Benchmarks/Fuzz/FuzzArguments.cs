namespace Jixiao.Benchmarks.Fuzz;

/// <summary>
/// The fuzz modes' command lines:
/// <c>--fuzz DIR... [--inputs 1000000] [--seed 1] [--workers CORES] [--timeout-ms 2000] [--save tests/data/fuzz-found] [--report FILE]</c>;
/// <c>--fuzz-one INDEX --seed S DIR...</c> (one input again, in process);
/// <c>--fuzz-digest --from A --to B --seed S DIR...</c> (a digest of what inputs A to B import to, one line each: two
/// builds of the reader that print the same lines read those inputs alike);
/// <c>--fuzz-worker …</c> (the child process the run starts).
/// </summary>
internal static class FuzzArguments
{
    public static int Run(string[] args)
    {
        var named = new Dictionary<string, string>();
        var dirs = new List<string>();
        string mode = args[0];
        int start = 1;
        if (mode == "--fuzz-one") { named["--index"] = args[1]; start = 2; }
        for (int i = start; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[args[i]] = args[++i];
            else dirs.Add(args[i]);
        }
        string Get(string name, string fallback) => named.TryGetValue(name, out var v) ? v : fallback;
        ulong seed = ulong.Parse(Get("--seed", "1"));
        if (dirs.Count == 0) dirs.Add("tests/data/cases");
        switch (mode)
        {
            case "--fuzz-one":
                return FuzzRun.One(dirs, seed, long.Parse(named["--index"]));
            case "--fuzz-digest":
                return FuzzRun.Digest(dirs, seed, long.Parse(Get("--from", "0")), long.Parse(Get("--to", "10000")));
            case "--fuzz-worker":
                var skip = Get("--skip", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToHashSet();
                return FuzzWorker.Run(dirs.ToArray(), seed, long.Parse(named["--from"]), long.Parse(named["--to"]), skip, named["--status"]);
            default:
                return FuzzRun.Run(new FuzzRun.Options(dirs, long.Parse(Get("--inputs", "1000000")), seed,
                    int.Parse(Get("--workers", Environment.ProcessorCount.ToString())), int.Parse(Get("--timeout-ms", "2000")),
                    Get("--save", "tests/data/fuzz-found"), named.GetValueOrDefault("--report")));
        }
    }
}
