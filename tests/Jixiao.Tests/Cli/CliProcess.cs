using System.Diagnostics;
using System.Text;

namespace Jixiao.Tests.Cli;

/// <summary>Runs the real `jixiao` (the build beside the tests) as a user would, and collects what it says.</summary>
internal static class CliProcess
{
    public sealed record Run(int Exit, string Out, string Err);

    /// <summary>The process, not yet started: for a test that must kill it or watch it while it runs.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jixiao.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Runs to the end (at most <paramref name="seconds"/>) while the caller goes on; what it printed and its exit code.</summary>
    public static async Task<Run> JixiaoAsync(int seconds, params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await p.WaitForExitAsync(timeout.Token);
        return new Run(p.ExitCode, await stdout, await stderr);
    }

    public static Run Jixiao(params string[] args) => JixiaoAsync(120, args).GetAwaiter().GetResult();
}
