using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Json;
using Jixiao.Formats.Import;

namespace Jixiao.Benchmarks.Fuzz;

/// <summary>
/// The reader's fuzz run (docs/benchmarks.md, "Reader fuzz run"): N deterministic mutations of every case input,
/// imported by worker processes, each input under a watchdog. Not a test: it reports counts, throughput, the slowest
/// inputs and peak memory, and saves every input that crashed or hung (with its seed, index and a note) for a person
/// to look at.
///
/// Why processes: a stack overflow ends a .NET process and cannot be caught, and a thread stuck in a loop cannot be
/// stopped; a worker process can be killed and started again after the input. The watchdog reads each worker's
/// status file (the index in hand) and its main thread's CPU time from /proc: an input that has used more than the
/// timeout of CPU (or 15× the timeout of wall time, on a machine too loaded to tell) is a hang.
/// </summary>
internal static class FuzzRun
{
    public sealed record Options(List<string> Dirs, long Inputs, ulong Seed, int Workers, int TimeoutMs, string SaveDir, string? ReportFile);

    private sealed class Worker
    {
        public required int Id;
        public required long To;
        public long Next;                  // first index not yet in the tally (what a restart starts from)
        public readonly HashSet<long> Skip = [];
        public Process? Process;
        public MemoryMappedFile? Map;
        public MemoryMappedViewAccessor? Status;
        public string StatusFile = "";
        public readonly ConcurrentQueue<string> Lines = new();
        public readonly StringBuilder ErrTail = new();
        public long Watched = -2;          // the index in hand when the watchdog last saw a new one
        public long WatchedCpuTicks;
        public long WatchedAt;
        public bool Done;
        public int Starts;
        public double CpuSeconds;          // of the worker's earlier processes (killed or died)
        public double CpuThisStart;        // of its current process, as last reported
        public double PeakMb;
        public double? ReferenceCpuUs;
    }

    public static int Run(Options o)
    {
        var cases = CaseInput.Load(o.Dirs);
        if (cases.Count == 0) { Console.Error.WriteLine("no input.* under " + string.Join(", ", o.Dirs)); return 2; }
        var mutator = new Mutator(cases, o.Seed);
        Directory.CreateDirectory(o.SaveDir);
        var work = Directory.CreateTempSubdirectory("jixiao-fuzz-");
        var total = new FuzzTally();
        var hangs = new List<FuzzFinding>();
        var deaths = new List<FuzzFinding>();
        var loads = new List<double> { LoadAverage() };
        var wall = Stopwatch.StartNew();
        Console.Error.WriteLine($"fuzz: {cases.Count} case inputs, {o.Inputs:N0} inputs, seed {o.Seed}, {o.Workers} workers, load {loads[0]:F1}");

        var workers = Enumerable.Range(0, o.Workers).Select(w => new Worker
        {
            Id = w, Next = o.Inputs * w / o.Workers, To = o.Inputs * (w + 1) / o.Workers,
        }).ToList();
        foreach (var w in workers) Start(w, o, work.FullName);

        long lastReport = 0;
        while (workers.Any(w => !w.Done))
        {
            Thread.Sleep(50);
            foreach (var w in workers.Where(w => !w.Done))
            {
                Drain(w, total);
                if (w.Process!.HasExited)
                {
                    w.Process.WaitForExit();
                    Drain(w, total);
                    if (w.Done) continue;
                    long index = w.Status!.ReadInt64(0);
                    bool making = w.Status.ReadInt64(8) == 0;
                    var input = mutator.Make(index);
                    var finding = new FuzzFinding(index, making ? "worker died making the input" : "worker process died",
                        $"exit {w.Process.ExitCode}", Tail(w.ErrTail.ToString(), 6000), input.Description);
                    deaths.Add(finding);
                    Save(o, input, finding, deaths.Count(d => d.Signature == finding.Signature) <= 5);
                    Console.Error.WriteLine($"fuzz: worker {w.Id} died at input {index} (exit {w.Process.ExitCode}); restarting after it");
                    Restart(w, index, o, work.FullName);
                    continue;
                }
                if (Hung(w, o, mutator, hangs) is not { } hung) continue;
                w.Process.Kill();
                w.Process.WaitForExit();
                Drain(w, total);
                Restart(w, hung, o, work.FullName);
            }
            if (wall.ElapsedMilliseconds - lastReport > 10_000)
            {
                lastReport = wall.ElapsedMilliseconds;
                loads.Add(LoadAverage());
                Console.Error.WriteLine($"fuzz: {total.Inputs:N0} inputs in {wall.Elapsed.TotalSeconds:F0} s ({total.Inputs / wall.Elapsed.TotalSeconds:N0}/s), " +
                                        $"{total.Exceptions} exceptions, {deaths.Count} deaths, {hangs.Count} hangs, {total.StackTraceMessages} stack traces, load {loads[^1]:F1}");
            }
            if (workers.Sum(w => w.Starts) > 200) { Console.Error.WriteLine("fuzz: more than 200 worker restarts, stopping"); break; }
        }
        wall.Stop();
        loads.Add(LoadAverage());
        foreach (var w in workers) { w.Status?.Dispose(); w.Map?.Dispose(); }
        work.Delete(true);

        // Exceptions caught in a worker: the first few inputs of each kind are saved.
        foreach (var group in total.Crashes.GroupBy(c => c.Signature))
            foreach (var c in group.Take(5)) Save(o, mutator.Make(c.Index), c, true);
        foreach (var group in total.StackTraces.GroupBy(c => c.Signature))
            foreach (var c in group.Take(5)) Save(o, mutator.Make(c.Index), c, true);

        var report = Report(o, cases, total, hangs, deaths, workers, wall.Elapsed, loads);
        Console.WriteLine(report);
        if (o.ReportFile is not null) File.WriteAllText(o.ReportFile, report);
        return total.Exceptions + hangs.Count + deaths.Count + total.StackTraceMessages == 0 ? 0 : 1;
    }

