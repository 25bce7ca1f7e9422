using System.IO.Compression;
using UnreadableFileException = Jixiao.Formats.Import.UnreadableFileException;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// The zip package of an Office Open XML file (xlsx, docx): which of the two it is, and the checks against zip bombs
/// made before the package is opened, with the same caps for both.
/// </summary>
public static class OfficeZip
{
    /// <summary>Caps against zip bombs: the uncompressed bytes read in all, and the number of entries.</summary>
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 2000;
    /// <summary>The content types and relationships, which the package layer parses whole when the file is opened.</summary>
    public const long MaxPackagePartBytes = 1024 * 1024;

    /// <summary>
    /// True when the zip holds a Word document: a local file header names an entry under `word/` and none under `xl/`.
    /// The local headers are read rather than the central directory, so a docx cut short is still told from an xlsx
    /// (and then refused as a damaged docx, not as a damaged workbook).
    /// </summary>
    public static bool IsWordDocument(ReadOnlySpan<byte> bytes)
    {
        bool word = false;
        ReadOnlySpan<byte> signature = "PK\u0003\u0004"u8;
        for (int at = bytes.IndexOf(signature); at >= 0;)
        {
            if (at + 30 <= bytes.Length)
            {
                int nameLength = bytes[at + 26] | bytes[at + 27] << 8;
                var name = bytes.Slice(at + 30, Math.Min(nameLength, bytes.Length - at - 30));
                if (name.StartsWith("xl/"u8)) return false;
                if (name.StartsWith("word/"u8)) word = true;
            }
            int next = bytes[(at + 4)..].IndexOf(signature);
            at = next < 0 ? -1 : at + 4 + next;
        }
        return word;
    }

    /// <summary>
    /// Looks at every entry before the package is opened: too many entries, or more uncompressed bytes than the cap
    /// (counted while inflating, so a header that lies about sizes does not help), and the file is refused. Inflating
    /// streams through one buffer: nothing inflated is kept. <paramref name="format"/> (`xlsx`, `docx`) names the
    /// file in the message for a damaged zip.
    /// </summary>
    public static void Check(byte[] bytes, string format)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
                throw new UnreadableFileException($"压缩包内文件过多（{zip.Entries.Count} 个），不是绩效表");
            if (!zip.Entries.Any(e => e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)))
                throw new UnreadableFileException("压缩包不是 Excel 工作簿（xlsx）或 Word 文档（docx）");
            long total = 0;
            var buffer = new byte[81920];
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                if (total > MaxUncompressedBytes) throw Bomb();
            }
            total = 0;
            foreach (var e in zip.Entries)
            {
                // The package layer parses these whole (and XmlReader holds each tag whole): they get a cap of their own.
                bool parsedWhole = e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                                   || e.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                long entry = 0;
                using var s = e.Open();
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if ((total += n) > MaxUncompressedBytes) throw Bomb();
                    if ((entry += n) > MaxPackagePartBytes && parsedWhole)
                        throw new UnreadableFileException(
                            $"压缩包中的“{Shorten(e.FullName)}”解压后超过 {MaxPackagePartBytes / 1024 / 1024} MB，不是绩效表（可能是恶意的压缩文件），已拒绝读取");
                }
            }
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableFileException($"文件损坏：不是完整的 {format} 压缩包");
        }
    }

    /// <summary>What the package layer and XmlReader throw for a package or part that is damaged or not what it says.</summary>
    public static bool IsDamaged(Exception ex) =>
        ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException
            or InvalidOperationException or FormatException or ArgumentException or NotSupportedException;

    /// <summary>A part whose bytes, counted as they inflate, pass the cap on all parts together.</summary>
    internal static UnreadableFileException Bomb() =>
        new($"解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB，不是绩效表（可能是恶意的压缩文件），已拒绝读取");

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";
}
