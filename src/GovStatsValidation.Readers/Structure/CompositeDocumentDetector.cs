using System.Globalization;
using System.Text.RegularExpressions;
using GovStatsValidation.Readers.Schema;

namespace GovStatsValidation.Readers.Structure;

/// <summary>
/// Recognises a document that holds more than one annual report, such as a comparison printout that sets two years'
/// reports side by side: its tables would mix two reports' cells, so it must not be checked as one report.
/// Two signs, each enough on its own:
/// <list type="bullet">
/// <item>side by side: on two or more lines, one of the format's table row labels is printed twice (two copies of the
/// same table next to each other);</item>
/// <item>one after the other: headings name two different report years (<c>2023 年报告</c>, <c>2024年度报告</c>) and a
/// table row label starts a line in two separate places (two copies of the same table).</item>
/// </list>
/// </summary>
internal static partial class CompositeDocumentDetector
{
    /// <summary>Row labels shorter than this (compact) are too generic to count (总计, 其他, 维持…).</summary>
    private const int MinLabelLength = 8;

    /// <summary>Why the text is not one annual report, or null when nothing says so.</summary>
    /// <param name="text">The text (for HTML/Word: the rendered lines).</param>
    /// <param name="schemas">The table schemas whose row labels are looked for.</param>
    /// <returns>The reason with the lines it rests on, or null.</returns>
    public static (string Reason, int Line)? Detect(SourceText text, IReadOnlyList<TableSchema> schemas)
    {
        var labels = schemas.SelectMany(s => s.AllRows).SelectMany(r => r.Labels)
            .Select(TextNormalizer.NormalizeCompact)
            .Select(StripNumbering)
            .Where(l => l.Length >= MinLabelLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var sideBySide = new List<(int Line, string Label)>();
        var lineStarts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var years = new SortedDictionary<int, int>();
        for (var n = 1; n <= text.LineCount; n++)
        {
            var compact = TextNormalizer.NormalizeCompact(text.GetNormalizedLine(n));
            if (compact.Length <= 30 && ReportYearHeading().Match(compact) is { Success: true } m)
            {
                years.TryAdd(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), text.OriginalLineNumber(n));
            }

            if (compact.Length < MinLabelLength)
            {
                continue;
            }

            foreach (var label in labels)
            {
                var first = compact.IndexOf(label, StringComparison.Ordinal);
                if (first < 0)
                {
                    continue;
                }

                if (compact.IndexOf(label, first + label.Length, StringComparison.Ordinal) >= 0)
                {
                    sideBySide.Add((text.OriginalLineNumber(n), label));
                }

                if (StripNumbering(compact).StartsWith(label, StringComparison.Ordinal))
                {
                    (lineStarts.TryGetValue(label, out var list) ? list : lineStarts[label] = []).Add(text.OriginalLineNumber(n));
                }
            }
        }

        if (sideBySide.Select(s => s.Label).Distinct().Count() >= 2)
        {
            var lines = sideBySide.Select(s => s.Line).Distinct().ToList();
            return (string.Create(CultureInfo.InvariantCulture,
                $"two copies of the same table side by side: row labels such as \"{sideBySide[0].Label}\" are printed twice on one line (lines {string.Join(", ", lines.Take(5))}{(lines.Count > 5 ? ", …" : "")}); this looks like a comparison of two reports, not one annual report"),
                lines[0]);
        }

        var repeated = lineStarts.Where(kv => kv.Value.Count >= 2 && kv.Value[^1] - kv.Value[0] >= 3).OrderBy(kv => kv.Value[0]).ToList();
        if (years.Count >= 2 && repeated.Count > 0)
        {
            var (label, at) = (repeated[0].Key, repeated[0].Value);
            return (string.Create(CultureInfo.InvariantCulture,
                $"headings name {years.Count} report years ({string.Join(", ", years.Select(y => $"{y.Key} at line {y.Value}"))}) and the table row \"{label}\" is printed {at.Count} times (lines {string.Join(", ", at.Take(5))}); this holds more than one report (e.g. a comparison printout), not one annual report"),
                years.First().Value);
        }

        return null;
    }

    private static string StripNumbering(string compact)
    {
        var i = 0;
        while (i < compact.Length && (compact[i] is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '、' or '(' or ')' or '.' || char.IsAsciiDigit(compact[i])))
        {
            i++;
        }

        return i < compact.Length ? compact[i..] : compact;
    }

    /// <summary>A heading that is a report year and nothing else of substance: 2023年报告, 2024年度报告, 2023年政府信息公开工作年度报告.</summary>
    [GeneratedRegex(@"^((?:19|20)\d\d)年(?:度)?(?:政府信息公开工作)?(?:年度)?报告$", RegexOptions.NonBacktracking)]
    private static partial Regex ReportYearHeading();
}