    private static void Start(Worker w, Options o, string work)
    {
        w.StatusFile = Path.Combine(work, $"worker-{w.Id}-{w.Starts}.status");
        File.WriteAllBytes(w.StatusFile, new byte[16]);
        w.Map = MemoryMappedFile.CreateFromFile(w.StatusFile, FileMode.Open, null, 16, MemoryMappedFileAccess.ReadWrite);
        w.Status = w.Map.CreateViewAccessor(0, 16);
        w.Status.Write(0, w.Next);
        var psi = SelfStartInfo();
        foreach (var a in new[] { "--fuzz-worker", "--seed", o.Seed.ToString(), "--from", w.Next.ToString(), "--to", w.To.ToString(),
                     "--status", w.StatusFile, "--skip", string.Join(',', w.Skip.DefaultIfEmpty(-1)) }.Concat(o.Dirs))
            psi.ArgumentList.Add(a);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        // All collection on the worker's own thread, so the thread CPU time the watchdog reads includes it.
        psi.Environment["DOTNET_gcConcurrent"] = "0";
        var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) w.Lines.Enqueue(e.Data); };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (w.ErrTail) { w.ErrTail.AppendLine(e.Data); if (w.ErrTail.Length > 20_000) w.ErrTail.Remove(0, w.ErrTail.Length - 20_000); }
        };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        w.Process = p;
        w.Starts++;
        w.Watched = -2;
    }

    private static void Restart(Worker w, long failed, Options o, string work)
    {
        w.Skip.Add(failed);
        w.CpuSeconds += w.CpuThisStart; // up to its last report: what it used after that is not counted
        w.CpuThisStart = 0;
        w.Process!.Dispose();
        w.Status!.Dispose();
        w.Map!.Dispose();
        File.Delete(w.StatusFile);
        lock (w.ErrTail) w.ErrTail.Clear();
        // The inputs since the last tally line are imported again: their figures were lost with the process.
        Start(w, o, work);
    }

    public static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(FuzzRun).Assembly.Location);
        return psi;
    }

    private static void Drain(Worker w, FuzzTally total)
    {
        while (w.Lines.TryDequeue(out var line))
        {
            if (line.StartsWith("ck ", StringComparison.Ordinal))
            {
                int space = line.IndexOf(' ', 3);
                w.Next = long.Parse(line[3..space]);
                total.Add(JsonSerializer.Deserialize<FuzzTally>(line[(space + 1)..])!);
            }
            else if (line.StartsWith("usage ", StringComparison.Ordinal))
            {
                var usage = JsonSerializer.Deserialize<FuzzWorker.WorkerUsage>(line[6..])!;
                w.CpuThisStart = usage.CpuSeconds;
                w.PeakMb = Math.Max(w.PeakMb, usage.PeakMb);
                w.ReferenceCpuUs = usage.ReferenceCpuUs ?? w.ReferenceCpuUs;
            }
            else if (line == "done") w.Done = true;
        }
    }

    /// <summary>The index of the input the worker hangs on (recorded and saved), or null.</summary>
    private static long? Hung(Worker w, Options o, Mutator mutator, List<FuzzFinding> hangs)
    {
        long index = w.Status!.ReadInt64(0);
        if (index < 0) return null;
        long cpu = MainThreadCpuTicks(w.Process!.Id);
        long now = Stopwatch.GetTimestamp();
        if (index != w.Watched) { w.Watched = index; w.WatchedCpuTicks = cpu; w.WatchedAt = now; return null; }
        double cpuMs = (cpu - w.WatchedCpuTicks) * 10.0; // USER_HZ is 100 on Linux
        double wallMs = Stopwatch.GetElapsedTime(w.WatchedAt, now).TotalMilliseconds;
        if (cpuMs <= o.TimeoutMs && wallMs <= 15.0 * o.TimeoutMs) return null;
        var input = mutator.Make(index);
        var finding = new FuzzFinding(index, "hang", "hang",
            $"still running after {cpuMs / 1000:F1} s of CPU, {wallMs / 1000:F1} s wall ({input.Bytes.Length:N0} bytes)", input.Description);
        hangs.Add(finding);
        Save(o, input, finding, hangs.Count <= 20);
        Console.Error.WriteLine($"fuzz: worker {w.Id} hangs on input {index}: {finding.Detail}; killed, restarting after it");
        return index;
    }

    /// <summary>utime + stime of the process's main thread (its thread id is the process id), in clock ticks.</summary>
    private static long MainThreadCpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/task/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException) { return 0; }
    }

    private static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private static string Tail(string s, int n) => s.Length <= n ? s : s[^n..];

    private static void Save(Options o, FuzzInput input, FuzzFinding f, bool keep)
    {
        if (!keep) return;
        var name = $"{f.Kind.Replace(' ', '-')}-seed{o.Seed}-{input.Index}";
        var ext = Path.GetExtension(FuzzWorker.FileName(input));
        File.WriteAllBytes(Path.Combine(o.SaveDir, name + ext), input.Bytes);
        File.WriteAllText(Path.Combine(o.SaveDir, name + ".md"),
            $"""
            # {f.Kind}: fuzz input {input.Index} of seed {o.Seed}

            - input: `{name}{ext}` ({input.Bytes.Length:N0} bytes)
            - made from: {input.Description}
            - what happened: {f.Signature}
            - found by: `dotnet run -c Release --project bench/Jixiao.Benchmarks -- --fuzz {string.Join(' ', o.Dirs)} --inputs {o.Inputs} --seed {o.Seed}`
            - again, this input alone: `dotnet run -c Release --project bench/Jixiao.Benchmarks -- --fuzz-one {input.Index} --seed {o.Seed} {string.Join(' ', o.Dirs)}`

            ```
            {f.Detail}
            ```

            """);
    }

    /// <summary>One input again, in this process, with whatever it throws: to look at a saved finding.</summary>
    public static int One(List<string> dirs, ulong seed, long index)
    {
        var input = new Mutator(CaseInput.Load(dirs), seed).Make(index);
        Console.WriteLine($"input {index} of seed {seed}: {input.Bytes.Length:N0} bytes, {input.Description}");
        var sw = Stopwatch.StartNew();
        var result = FormImporter.Import(input.Bytes, FuzzWorker.FileName(input));
        Console.WriteLine($"{sw.Elapsed.TotalMilliseconds:F1} ms: {result.Forms.Count} forms, layout {result.Layout}, encoding {result.Encoding}");
        foreach (var p in result.Problems) Console.WriteLine((p.IsError ? "错误：" : "提示：") + p);
        return 0;
    }

    /// <summary>
    /// Per input, a hash of everything the import returned (the forms' JSON, the summaries, every message, the layout
    /// and encoding, or the exception's type): a change to the reader that is meant to change nothing prints the same.
    /// </summary>
    public static int Digest(List<string> dirs, ulong seed, long from, long to)
    {
        var mutator = new Mutator(CaseInput.Load(dirs), seed);
        for (long i = from; i < to; i++)
        {
            var input = mutator.Make(i);
            string what;
            try
            {
                var r = FormImporter.Import(input.Bytes, FuzzWorker.FileName(input));
                what = string.Join("\n", [Jixiao.Core.Interchange.FormJson.Serialize(r.Forms), System.Text.Json.JsonSerializer.Serialize(r.Summaries),
                    .. r.Problems.Select(p => p.IsError + " " + p), r.Layout?.ToString() ?? "", r.Encoding ?? ""]);
            }
            catch (Exception ex) { what = "exception " + ex.GetType().FullName; }
            Console.WriteLine($"{i} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(what)))[..16]}");
        }
        return 0;
    }

    private static string Report(Options o, List<CaseInput> cases, FuzzTally t, List<FuzzFinding> hangs, List<FuzzFinding> deaths,
        List<Worker> workers, TimeSpan wall, List<double> loads)
    {
        var sb = new StringBuilder();
        double seconds = wall.TotalSeconds;
        long inputs = t.Inputs + hangs.Count + deaths.Count;
        sb.AppendLine($"Reader fuzz run: {inputs:N0} inputs from {cases.Count} case inputs ({string.Join(", ", o.Dirs)}), seed {o.Seed}, {o.Workers} worker processes, watchdog {o.TimeoutMs / 1000.0:F1} s of CPU per input");
        sb.AppendLine($"Load average (1 min) during the run: {loads.Min():F1}–{loads.Max():F1}, mean {loads.Average():F1} (on {Environment.ProcessorCount} cores)");
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine($"| inputs imported | {inputs:N0} |");
        sb.AppendLine($"| input bytes | {t.Bytes / 1048576.0:N0} MB (mean {t.Bytes / Math.Max(1, t.Inputs) / 1024.0:N1} KB) |");
        sb.AppendLine($"| **exceptions escaping FormImporter** | **{t.Exceptions}** ({t.Crashes.Select(c => c.Signature).Distinct().Count()} kinds) |");
        sb.AppendLine($"| **worker processes that died** (stack overflow, fatal error) | **{deaths.Count}** |");
        sb.AppendLine($"| **hangs** (> {o.TimeoutMs / 1000.0:F0} s on one input) | **{hangs.Count}** |");
        sb.AppendLine($"| **stack traces in a message** | **{t.StackTraceMessages}** |");
        sb.AppendLine($"| inputs refused with an error message | {t.Refused:N0} ({100.0 * t.Refused / Math.Max(1, t.Inputs):F1}%) |");
        sb.AppendLine($"| forms read | {t.Forms:N0} |");
        sb.AppendLine($"| wall time | {seconds:F1} s |");
        sb.AppendLine($"| throughput, whole run (mutating included) | {inputs / seconds:N0} inputs/s, {t.Bytes / 1048576.0 / seconds:F1} MB/s |");
        sb.AppendLine($"| import time, summed over workers (wall / CPU) | {t.ImportSeconds:F1} s / {t.ImportCpuSeconds:F1} s ({t.ImportCpuSeconds * 1e6 / Math.Max(1, t.Inputs):F0} µs CPU per input) |");
        sb.AppendLine($"| mutating, summed over workers | {t.MutateSeconds:F1} s |");
        sb.AppendLine($"| workers' CPU (user + sys), restarts | {workers.Sum(w => w.CpuSeconds + w.CpuThisStart):F1} s, {workers.Sum(w => w.Starts) - workers.Count} restarts |");
        var reference = workers.Where(w => w.ReferenceCpuUs is not null).Select(w => w.ReferenceCpuUs!.Value).DefaultIfEmpty(double.NaN).Average();
        sb.AppendLine($"| reference, same run: the case inputs unchanged | {reference:F0} µs CPU per input; mutated inputs {t.ImportCpuSeconds * 1e6 / Math.Max(1, t.Inputs) / reference:F2}× that |");
        sb.AppendLine($"| peak memory of a worker (VmHWM) | {workers.Max(w => w.PeakMb):F0} MB |");
        sb.AppendLine($"| import CPU per input: <1 ms / <10 ms / <100 ms / <1 s / <2 s / ≥2 s | {string.Join(" / ", t.Histogram.Select(h => h.ToString("N0")))} |");
        sb.AppendLine();
        sb.AppendLine("Slowest inputs (import CPU time):");
        sb.AppendLine();
        sb.AppendLine("| index | CPU | wall | size | made from |");
        sb.AppendLine("|---:|---:|---:|---:|---|");
        foreach (var s in t.Slowest)
            sb.AppendLine($"| {s.Index} | {s.CpuMs:F0} ms | {s.WallMs:F0} ms | {s.Bytes / 1024.0:N1} KB | {Short(s.Description)} |");
        var found = t.Crashes.Concat(deaths).Concat(hangs).Concat(t.StackTraces).ToList();
        if (found.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"Found (inputs saved under {o.SaveDir}, the first 5 of each kind):");
            sb.AppendLine();
            foreach (var g in found.GroupBy(f => (f.Kind, f.Signature)))
                sb.AppendLine($"- {g.Key.Kind}, {g.Count()}×: `{g.Key.Signature}`; first input {g.First().Index} ({Short(g.First().Description)})");
        }
        return sb.ToString();
    }

    private static string Short(string s) => (s.Length > 140 ? s[..140] + "…" : s).Replace("|", "\\|");
}
