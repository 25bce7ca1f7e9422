using System.Text;

namespace Jixiao.Formats.Import;

/// <summary>
/// Decodes a text file. Chinese government files come in GB18030 as often as UTF-8: a BOM decides; otherwise
/// strict UTF-8 is tried and GB18030 taken when the bytes are not valid UTF-8.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public sealed record Decoded(string Text, string EncodingName, bool EndsMidCharacter);

    /// <summary>Null when the bytes are not text (binary junk): the caller reports it.</summary>
    public static Decoded? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Utf8(bytes[3..]);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE })) return new Decoded(Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE", false);
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF })) return new Decoded(Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE", false);
        if (LooksBinary(bytes)) return null;
        var utf8 = Utf8(bytes);
        if (utf8 is not null) return utf8;
        var text = Gb18030.GetString(bytes);
        return text.Contains('\uFFFD') && CountReplacement(text) > text.Length / 20 ? null : new Decoded(text, "GB18030", false);
    }

    private static Decoded? Utf8(ReadOnlySpan<byte> bytes)
    {
        // A file cut after a fixed number of bytes often ends inside a multi-byte character: that is truncation,
        // not another encoding.
        int cut = TrailingPartialUtf8(bytes);
        try
        {
            var strict = new UTF8Encoding(false, true);
            return new Decoded(strict.GetString(bytes[..^cut]), "UTF-8", cut > 0);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int TrailingPartialUtf8(ReadOnlySpan<byte> b)
    {
        for (int back = 1; back <= 3 && back <= b.Length; back++)
        {
            byte c = b[^back];
            if ((c & 0xC0) == 0x80) continue; // continuation byte: look further back
            int need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
            return need > back ? back : 0;
        }
        return 0;
    }

    // NUL and the control bytes counted below: most texts have none, found in one vectorised scan.
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 8192), control = 0;
        if (!bytes[..n].ContainsAny(ControlBytes)) return false;
        for (int i = 0; i < n; i++)
        {
            byte c = bytes[i];
            if (c == 0) return true;
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) control++;
        }
        return n > 0 && control > n / 50 + 1;
    }

    private static int CountReplacement(string s)
    {
        int k = 0;
        foreach (var c in s) if (c == '\uFFFD') k++;
        return k;
    }
}
