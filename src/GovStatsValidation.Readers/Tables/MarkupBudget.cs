using System.Globalization;
using System.Xml;

namespace GovStatsValidation.Readers.Tables;

/// <summary>
/// The nesting and grid budgets of the HTML and Word readers (<see cref="ProcessingLimits"/>), checked before or while a
/// document is parsed, so that no parser recursion depth and no allocation comes from the input unchecked.
/// </summary>
internal static class MarkupBudget
{
    /// <summary>Elements whose end tag HTML lets a page leave out, or that never have content: they do not nest in the tree a parser builds.</summary>
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
        "html", "head", "body",
    };

    /// <summary>
    /// Refuses an HTML page whose elements nest deeper than <see cref="ProcessingLimits.MaxMarkupNesting"/>, in one linear pass
    /// over the markup (a stack of open elements as a parser would keep them; elements with optional end tags and void
    /// elements do not count; an end tag closes up to the nearest open element of its name).
    /// </summary>
    /// <exception cref="ReportReadException">The page nests too deeply.</exception>
    public static void CheckHtmlNesting(string html)
    {
        var stack = new List<string>();
        var line = 1;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            line += CountLines(html, i, lt);
            i = lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i] == '!' || html[i] == '?')
            {
                // A comment, doctype or processing instruction: skip to its end.
                var end = html.AsSpan(i).StartsWith("!--") ? html.IndexOf("-->", i + 3, StringComparison.Ordinal) : html.IndexOf('>', i);
                end = end < 0 ? html.Length : end + 1;
                line += CountLines(html, i, end);
                i = end;
                continue;
            }

            var closing = html[i] == '/';
            var start = closing ? i + 1 : i;
            var nameEnd = start;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == start || !char.IsAsciiLetter(html[start]))
            {
                continue; // text "<", not a tag
            }

            var name = html[start..nameEnd].ToLowerInvariant();
            var tagEnd = html.IndexOf('>', nameEnd);
            tagEnd = tagEnd < 0 ? html.Length : tagEnd;
            var selfClosing = tagEnd > nameEnd && html[tagEnd - 1] == '/';
            line += CountLines(html, i, tagEnd);
            i = Math.Min(html.Length, tagEnd + 1);
            if (closing)
            {
                var at = stack.LastIndexOf(name);
                if (at >= 0)
                {
                    stack.RemoveRange(at, stack.Count - at);
                }

                continue;
            }

            if (name is "script" or "style" or "textarea" or "title" or "xmp")
            {
                // Raw text up to the end tag: no elements inside.
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                close = close < 0 ? html.Length : close;
                line += CountLines(html, i, close);
                i = close;
                continue;
            }

            if (selfClosing || NotNesting.Contains(name))
            {
                continue;
            }

            stack.Add(name);
            if (stack.Count > ProcessingLimits.MaxMarkupNesting)
            {
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"HTML elements nest more than {ProcessingLimits.MaxMarkupNesting} deep (line {line}, <{name}>); the page is not read (limit: nesting depth {ProcessingLimits.MaxMarkupNesting})"));
            }
        }
    }

    /// <summary>
    /// Refuses a Word document part whose XML elements nest deeper than <see cref="ProcessingLimits.MaxMarkupNesting"/>
    /// (nested tables, content controls, hyperlinks), read as a stream before the document object model is built.
    /// </summary>
    /// <returns>How many <c>w:altChunk</c> elements the part holds (content imported from another file, which is not read).</returns>
    /// <exception cref="ReportReadException">The part nests too deeply.</exception>
    public static int CheckXmlNesting(Stream xml, string part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        var altChunks = 0;
        using var reader = XmlReader.Create(xml, settings);
        while (Next(reader))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth > ProcessingLimits.MaxMarkupNesting)
            {
                var line = reader is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber.ToString(CultureInfo.InvariantCulture)})" : "";
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"The .docx {part} nests elements more than {ProcessingLimits.MaxMarkupNesting} deep{line} (nested tables, content controls or links); the document is not read (limit: nesting depth {ProcessingLimits.MaxMarkupNesting})"));
            }

            if (reader.LocalName == "altChunk")
            {
                altChunks++;
            }
        }

        return altChunks;
    }

    /// <summary>The next node; malformed XML ends the scan (the Word reader reports it when it opens the document).</summary>
    private static bool Next(XmlReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>Counts grid cells against <see cref="ProcessingLimits.MaxGridCells"/> and row widths against <see cref="ProcessingLimits.MaxGridColumns"/>.</summary>
    public sealed class GridCounter(string what)
    {
        private long _cells;

        /// <summary>Adds a cell spanning <paramref name="columns"/> × <paramref name="rows"/>; throws past a budget.</summary>
        /// <exception cref="ReportReadException">A row or the document grows past its budget.</exception>
        public void Add(long rowWidthAfter, long columns, long rows, int line)
        {
            if (rowWidthAfter > ProcessingLimits.MaxGridColumns)
            {
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"A {what} table row at line {line} spans {rowWidthAfter:N0} columns after merged cells; the document is not read (limit: {ProcessingLimits.MaxGridColumns:N0} grid columns per row)"));
            }

            _cells += columns * rows;
            if (_cells > ProcessingLimits.MaxGridCells)
            {
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                    $"The {what} tables expand to more than {ProcessingLimits.MaxGridCells:N0} grid cells after merged cells (at line {line}); the document is not read (limit: {ProcessingLimits.MaxGridCells:N0} grid cells)"));
            }
        }
    }

    private static int CountLines(string text, int from, int to)
    {
        var n = 0;
        for (var k = from; k < to && k < text.Length; k++)
        {
            if (text[k] == '\n')
            {
                n++;
            }
        }

        return n;
    }
}
