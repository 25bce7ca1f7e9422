using System.Diagnostics;
using System.Text;

namespace Jixiao.Tests.Cli;

/// <summary>Runs the real `jixiao` (the build beside the tests) as a user would, and collects what it says.</summary>
internal static class CliProcess
{
    public sealed record Run(int Exit, string Out, string Err);

    public static Run Jixiao(params string[] args)
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
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("jixiao did not finish in 120 s"); }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }
}
