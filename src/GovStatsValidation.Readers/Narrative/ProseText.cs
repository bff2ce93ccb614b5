using System.Text;
using System.Text.RegularExpressions;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// The text the narrative reader needs: original lines by 1-based number. Plain UTF-8 lines today
/// (<see cref="LineListText"/>); the readers' SourceText adapts to it in one line.
/// </summary>
internal interface INarrativeText
{
    int LineCount { get; }

    /// <summary>The original text of a 1-based line.</summary>
    string Line(int number);

    /// <summary>The line number in the source document (differs from <paramref name="number"/> for text taken from HTML or Word).</summary>
    int SourceLine(int number) => number;
}

/// <summary>Lines held in a list.</summary>
internal sealed class LineListText(IReadOnlyList<string> lines) : INarrativeText
{
    public int LineCount => lines.Count;

    public string Line(int number) => lines[number - 1];
}

/// <summary>The readers' <see cref="SourceText"/> as narrative text.</summary>
internal sealed class SourceTextNarrative(SourceText text) : INarrativeText
{
    public int LineCount => text.LineCount;

    public string Line(int number) => text.GetOriginalLine(number);

    public int SourceLine(int number) => text.OriginalLineNumber(number);
}

/// <summary>
/// One paragraph of prose, lines joined (PDF text wraps sentences over lines and page numbers), widths folded
/// (full-width digits and punctuation to ASCII) and spaces removed, with the source line and column of every character.
/// </summary>
internal sealed class ProseParagraph
{
    public required string Text { get; init; }

    /// <summary>The same paragraph with runs of spaces kept as one space (for blanks such as 共计  条).</summary>
    public required string Spaced { get; init; }

    public required int[] Lines { get; init; }

    public required int[] Columns { get; init; }

    public required int[] SpacedLines { get; init; }

    public required int[] SpacedColumns { get; init; }

    /// <summary>The paragraph's lines as printed (not folded, spaces kept).</summary>
    public required string[] RawLines { get; init; }

    /// <summary>For every character of <see cref="Text"/>, the index of its line in <see cref="RawLines"/>.</summary>
    public required int[] Entries { get; init; }

    /// <summary>For every character of <see cref="Spaced"/>, the index of its line in <see cref="RawLines"/>.</summary>
    public required int[] SpacedEntries { get; init; }

    /// <summary>The heading title of the top-level section the paragraph is in, or null before the first heading.</summary>
    public string? SectionTitle { get; init; }

    /// <summary>
    /// The printed text of <c>Text[start..end]</c>: the original characters (full-width punctuation, spaces) from the
    /// first character to the last, across lines; spaces at the ends and where lines join are dropped.
    /// </summary>
    public string Original(int start, int end) => Slice(Text, Entries, Columns, start, end);

    /// <summary>The printed text of <c>Spaced[start..end]</c> (see <see cref="Original"/>).</summary>
    public string OriginalSpaced(int start, int end) => Slice(Spaced, SpacedEntries, SpacedColumns, start, end);

