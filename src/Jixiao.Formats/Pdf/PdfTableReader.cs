using Jixiao.Formats.Import;

namespace Jixiao.Formats.Pdf;

/// <summary>Rebuilds a PDF's ruled tables into rows of cells (work in progress).</summary>
public static class PdfTableReader
{
    public static List<string[]> ReadGrid(byte[] bytes) => throw new UnreadableFileException("暂不支持读取 PDF 文件");
}
