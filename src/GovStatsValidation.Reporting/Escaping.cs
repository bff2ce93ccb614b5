using System.Globalization;
using System.Text;
using System.Xml;

namespace GovStatsValidation.Reporting;

/// <summary>
/// One escaping function per output format, for text that comes from input (file names, agency names, quotes, rule ids of
/// user rule files). The renderers route every such value through these (by construction: the text renderer's lines and
/// the JUnit renderer's XML writer escape every value they are given), so report text is always shown, never executed.
/// </summary>
public static class Escaping
{
    /// <summary>
    /// Text for a terminal: control characters (C0 except none, DEL, C1), bidirectional overrides and the raw bytes of
    /// non-UTF-8 file names are shown as <c>\xNN</c> / <c>\uNNNN</c>; nothing in the result moves the cursor, changes colours
    /// or the window title.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Printable text.</returns>
    public static string Terminal(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var i = 0;
        while (i < text.Length && !NeedsTerminalEscape(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c is >= '\uDC80' and <= '\uDCFF' && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                sb.Append("\\x").Append(((int)c - 0xDC00).ToString("X2", CultureInfo.InvariantCulture));
            }
            else if (NeedsTerminalEscape(text, i))
            {
                sb.Append(c < 0x100 ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsTerminalEscape(string text, int i)
    {
        var c = text[i];
        return c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069' || c is '\u200E' or '\u200F' or '\u061C'
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            || (char.IsHighSurrogate(c) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])));
    }

    /// <summary>
    /// Text for Markdown (GitHub flavour), also inside a table cell: the characters Markdown reads as markup
    /// (<c>\ ` * _ [ ] | ~ @</c>, the colon of <c>://</c> and the dot of <c>www.</c>) are backslash-escaped, <c>&lt; &gt; &amp;</c> become entities, line breaks become
    /// <c>&lt;br&gt;</c>, a leading <c># - + =</c> or list number is escaped (no heading, list item or rule can start),
    /// control characters are shown as <c>\xNN</c>. No link, image, HTML tag, heading or list item can come out of it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Markdown that shows the text as it is.</returns>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var shown = Terminal(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", "\u2028", StringComparison.Ordinal));
        var sb = new StringBuilder(shown.Length + 16);
        var digits = 0;
        while (digits < shown.Length && char.IsAsciiDigit(shown[digits]))
        {
            digits++;
        }

        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            switch (c)
            {
                case '\u2028': sb.Append("<br>"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '@':
                    sb.Append('\\').Append(c);
                    break;
                case '#' or '-' or '+' or '=' when i == 0:
                    sb.Append('\\').Append(c);
                    break;
                case ':' when i + 2 < shown.Length && shown[i + 1] == '/' && shown[i + 2] == '/':
                    // http:// would become a link (GitHub links bare addresses).
                    sb.Append('\\').Append(c);
                    break;
                case '.' or ')' when i == digits && digits > 0:
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }

        // GitHub links bare www. addresses too: the dot is escaped so nothing in the text becomes a link.
        return sb.ToString().Replace("www.", "www\\.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An identifier, path or formula shown as a Markdown code span: the text is literal inside it (no markup, no HTML), the
    /// fence is longer than any backtick run in the text, line breaks become spaces, <c>|</c> is escaped for tables and
    /// control characters are shown as <c>\xNN</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Markdown.</returns>
    public static string MarkdownCode(string? text)
    {
        var shown = Terminal((text ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ')).Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        var run = 0;
        foreach (var c in shown)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = shown.StartsWith('`') || shown.EndsWith('`') || shown.Length == 0 ? " " : "";
        return fence + pad + shown + pad + fence;
    }

    /// <summary>
    /// Text for XML 1.0 (element text or attribute value, before the writer's own escaping of <c>&lt; &amp; "</c>):
    /// characters XML cannot hold (C0 controls other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates) are
    /// shown as <c>\xNN</c> / <c>\uNNNN</c> instead of breaking the document or being dropped.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>Text every XML writer accepts.</returns>
    public static string Xml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            sb.Append(c is >= '\uDC80' and <= '\uDCFF' ? "\\x" + ((int)c - 0xDC00).ToString("X2", CultureInfo.InvariantCulture)
                : c < 0x100 ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture)
                : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return sb?.ToString() ?? text;
    }
}