    private string Slice(string folded, int[] entries, int[] columns, int start, int end)
    {
        start = Math.Max(0, start);
        end = Math.Min(folded.Length, end);
        while (start < end && char.IsWhiteSpace(folded[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(folded[end - 1]))
        {
            end--;
        }

        if (start >= end)
        {
            return "";
        }

        // Columns are 1-based indexes into the raw line: the first character starts at column-1, the last ends at its column.
        int first = entries[start], firstColumn = columns[start] - 1, last = entries[end - 1], lastColumn = columns[end - 1];
        if (first == last)
        {
            return RawLines[first][firstColumn..lastColumn];
        }

        var sb = new StringBuilder(RawLines[first][firstColumn..].TrimEnd());
        for (var e = first + 1; e < last; e++)
        {
            sb.Append(RawLines[e].Trim());
        }

        sb.Append(RawLines[last][..lastColumn].TrimStart());
        return sb.ToString();
    }

    public int FirstLine => Lines.Length > 0 ? Lines[0] : 0;
}

/// <summary>Splits a text into prose paragraphs; table lines, headings and page numbers are not prose.</summary>
internal static partial class ProseBuilder
{
    [GeneratedRegex(@"^[\s\-—–_]*(?:第\s*\d+\s*页|\d{1,3})[\s\-—–_]*(?:共\s*\d+\s*页)?$", RegexOptions.NonBacktracking)]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|、)", RegexOptions.NonBacktracking)]
    private static partial Regex TopHeadingRegex();

    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}\s*[、.．](?:\D|$))", RegexOptions.NonBacktracking)]
    private static partial Regex SubHeadingRegex();

    /// <summary>A line that looks like a table row: tabs between cells, pipes, or three or more numbers separated by wide spaces.</summary>
    [GeneratedRegex(@"\t|\||(?:\S+\s{2,}){2,}\d", RegexOptions.NonBacktracking)]
    private static partial Regex TableLineRegex();

    public static IReadOnlyList<ProseParagraph> Build(INarrativeText text, IReadOnlyList<(int Line, string Title)> sections)
    {
        var result = new List<ProseParagraph>();
        var current = new List<(int Line, string Text)>();
        string? sectionTitle = null;
        var sectionIndex = 0;
        var ordered = sections.OrderBy(s => s.Line).ToList();

        void Flush()
        {
            if (current.Count > 0)
            {
                result.Add(Make(current, sectionTitle));
                current.Clear();
            }
        }

        for (var n = 1; n <= text.LineCount; n++)
        {
            while (sectionIndex < ordered.Count && StartsAt(ordered[sectionIndex], text, n))
            {
                Flush();
                sectionTitle = ordered[sectionIndex].Title;
                sectionIndex++;
            }

            var line = text.Line(n);
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                // A blank line ends a paragraph only when the sentence is complete (PDF text puts blank lines inside sentences).
                if (current.Count > 0 && EndsSentence(current[^1].Text))
                {
                    Flush();
                }

                continue;
            }

            if (PageNumberRegex().IsMatch(trimmed))
            {
                continue;
            }

            if (TableLineRegex().IsMatch(line.TrimStart()) || !HasCjk(trimmed))
            {
                Flush();
                continue;
            }

            var heading = TopHeadingRegex().IsMatch(trimmed) || SubHeadingRegex().IsMatch(trimmed);
            if (heading)
            {
                Flush();
            }

            current.Add((text.SourceLine(n), line));
            if (heading && trimmed.Length < 40 && !trimmed.Contains('。'))
            {
                // A heading on its own line is its own paragraph.
                Flush();
            }
        }

        Flush();
        return result;
    }

    private static bool HasCjk(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsSentence(string s)
    {
        var t = s.TrimEnd();
        return t.Length == 0 || t[^1] is '。' or '；' or '！' or '？' or '：' or ';' or ':' or '!' or '?' or '”' && t.Length > 1 && t[^2] == '。';
    }

    private static ProseParagraph Make(List<(int Line, string Text)> lines, string? sectionTitle)
    {
        var compact = new StringBuilder();
        var spaced = new StringBuilder();
        var cl = new List<int>();
        var cc = new List<int>();
        var sl = new List<int>();
        var sc = new List<int>();
        var ce = new List<int>();
        var se = new List<int>();
        for (var entry = 0; entry < lines.Count; entry++)
        {
            var (lineNo, raw) = lines[entry];
            for (var i = 0; i < raw.Length; i++)
            {
                var c = Fold(raw[i]);
                if (char.IsWhiteSpace(c))
                {
                    if (spaced.Length > 0 && spaced[^1] != ' ')
                    {
                        spaced.Append(' ');
                        sl.Add(lineNo);
                        sc.Add(i + 1);
                        se.Add(entry);
                    }

                    // Keep a space only between two ASCII letters (URLs, English words); Chinese prose has none.
                    if (compact.Length > 0 && char.IsAsciiLetter(compact[^1]) && i + 1 < raw.Length && char.IsAsciiLetter(Fold(raw[i + 1])) && compact[^1] != ' ')
                    {
                        compact.Append(' ');
                        cl.Add(lineNo);
                        cc.Add(i + 1);
                        ce.Add(entry);
                    }

                    continue;
                }

                compact.Append(c);
                cl.Add(lineNo);
                cc.Add(i + 1);
                ce.Add(entry);
                spaced.Append(c);
                sl.Add(lineNo);
                sc.Add(i + 1);
                se.Add(entry);
            }
        }

        return new ProseParagraph
        {
            Text = compact.ToString(),
            Spaced = spaced.ToString(),
            Lines = [.. cl],
            Columns = [.. cc],
            SpacedLines = [.. sl],
            SpacedColumns = [.. sc],
            RawLines = [.. lines.Select(l => l.Text)],
            Entries = [.. ce],
            SpacedEntries = [.. se],
            SectionTitle = sectionTitle,
        };
    }

    /// <summary>Folds full-width ASCII forms and the ideographic space; other characters (、。“”) are kept.</summary>
    internal static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' => ' ',
        '\u2014' or '\u2013' => c,
        _ => c,
    };

    /// <summary>
    /// Whether a section begins at (or before) line <paramref name="n"/>. Sections are known by source line; where many
    /// lines of the text share one source line (a web page saved with its whole content on one line) the heading is
    /// the first of those lines that holds its title.
    /// </summary>
    private static bool StartsAt((int Line, string Title) section, INarrativeText text, int n)
    {
        var source = text.SourceLine(n);
        if (section.Line != source)
        {
            return section.Line < source;
        }

        var title = TextNormalizer.NormalizeCompact(section.Title);
        return title.Length == 0 || TextNormalizer.NormalizeCompact(text.Line(n)).Contains(title, StringComparison.Ordinal)
            || (n < text.LineCount && text.SourceLine(n + 1) != source);
    }

    /// <summary>Detects top-level headings when the report carries none (a numeral and 、, or a 、 that lost its numeral).</summary>
    public static IReadOnlyList<(int Line, string Title)> DetectHeadings(INarrativeText text)
    {
        var list = new List<(int, string)>();
        for (var n = 1; n <= text.LineCount; n++)
        {
            var t = text.Line(n).Trim();
            if (t.Length is > 2 and < 40 && TopHeadingRegex().IsMatch(t) && !t.Contains('。') && !t.Contains('\t') && !t.Contains('|'))
            {
                list.Add((text.SourceLine(n), t));
            }
        }

        return list;
    }
}
