namespace GovStatsValidation.Readers;

/// <summary>Normalisation of report text for matching (the original text is always kept alongside).</summary>
public static class TextNormalizer
{
    /// <summary>Normalises one line for matching: full-width ASCII (digits, letters, punctuation) to half-width,
    /// U+3000 and NBSP to space, “” and ‘’ to ASCII quotes, 【】 to []. 、 and 。 are kept. The length may shrink
    /// only when the input contains surrogate pairs (never here): one output char per input char.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text (the same instance when nothing changed).</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length && Map(text[i]) == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, s) =>
        {
            for (var k = 0; k < s.Length; k++)
            {
                span[k] = Map(s[k]);
            }
        });
    }

    /// <summary>Maps one character to its matching form.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The normalised character.</returns>
    public static char Map(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u205F' => ' ',
            '\u201C' or '\u201D' or '\u300C' or '\u300D' => '"',
            '\u2018' or '\u2019' => '\'',
            '\u3010' => '[',
            '\u3011' => ']',
            '\u2212' or '\uFE63' => '-',
            _ => c,
        };
    }

    /// <summary>True for spaces, tabs and the characters mapped to space.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it is white space.</returns>
    public static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\f' || c == '\v' || (c > 0x7F && char.IsWhiteSpace(c));

    /// <summary>Removes all white space (after normalising).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Normalised text without white space.</returns>
    public static string NormalizeCompact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Map(c) != c || IsSpace(c) || c == '\r' || c == '\n')
            {
                break;
            }

            i++;
        }

        if (i == text.Length)
        {
            return text; // nothing to change: no allocation
        }

        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan(0, i).CopyTo(buffer);
        var n = i;
        for (; i < text.Length; i++)
        {
            var c = Map(text[i]);
            if (!IsSpace(c) && c != '\r' && c != '\n')
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }
}

/// <summary>A report's text as lines: the original lines (numbered as in the file, 1-based) and their normalised form.</summary>
/// <remarks>Line breaks \r\n, \n and \r are all recognised. Normalised lines correspond one to one with original lines;
/// when a reader builds the text from another document (HTML, Word), <see cref="OriginalLineNumber"/> maps back to the source.</remarks>
public sealed class SourceText
{
    private readonly string[] _original;
    private readonly string[] _normalized;
    private readonly int[] _sourceLines;

    private SourceText(string[] original, int[] sourceLines)
    {
        _original = original;
        _sourceLines = sourceLines;
        _normalized = new string[original.Length];
        for (var i = 0; i < original.Length; i++)
        {
            _normalized[i] = TextNormalizer.Normalize(original[i]);
        }
    }

    /// <summary>True when line numbers of this text are the source line numbers (plain text input).</summary>
    public bool IsIdentityMapped { get; private init; }

    /// <summary>Number of lines.</summary>
    public int LineCount => _original.Length;

    /// <summary>Splits text into lines.</summary>
    /// <param name="text">The text (a leading BOM character is ignored).</param>
    /// <returns>The source text.</returns>
    public static SourceText FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var numbers = new int[lines.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = i + 1;
        }

        return new SourceText(lines, numbers) { IsIdentityMapped = true };
    }

    /// <summary>Builds a text from lines taken from another document, each with its line number in that document.</summary>
    /// <param name="lines">Lines and their source line numbers.</param>
    /// <returns>The source text.</returns>
    public static SourceText FromLines(IEnumerable<(string Text, int SourceLine)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        return new SourceText(list.Select(l => l.Text).ToArray(), list.Select(l => l.SourceLine).ToArray());
    }

    /// <summary>The original line (1-based <paramref name="lineNumber"/>, without its line break).</summary>
    /// <param name="lineNumber">1-based index into this text.</param>
    /// <returns>The line as in the file.</returns>
    public string GetOriginalLine(int lineNumber) => _original[lineNumber - 1];

    /// <summary>The normalised line (1-based).</summary>
    /// <param name="lineNumber">1-based index into this text.</param>
    /// <returns>The normalised line.</returns>
    public string GetNormalizedLine(int lineNumber) => _normalized[lineNumber - 1];

    /// <summary>Maps a line of this text (1-based) to its line number in the source document.</summary>
    /// <param name="lineNumber">1-based index into this text.</param>
    /// <returns>The line number in the source file.</returns>
    public int OriginalLineNumber(int lineNumber) => _sourceLines[lineNumber - 1];

    /// <summary>All original lines.</summary>
    public IReadOnlyList<string> OriginalLines => _original;

    /// <summary>All normalised lines.</summary>
    public IReadOnlyList<string> NormalizedLines => _normalized;

    internal static string[] SplitLines(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var lines = new List<string>();
        var i = start;
        var lineStart = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                lines.Add(text.Substring(lineStart, i - lineStart));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                i++;
                lineStart = i;
                continue;
            }

            i++;
        }

        if (lineStart < text.Length)
        {
            lines.Add(text[lineStart..]);
        }

        return lines.ToArray();
    }
}
