using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Jixiao.Storage;

/// <summary>
/// The PostgreSQL client programs (pg_dump, pg_restore, psql) of the major version the server runs: a dump taken
/// by an older pg_dump than the server is refused by pg_dump itself, and a newer client writes settings an older
/// server does not know. Looked for on PATH and under Debian's /usr/lib/postgresql/N/bin.
/// </summary>
internal sealed partial class PgClientTools
{
    public string Directory { get; }
    public int Major { get; }

    private PgClientTools(string directory, int major)
    {
        Directory = directory;
        Major = major;
    }

    public string Path(string tool) => System.IO.Path.Combine(Directory, tool);

    /// <summary>The client whose major version is the server's; failing that the newest newer one; else a clear refusal.</summary>
    public static async Task<PgClientTools> FindAsync(int serverMajor, string[] tools, CancellationToken ct)
    {
        var found = new List<PgClientTools>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in CandidateDirectories())
        {
            if (!tools.All(t => File.Exists(System.IO.Path.Combine(dir, t)))) continue;
            var real = RealPath(System.IO.Path.Combine(dir, tools[0]));
            if (!seen.Add(real)) continue;
            if (await MajorVersionAsync(System.IO.Path.Combine(dir, tools[0]), ct) is { } major) found.Add(new PgClientTools(dir, major));
        }
        var names = string.Join("、", tools);
        if (found.Count == 0)
            throw new StorageException($"找不到 PostgreSQL 客户端程序（{names}）：请安装与服务器同一主版本的客户端（Debian：apt-get install postgresql-client-{serverMajor}），或把它们所在的目录加入 PATH。");
        var match = found.FirstOrDefault(c => c.Major == serverMajor)
            ?? found.Where(c => c.Major > serverMajor).OrderByDescending(c => c.Major).FirstOrDefault();
        return match ?? throw new StorageException(
            $"PostgreSQL 客户端程序（{names}）的版本（{string.Join("、", found.Select(c => c.Major).Distinct())}）低于服务器（{serverMajor}），无法使用："
            + $"请安装 postgresql-client-{serverMajor}。");
    }

    // Debian's own folders first: /usr/bin/pg_dump there is a wrapper that picks a version by its own rules.
    private static IEnumerable<string> CandidateDirectories()
    {
        const string debian = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debian))
            foreach (var d in System.IO.Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(System.IO.Path.GetFileName(d), out var n) ? n : 0))
                yield return System.IO.Path.Combine(d, "bin");
        foreach (var d in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return d;
    }

    private static string RealPath(string file)
    {
        try { return new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? System.IO.Path.GetFullPath(file); }
        catch (IOException) { return System.IO.Path.GetFullPath(file); }
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionLine();

    private static async Task<int?> MajorVersionAsync(string program, CancellationToken ct)
    {
        try
        {
            var run = await RunAsync(program, ["--version"], new Dictionary<string, string?>(), ct);
            var m = VersionLine().Match(run.Output);
            return run.Exit == 0 && m.Success ? int.Parse(m.Groups[1].Value) : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }

    /// <summary>
    /// libpq's environment for an ADO.NET connection string: the password goes in PGPASSWORD, not on the command
    /// line, where every user of the machine could read it.
    /// </summary>
    public static Dictionary<string, string?> Environment(string connectionString, string application)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var env = new Dictionary<string, string?>
        {
            ["PGHOST"] = b.Host,
            ["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = b.Username,
            ["PGPASSWORD"] = b.Password,
            ["PGDATABASE"] = b.Database,
            ["PGPASSFILE"] = b.Passfile,
            ["PGCONNECT_TIMEOUT"] = b.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGSSLMODE"] = b.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
            ["PGAPPNAME"] = application,
            // Quiet the notices of DROP … IF EXISTS; real errors still come through.
            ["PGOPTIONS"] = "-c client_min_messages=warning",
        };
        // What the connection string leaves out stays as the caller's environment has it (PGPASSWORD, PGPASSFILE,
        // ~/.pgpass), which is also where Npgsql looks.
        foreach (var k in env.Keys.ToList()) if (string.IsNullOrEmpty(env[k])) env.Remove(k);
        return env;
    }

    public sealed record Run(int Exit, string Output, string Error);

    public static async Task<Run> RunAsync(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?> env, CancellationToken ct)
    {
        using var p = Start(program, args, env, redirectInput: false);
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        await WaitAsync(p, ct);
        return new Run(p.ExitCode, await output, await error);
    }

    public static Process Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?> env, bool redirectInput)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        return Process.Start(psi) ?? throw new StorageException($"无法启动 {program}");
    }

    /// <summary>Waits for the program; on cancellation it is killed rather than left running on its own.</summary>
    public static async Task WaitAsync(Process p, CancellationToken ct)
    {
        try { await p.WaitForExitAsync(ct); }
        catch (OperationCanceledException)
        {
            Kill(p);
            throw;
        }
    }

    public static void Kill(Process p)
    {
        try { if (!p.HasExited) p.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }
}
