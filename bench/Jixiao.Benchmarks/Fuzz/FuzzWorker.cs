using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Formats.Import;

namespace Jixiao.Benchmarks.Fuzz;

/// <summary>What a worker found over a stretch of inputs; the run adds these up.</summary>
internal sealed class FuzzTally
{
    public long Inputs { get; set; }
    public long Bytes { get; set; }
    public long Forms { get; set; }
    /// <summary>Inputs the importer refused with an error (a clear message, the expected outcome for much junk).</summary>
    public long Refused { get; set; }
    public double MutateSeconds { get; set; }
    public double ImportSeconds { get; set; }
    public double ImportCpuSeconds { get; set; }
    /// <summary>Inputs by import CPU time: &lt;1 ms, &lt;10 ms, &lt;100 ms, &lt;1 s, &lt;2 s, ≥2 s.</summary>
    public long[] Histogram { get; set; } = new long[6];
    public long Exceptions { get; set; }
    public long StackTraceMessages { get; set; }
    /// <summary>The first findings (the counts above are all of them).</summary>
    public List<FuzzFinding> Crashes { get; set; } = [];
    public List<FuzzFinding> StackTraces { get; set; } = [];
    public List<FuzzTiming> Slowest { get; set; } = [];

    public const int KeepSlowest = 20;
    public const int KeepFindings = 1000;

    public void Add(FuzzTally t)
    {
        Inputs += t.Inputs; Bytes += t.Bytes; Forms += t.Forms; Refused += t.Refused;
        MutateSeconds += t.MutateSeconds; ImportSeconds += t.ImportSeconds; ImportCpuSeconds += t.ImportCpuSeconds;
        Exceptions += t.Exceptions; StackTraceMessages += t.StackTraceMessages;
        for (int i = 0; i < Histogram.Length; i++) Histogram[i] += t.Histogram[i];
        Crashes.AddRange(t.Crashes.Take(KeepFindings - Crashes.Count));
        StackTraces.AddRange(t.StackTraces.Take(KeepFindings - StackTraces.Count));
        foreach (var s in t.Slowest) Timed(s);
    }

    public void Timed(FuzzTiming t)
    {
        if (Slowest.Count == KeepSlowest && Slowest[^1].CpuMs >= t.CpuMs) return;
        int at = Slowest.FindIndex(s => s.CpuMs < t.CpuMs);
        Slowest.Insert(at < 0 ? Slowest.Count : at, t);
        if (Slowest.Count > KeepSlowest) Slowest.RemoveAt(KeepSlowest);
    }
}

/// <summary>A crash or a leaked stack trace: which input, what happened (type and message, the top of the stack).</summary>
internal sealed record FuzzFinding(long Index, string Kind, string Signature, string Detail, string Description);

internal sealed record FuzzTiming(long Index, double CpuMs, double WallMs, int Bytes, string Description);

/// <summary>
/// The child process of a fuzz run: imports inputs <c>from</c>..<c>to</c> on its main thread (whose Linux thread id is
/// the process id, so the run can read that thread's CPU time from /proc), writes the index in hand to a shared
/// status file before each input, and a tally line to standard output every 1,000 inputs. A hang or a crash of the
/// process (a stack overflow cannot be caught) leaves the index in the status file for the run to find.
/// </summary>
internal static class FuzzWorker
{
    public const int CheckpointEvery = 1000;

    public static int Run(string[] dirs, ulong seed, long from, long to, HashSet<long> skip, string statusFile)
    {
        var cases = CaseInput.Load(dirs);
        var mutator = new Mutator(cases, seed);
        using var map = MemoryMappedFile.CreateFromFile(statusFile, FileMode.Open, null, 16, MemoryMappedFileAccess.ReadWrite);
        using var status = map.CreateViewAccessor(0, 16);
        var stdout = Console.Out;
        var tally = new FuzzTally();
        long sinceCheckpoint = 0;
        for (long i = from; i < to; i++)
        {
            if (skip.Contains(i)) continue;
            status.Write(0, i);
            status.Write(8, 0L); // making the input
            long t0 = Stopwatch.GetTimestamp();
            var input = mutator.Make(i);
            long t1 = Stopwatch.GetTimestamp();
            status.Write(8, 1L); // importing it
            long cpu0 = ThreadCpu.Nanoseconds();
            ImportResult? result = null;
            Exception? thrown = null;
            try { result = FormImporter.Import(input.Bytes, FileName(input)); }
            catch (Exception ex) { thrown = ex; }
            long cpu1 = ThreadCpu.Nanoseconds();
            long t2 = Stopwatch.GetTimestamp();
            Count(tally, input, result, thrown, Stopwatch.GetElapsedTime(t0, t1).TotalSeconds, Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds, (cpu1 - cpu0) / 1e6);
            if (++sinceCheckpoint == CheckpointEvery)
            {
                stdout.WriteLine($"ck {i + 1} {JsonSerializer.Serialize(tally)}");
                stdout.WriteLine($"usage {JsonSerializer.Serialize(Usage())}");
                stdout.Flush();
                tally = new FuzzTally();
                sinceCheckpoint = 0;
            }
        }
        status.Write(0, -1L);
        stdout.WriteLine($"ck {to} {JsonSerializer.Serialize(tally)}");
        stdout.WriteLine($"usage {JsonSerializer.Serialize(Usage() with { ReferenceCpuUs = ReferenceCpuMicroseconds(cases) })}");
        stdout.WriteLine("done");
        stdout.Flush();
        return 0;
    }

