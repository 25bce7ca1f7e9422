using System.Globalization;
using System.Text;
using ExcelDataReader;
using Jixiao.Formats.Import;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// OLE compound files: a legacy .xls (read through ExcelDataReader into the same rows of cells as an xlsx) or an
/// Office file encrypted with a password (an xlsx saved with 打开密码 is an OLE file holding an EncryptedPackage).
/// </summary>
public static class XlsReader
{
    public static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsOle(ReadOnlySpan<byte> bytes) => bytes.StartsWith(OleMagic);

    /// <summary>True when the OLE directory names an EncryptedPackage or EncryptionInfo stream (UTF-16 names).</summary>
    public static bool IsEncryptedOoxml(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0 || bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0;

    public static List<string[]> ReadGrid(byte[] bytes)
    {
        if (IsEncryptedOoxml(bytes))
            throw new UnreadableFileException("文件设有打开密码（已加密），无法读取；请在 Excel 或 Word 中取消密码后另存为 .xlsx 或 .docx 再导入");
        // .xls stores text in the workbook's code page (GBK for Chinese Excel): the provider must be registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var grid = new List<string[]>();
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateBinaryReader(ms);
            do
            {
                if (reader.VisibleState is { } vs && vs != "visible") continue;
                if (reader.Name == XlsxReader.InstructionsSheet) continue;
                if (grid.Count > 0) grid.Add([]);
                int count = 0;
                while (reader.Read())
                {
                    if (++count > XlsxReader.MaxRows) throw new UnreadableFileException($"工作表超过 {XlsxReader.MaxRows} 行，不是绩效表");
                    int n = Math.Min(reader.FieldCount, XlsxReader.MaxColumns);
                    var row = new string[n];
                    for (int i = 0; i < n; i++) row[i] = Text(reader.GetValue(i), reader.GetNumberFormatString(i));
                    grid.Add(row);
                }
            } while (reader.NextResult());
        }
        catch (UnreadableFileException) { throw; }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new UnreadableFileException(ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || ex.GetType().Name.Contains("Encrypt")
                ? "文件设有密码（已加密），无法读取；请取消密码后另存为 .xlsx 再导入"
                : "不是有效的 Excel 97-2003 (.xls) 文件（内容损坏或格式不符）；请在 Excel 中另存为 .xlsx 再导入");
        }
        return grid;
    }

    private static string Text(object? value, string? format) => value switch
    {
        null => "",
        string s => s,
        double d => XlsxReader.FormatNumber(d.ToString("R", CultureInfo.InvariantCulture), format ?? ""),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
