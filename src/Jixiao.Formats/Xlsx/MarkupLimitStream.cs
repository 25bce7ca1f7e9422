using UnreadableFileException = Jixiao.Formats.Import.UnreadableFileException;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// A part's XML on its way to XmlReader. Text between tags streams through XmlReader in chunks, but a tag (with all its
/// attributes), a CDATA section or a processing instruction is held whole in its buffer (a 20 MB attribute costs it
/// over 100 MB), so any of those longer than <see cref="XlsxReader.MaxMarkupBytes"/> is refused here, before XmlReader
/// has to hold it. Comments are not limited: XmlReader skips ignored comments without holding them.
/// The bytes read also count against the cap on all parts together (one part can be named by many sheets).
/// </summary>
internal sealed class MarkupLimitStream(Stream inner, Action<int> countBytes) : Stream
{
    private enum State : byte { Text, Open, Tag, Quoted, Bang, Comment, CData, Instruction }

    private State _state;
    private int _length;      // code units of the markup being read
    private int _quote;       // the quote that opened the attribute value being read
    private int _last, _beforeLast;
    private int _unit;        // 0 = not known yet, 1 = bytes (UTF-8 and the like), 2 = UTF-16 little-endian, 3 = UTF-16 big-endian
    private int _pending = -1; // the first byte of a UTF-16 unit split between two reads

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (n > 0)
        {
            countBytes(n);
            Scan(buffer[..n]);
        }
        return n;
    }

    private void Scan(ReadOnlySpan<byte> bytes)
    {
        if (_unit == 0)
        {
            // The delimiters are ASCII: one byte each in UTF-8, one 16-bit unit in UTF-16 (told by its BOM or by `<?`).
            if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0x3C, 0x00)) _unit = 2;
            else if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFE, 0xFF) or (0x00, 0x3C)) _unit = 3;
            else _unit = 1;
        }
        if (_unit == 1)
        {
            foreach (var b in bytes) Step(b);
            return;
        }
        int i = 0;
        if (_pending >= 0 && bytes.Length > 0)
        {
            Step(Unit(_pending, bytes[0]));
            _pending = -1;
            i = 1;
        }
        for (; i + 1 < bytes.Length; i += 2) Step(Unit(bytes[i], bytes[i + 1]));
        if (i < bytes.Length) _pending = bytes[i];
    }

    private int Unit(int first, int second) => _unit == 2 ? first | second << 8 : first << 8 | second;

    private void Step(int c)
    {
        switch (_state)
        {
            case State.Text:
                if (c == '<') { _state = State.Open; _length = 1; }
                break;
            case State.Open:
                _length++;
                _state = c switch { '!' => State.Bang, '?' => State.Instruction, '>' => State.Text, _ => State.Tag };
                break;
            case State.Tag:
                _length++;
                if (c == '>') _state = State.Text;
                else if (c is '"' or '\'') { _quote = c; _state = State.Quoted; }
                break;
            case State.Quoted:
                _length++;
                if (c == _quote) _state = State.Tag;
                break;
            case State.Bang:
                // `<!--` a comment, `<![CDATA[` a CDATA section; anything else (a DOCTYPE) is read like a tag and refused by XmlReader.
                _length++;
                _state = c switch { '-' => State.Comment, '[' => State.CData, '>' => State.Text, _ => State.Tag };
                _last = _beforeLast = 0;
                break;
            case State.Comment:
                if (c == '>' && _last == '-' && _beforeLast == '-') _state = State.Text;
                break;
            case State.CData:
                _length++;
                if (c == '>' && _last == ']' && _beforeLast == ']') _state = State.Text;
                break;
            case State.Instruction:
                _length++;
                if (c == '>' && _last == '?') _state = State.Text;
                break;
        }
        _beforeLast = _last;
        _last = c;
        if (_length > XlsxReader.MaxMarkupBytes && _state is not (State.Text or State.Comment))
            throw new UnreadableFileException(
                $"文件中有超过 {XlsxReader.MaxMarkupBytes / 1024} KB 的 XML 标记，不是绩效表（可能是恶意文件），已拒绝读取");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