    /// <summary>The worker process so far: its CPU (user + sys), its peak resident memory, and at the end the reference.</summary>
    internal sealed record WorkerUsage(double CpuSeconds, double PeakMb, double? ReferenceCpuUs = null);

    private static WorkerUsage Usage()
    {
        using var self = Process.GetCurrentProcess();
        return new WorkerUsage(self.TotalProcessorTime.TotalSeconds, PeakResidentMb());
    }

    /// <summary>
    /// The reference measured in the same run, on the same loaded machine: import CPU per input of the case inputs
    /// as they are (each 20 times, after the run has warmed everything up).
    /// </summary>
    private static double ReferenceCpuMicroseconds(List<CaseInput> cases)
    {
        long cpu0 = ThreadCpu.Nanoseconds();
        for (int round = 0; round < 20; round++)
            foreach (var c in cases) FormImporter.Import(c.Bytes, Path.GetFileName(c.Name));
        return (ThreadCpu.Nanoseconds() - cpu0) / 1e3 / (20.0 * cases.Count);
    }

    /// <summary>The case's file name: the reader may look at the extension (input.json, input.txt).</summary>
    public static string FileName(FuzzInput input) => input.Description[..input.Description.IndexOf(':')];

    private static void Count(FuzzTally t, FuzzInput input, ImportResult? result, Exception? thrown, double mutateSeconds, double wallMs, double cpuMs)
    {
        t.Inputs++;
        t.Bytes += input.Bytes.Length;
        t.MutateSeconds += mutateSeconds;
        t.ImportSeconds += wallMs / 1000;
        t.ImportCpuSeconds += cpuMs / 1000;
        t.Histogram[cpuMs < 1 ? 0 : cpuMs < 10 ? 1 : cpuMs < 100 ? 2 : cpuMs < 1000 ? 3 : cpuMs < 2000 ? 4 : 5]++;
        t.Timed(new FuzzTiming(input.Index, Math.Round(cpuMs, 2), Math.Round(wallMs, 2), input.Bytes.Length, input.Description));
        if (thrown is not null)
        {
            t.Exceptions++;
            var top = thrown.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Jixiao.", StringComparison.Ordinal))?.Trim() ?? "";
            if (t.Crashes.Count < FuzzTally.KeepFindings) t.Crashes.Add(new FuzzFinding(input.Index, "exception", $"{thrown.GetType().Name} {top}", thrown.ToString()[..Math.Min(4000, thrown.ToString().Length)], input.Description));
            return;
        }
        t.Forms += result!.Forms.Count;
        if (result.Problems.Any(p => p.IsError)) t.Refused++;
        var messages = result.Problems.Select(p => p.Message).Concat(result.Forms.SelectMany(f => f.Warnings.Select(w => w.Message)));
        foreach (var m in messages)
        {
            if (!LooksLikeStackTrace(m)) continue;
            t.StackTraceMessages++;
            if (t.StackTraces.Count < FuzzTally.KeepFindings) t.StackTraces.Add(new FuzzFinding(input.Index, "stack trace in a message", StackTraceSignature(m), m[..Math.Min(4000, m.Length)], input.Description));
            break;
        }
    }

    private static readonly Regex StackFrame = new(@"(^|\n)\s*at [\w.`<>\[\]]+\(|\.cs:line \d+|\b(System|Jixiao)\.[\w.]*Exception\b|\bException:", RegexOptions.Compiled);

    public static bool LooksLikeStackTrace(string message) => StackFrame.IsMatch(message);

    private static string StackTraceSignature(string m) => StackFrame.Match(m).Value.Trim();

    private static double PeakResidentMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0]) / 1024.0;
        return 0;
    }
}

/// <summary>The calling thread's CPU time (clock_gettime CLOCK_THREAD_CPUTIME_ID): a per-input figure that a loaded
/// machine does not inflate the way it does wall time.</summary>
internal static partial class ThreadCpu
{
    [StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    private const int ThreadCpuClock = 3;

    public static long Nanoseconds() => ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;
}
