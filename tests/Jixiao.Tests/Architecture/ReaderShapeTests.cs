using Jixiao.Tests.Support;

namespace Jixiao.Tests.Architecture;

/// <summary>
/// The form reader stays a pipeline of small stages (issue 12): no file of it over 400 lines, so a new layout is a
/// geometry pass and a case folder, not another branch in a large class.
/// </summary>
public class ReaderShapeTests
{
    [Fact]
    public void No_file_of_the_reader_is_over_400_lines()
    {
        var dir = Path.Combine(TestProfiles.RepoRoot, "src", "Jixiao.Formats", "Import");
        var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var tooLong = files.Select(f => (File: Path.GetRelativePath(dir, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > 400).Select(f => $"{f.File}: {f.Lines} 行").ToList();
        Assert.True(tooLong.Count == 0, "读取器的文件超过 400 行：" + string.Join("；", tooLong));
    }
}
