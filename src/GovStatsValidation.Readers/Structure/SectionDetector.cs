using GovStatsValidation.Readers.Schema;

namespace GovStatsValidation.Readers;

/// <summary>A top-level numbered heading (一、 … 六、, 七、 in older reports).</summary>
/// <param name="Number">The heading's number; inferred from the previous heading when the numeral is missing.</param>
/// <param name="Numeral">The numeral as printed (一, 二, …), or null when it was lost (<c>、主动公开情况</c>).</param>
/// <param name="Title">Heading text after the numeral and 、.</param>
/// <param name="Line">Source line.</param>
public sealed record ReportSection(int Number, string? Numeral, string Title, int Line)
{
    /// <summary>True when the numeral was missing and <see cref="Number"/> was inferred.</summary>
    public bool NumeralMissing { get; init; }

    /// <summary>True when numbering restarted here (e.g. 一…六 then 一 again).</summary>
    public bool Restarted { get; init; }

    /// <summary>Why this line was taken as a heading.</summary>
    public string Reason { get; init; } = "";
}

internal static class SectionDetector
{
    private const int MaxHeadingLength = 50;

    /// <summary>True for <c>一、…</c> style headings (trimmed, normalised line).</summary>
    public static bool IsTopLevelHeading(string trimmed) => ParseHeading(trimmed) is not null || IsHeadingWithoutNumeral(trimmed);

    private static (int Number, string Numeral, string Title)? ParseHeading(string trimmed)
    {
        var compact = TextNormalizer.NormalizeCompact(trimmed);
        if (compact.Length < 3 || compact.Length > MaxHeadingLength)
        {
            return null;
        }

        var i = 0;
        while (i < compact.Length && i < 3 && LabelMatcher.ChineseNumeralValue(compact[i]) > 0)
        {
            i++;
        }

        if (i == 0 || i >= compact.Length || compact[i] != '、')
        {
            return null;
        }

        var title = compact[(i + 1)..];
        if (title.Length < 2 || !CellText.ContainsCjk(title) || title.TrimEnd('。').Contains('。'))
        {
            return null;
        }

        var numeral = compact[..i];
        var value = NumeralValue(numeral);
        return value <= 0 ? null : (value, numeral, title);
    }

    private static bool IsHeadingWithoutNumeral(string trimmed)
    {
        var compact = TextNormalizer.NormalizeCompact(trimmed);
        return compact.Length >= 3 && compact.Length <= 30 && compact[0] == '、' && CellText.ContainsCjk(compact) && !compact.Contains('。');
    }

    /// <summary>Value of 一…九十九 written as Chinese numerals.</summary>
    internal static int NumeralValue(string numeral)
    {
        if (numeral.Length == 1)
        {
            return LabelMatcher.ChineseNumeralValue(numeral[0]);
        }

        if (numeral.Length == 2 && numeral[0] == '十')
        {
            return 10 + LabelMatcher.ChineseNumeralValue(numeral[1]);
        }

        if (numeral.Length == 2 && numeral[1] == '十')
        {
            return LabelMatcher.ChineseNumeralValue(numeral[0]) * 10;
        }

        if (numeral.Length == 3 && numeral[1] == '十')
        {
            return (LabelMatcher.ChineseNumeralValue(numeral[0]) * 10) + LabelMatcher.ChineseNumeralValue(numeral[2]);
        }

        return -1;
    }

    public static List<ReportSection> Detect(SourceText text, IReadOnlyList<RawTable> tables, List<ReaderDiagnostic> diagnostics, IReadOnlySet<int>? labelLines = null)
    {
        var sections = new List<ReportSection>();
        var previous = 0;
        // Lines that are table rows (not whole table ranges: mangled tables interleave headings).
        var rowLines = new HashSet<int>(tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Line));
        for (var n = 1; n <= text.LineCount; n++)
        {
            var line = text.OriginalLineNumber(n);
            if (rowLines.Contains(line) || (labelLines?.Contains(line) ?? false))
            {
                continue;
            }

            var trimmed = text.GetNormalizedLine(n).Trim(' ', '\t', '\f');
            if (trimmed.Length == 0 || (LabelMatcher.ChineseNumeralValue(trimmed[0]) < 0 && trimmed[0] != '、'))
            {
                continue; // cheap pre-check: headings start with a numeral or a lone 、
            }

            if (ParseHeading(trimmed) is { } h)
            {
                if (previous > 0 && h.Number <= previous && tables.Any(t => line > t.FirstLine && line < t.LastLine))
                {
                    diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "heading-in-table",
                        $"Line {line} ('{trimmed}') looks like a heading but lies inside a table and breaks the numbering; taken as a table fragment.", line));
                    continue;
                }

                var restarted = previous > 0 && h.Number <= previous;
                if (restarted)
                {
                    diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "section-numbering-restarted",
                        $"Section numbering restarts at line {line} ({h.Numeral}、{h.Title}) after section {previous}.", line));
                }
                else if (previous > 0 && h.Number > previous + 1)
                {
                    diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "section-numbering-gap",
                        $"Section numbering jumps from {previous} to {h.Number} at line {line}.", line));
                }

                sections.Add(new ReportSection(h.Number, h.Numeral, h.Title, line)
                {
                    Restarted = restarted,
                    Reason = restarted ? "numbered heading; numbering restarted" : "numbered heading",
                });
                previous = h.Number;
            }
            else if (IsHeadingWithoutNumeral(trimmed))
            {
                var title = TextNormalizer.NormalizeCompact(trimmed)[1..];
                diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "section-numeral-missing",
                    $"Heading at line {line} lost its numeral ('、{title}'); taken as section {previous + 1}.", line));
                sections.Add(new ReportSection(previous + 1, null, title, line)
                {
                    NumeralMissing = true,
                    Reason = "short line starting with 、: a heading whose numeral was lost; number inferred from the previous heading",
                });
                previous++;
            }
        }

        return sections;
    }
}
