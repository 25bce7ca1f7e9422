using System.Xml;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Walking an Office part's XML with XmlReader, one element's children at a time, without a document tree (the xlsx
/// and docx readers): <c>for (bool inside = Enter(r, out int depth); inside; inside = Next(r, depth))</c>.
/// </summary>
internal static class XmlWalk
{
    /// <summary>
    /// How a part is read: no DTD and nothing resolved; ignored comments and instructions are skipped without being
    /// held; whitespace is kept, because the document tree of the SDK kept `&lt;t&gt; &lt;/t&gt;` as a space.
    /// </summary>
    public static readonly XmlReaderSettings PartSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    /// <summary>
    /// Moves into the element the reader is on: true while on one of its child nodes, false once past its end tag.
    /// Each child element must be consumed (read to past its end, or skipped) before the next call.
    /// </summary>
    public static bool Enter(XmlReader r, out int depth)
    {
        depth = r.Depth;
        if (r.IsEmptyElement)
        {
            r.Read();
            return false;
        }
        r.Read();
        return Next(r, depth);
    }

    /// <summary>After a child was consumed: true while still inside the element entered at depth; past its end tag otherwise.</summary>
    public static bool Next(XmlReader r, int depth)
    {
        if (r.Depth > depth) return true;
        r.Read();  // the element's end tag
        return false;
    }

    /// <summary>Skips a node that is not an element (whitespace between tags) or an element not wanted.</summary>
    public static void Pass(XmlReader r)
    {
        if (r.NodeType == XmlNodeType.Element) r.Skip();
        else r.Read();
    }
}
