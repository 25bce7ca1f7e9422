using System.Diagnostics;
using System.Text;
using Jixiao.Formats.Import;

namespace Jixiao.Formats.Word;

/// <summary>
/// A legacy Word 97-2003 document (.doc, an OLE compound file with a `WordDocument` stream): converted to .docx by
/// LibreOffice (`soffice --headless --convert-to docx`, decision 0021) in a temporary folder of its own, then read by
/// <see cref="DocxReader"/>. The converter runs as a child process under a time limit, a memory limit (prlimit) and
/// a limit on conversions at once; its folder, with the profile LibreOffice makes there, is deleted afterwards.
/// </summary>
public static class DocReader
{
    /// <summary>How long one conversion may take (about 1 s for a form; LibreOffice's start-up included).</summary>
    public static readonly TimeSpan ConvertTimeout = TimeSpan.FromSeconds(60);
    /// <summary>The converter's address space (prlimit --as): ample for a form, a stop for a file made to exhaust memory.</summary>
    public const long ConverterMemoryBytes = 2L * 1024 * 1024 * 1024;
    /// <summary>The converted .docx: a form is a few tens of KB; more than this is not read.</summary>
    public const long MaxConvertedBytes = 20L * 1024 * 1024;
    /// <summary>What to install when LibreOffice is missing (scripts/install-word-deps.sh does it).</summary>
    public const string InstallHint = "apt-get install -y --no-install-recommends libreoffice-writer-nogui";

    /// <summary>Each conversion starts a LibreOffice of about 200 MB: no more than this many at once.</summary>
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>
    /// True when the OLE directory has an entry named `WordDocument` (a .doc; an .xls has `Workbook` or `Book`). A
    /// directory entry is 128 bytes, aligned on 128 in the file, its UTF-16 name first and the name's length in bytes
    /// (terminator included) at offset 64.
    /// </summary>
    public static bool IsWordDocument(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> name = Encoding.Unicode.GetBytes("WordDocument\0");
        for (int at = 512; at + 128 <= bytes.Length; at += 128)
            if (bytes.Slice(at, name.Length).SequenceEqual(name) && bytes[at + 64] == name.Length && bytes[at + 65] == 0) return true;
        return false;
    }

    public static List<string[]> ReadGrid(byte[] doc) => DocxReader.ReadGrid(ConvertToDocx(doc, "soffice", ConvertTimeout));

    /// <summary>The .doc converted to .docx by the LibreOffice at <paramref name="soffice"/> (a path or a name on PATH).</summary>
    public static byte[] ConvertToDocx(byte[] doc, string soffice, TimeSpan timeout)
    {
        var converter = OnPath(soffice)
            ?? throw new UnreadableFileException($"读取 Word 97-2003 (.doc) 文件需要 LibreOffice（未找到 {soffice}）：{InstallHint}；或在 Word 中另存为 .docx 再导入");
        if (!Slots.Wait(timeout))
            throw new UnreadableFileException("同时转换的 Word 97-2003 (.doc) 文件过多，请稍后再试，或在 Word 中另存为 .docx 再导入");
        DirectoryInfo? dir = null;
        try
        {
            dir = Directory.CreateTempSubdirectory("jixiao-doc-");
            var input = Path.Combine(dir.FullName, "in.doc");
            var outDir = Directory.CreateDirectory(Path.Combine(dir.FullName, "out"));
            File.WriteAllBytes(input, doc);
            Run(converter, dir.FullName, input, outDir.FullName, timeout);
            var output = new FileInfo(Path.Combine(outDir.FullName, "in.docx"));
            if (!output.Exists)
                throw new UnreadableFileException("Word 97-2003 (.doc) 文件无法转换（文件损坏、格式不符或设有打开密码）；请在 Word 中打开后另存为 .docx 再导入");
            if (output.Length > MaxConvertedBytes)
                throw new UnreadableFileException($"Word 97-2003 (.doc) 文件转换后超过 {MaxConvertedBytes / 1024 / 1024} MB，不是绩效表");
            return File.ReadAllBytes(output.FullName);
        }
        finally
        {
            Slots.Release();
            try { dir?.Delete(true); } catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }

    /// <summary>
    /// Runs LibreOffice on one file: a profile of its own in the temporary folder (so conversions at once do not share
    /// one, and nothing is left in the service account's home), under prlimit where util-linux has it.
    /// </summary>
    private static void Run(string soffice, string dir, string input, string outDir, TimeSpan timeout)
    {
        var prlimit = OnPath("prlimit");
        var psi = new ProcessStartInfo(prlimit ?? soffice)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = dir,
        };
        if (prlimit is not null)
            foreach (var a in (string[])[$"--as={ConverterMemoryBytes}", $"--cpu={(int)timeout.TotalSeconds + 1}", "--", soffice]) psi.ArgumentList.Add(a);
        foreach (var a in (string[])["--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                     $"-env:UserInstallation={new Uri(Path.Combine(dir, "profile")).AbsoluteUri}",
                     "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir, input])
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = dir;
        psi.Environment["TMPDIR"] = dir;
        Process? p;
        try { p = Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UnreadableFileException($"读取 Word 97-2003 (.doc) 文件需要 LibreOffice（无法运行 {soffice}）：{InstallHint}");
        }
        if (p is null) throw new UnreadableFileException($"无法运行 {soffice}");
        using (p)
        {
            p.StandardInput.Close();
            _ = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.WaitForExit();
                throw new UnreadableFileException(
                    $"Word 97-2003 (.doc) 文件转换超时（超过 {(int)timeout.TotalSeconds} 秒），可能是损坏或恶意的文件；请在 Word 中另存为 .docx 再导入");
            }
        }
    }

    /// <summary>The file a command name runs: itself when it is a path, else the first match on PATH; null when there is none.</summary>
    private static string? OnPath(string command)
    {
        if (command.Contains('/')) return File.Exists(command) ? command : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
