using System.Text;
using GovStatsValidation.Readers.Schema;

namespace GovStatsValidation.Readers.Structure;

/// <summary>A printed variant of a format found in a text, and why.</summary>
/// <param name="Schema">The variant's reader schema.</param>
/// <param name="Reason">The header word and the row labels that follow it.</param>
/// <param name="Line">Source line of the header word.</param>
internal sealed record DetectedVariant(TableSchema Schema, string Reason, int Line);

/// <summary>
/// Finds the printed variant of a format (the pre-2019 table with a 历年累计 column) from a table's header: one of the
/// variant's header words (its detection labels) printed right before the rows of a table the variant changes, with
/// only header text between them (column headers, a section row; no sentence), and at least two different rows of that
/// table following. A word in the narrative (历年累计公开信息…条。) is not a header.
/// </summary>
internal static class VariantDetector
{
    /// <summary>Compact characters allowed between the header word and the first row label (the other column headers,
    /// a section row such as 一、主动公开情况).</summary>
    private const int HeaderReach = 60;

    /// <summary>Compact characters after the first row label within which a second row of the table must be named.</summary>
    private const int RowsReach = 400;

    private const int MinLabel = 4;

    /// <summary>Compact characters before an extra column's header within which the current column's header must stand.</summary>
    private const int CurrentHeaderReach = 12;

    public static DetectedVariant? Detect(SourceText text, TableSchema schema)
    {
        if (schema.Variants.Count == 0)
        {
            return null;
        }

        var (all, lines) = Compact(text);
        foreach (var variant in schema.Variants)
        {
            if (Detect(all, lines, variant) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static DetectedVariant? Detect(string all, List<(int Offset, int Line)> lines, TableSchema variant)
    {
        // The rows of the tables the variant prints with more value columns.
        var keys = variant.Tables.Where(t => t.Columns.Any(c => c.KeepsRowId)).SelectMany(t => t.ValueRows)
            .SelectMany(r => r.Labels.Select(l => (Row: r, Key: LabelMatcher.NormalizeLabel(l))))
            .Where(k => k.Key.Length >= MinLabel).DistinctBy(k => (k.Row.Id, k.Key)).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        // The variant's own header words (历年累计), and the other printed headers of its extra columns (累计数), these only
        // beside a header of the current column (本年数 累计数): a short word alone is not taken for a header.
        var tables = variant.Tables.Where(t => t.Columns.Any(c => c.KeepsRowId)).ToList();
        var detect = variant.VariantDetect.Select(LabelMatcher.NormalizeLabel).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        var currentHeaders = tables.SelectMany(t => t.Columns.Where(c => c.KeepsRowId)).SelectMany(c => c.Labels).Select(LabelMatcher.NormalizeLabel).Where(w => w.Length > 0).Distinct().ToList();
        var words = detect.Select(w => (Word: w, NeedsCurrent: false))
            .Concat(tables.SelectMany(t => t.Columns.Where(c => !c.KeepsRowId)).SelectMany(c => c.Labels).Select(LabelMatcher.NormalizeLabel)
                .Where(w => w.Length > 0 && !detect.Contains(w)).Distinct().Select(w => (Word: w, NeedsCurrent: true)))
            .ToList();
        foreach (var (word, needsCurrent) in words)
        {
            for (var at = all.IndexOf(word, StringComparison.Ordinal); at >= 0; at = all.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                if (needsCurrent && !NamesCurrentColumn(all[Math.Max(0, at - CurrentHeaderReach)..at], currentHeaders))
                {
                    continue;
                }

                var from = at + word.Length;
                var region = all.Substring(from, Math.Min(HeaderReach + RowsReach, all.Length - from));
                var hits = keys.Select(k => (k.Row, k.Key, At: region.IndexOf(k.Key, StringComparison.Ordinal))).Where(h => h.At >= 0).OrderBy(h => h.At).ToList();
                if (hits.Count == 0 || hits[0].At > HeaderReach || IsProse(region[..hits[0].At]))
                {
                    continue;
                }

                var first = hits[0];
                var rows = hits.Where(h => h.At - first.At <= RowsReach).Select(h => h.Row).Distinct().ToList();
                if (rows.Count < 2)
                {
                    continue;
                }

                var line = LineOf(lines, at);
                var shown = string.Join("、", hits.Where(h => rows.Contains(h.Row)).DistinctBy(h => h.Row.Id).Take(3).Select(h => h.Key));
                return new DetectedVariant(variant,
                    $"header '{word}' at line {line} before the rows of table {first.Row.Table.Id} ({shown}…): printed as variant {variant.Variant}", line);
            }
        }

        return null;
    }

    /// <summary>A current column's header in the text before an extra column's header: one of its labels of three or more
    /// characters (本年度, 本年数), or a year's (2014年度); a shorter label (年度) may be any word's part (年度报告).</summary>
    private static bool NamesCurrentColumn(string before, IReadOnlyList<string> currentHeaders)
    {
        if (currentHeaders.Any(h => h.Length >= 3 && before.Contains(h, StringComparison.Ordinal)))
        {
            return true;
        }

        for (var i = 0; i + 5 < before.Length; i++)
        {
            if (char.IsAsciiDigit(before[i]) && char.IsAsciiDigit(before[i + 1]) && char.IsAsciiDigit(before[i + 2]) && char.IsAsciiDigit(before[i + 3])
                && before[i + 4] == '年' && before[i + 5] == '度' && (i == 0 || !char.IsAsciiDigit(before[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text between a header word and the first row that is a sentence, not headers.</summary>
    private static bool IsProse(string between) =>
        between.IndexOfAny(['。', ',', ';', '，', '；', '!', '?']) >= 0;

    private static (string All, List<(int Offset, int Line)> Lines) Compact(SourceText text)
    {
        var sb = new StringBuilder();
        var lines = new List<(int, int)>();
        for (var n = 1; n <= text.LineCount; n++)
        {
            lines.Add((sb.Length, text.OriginalLineNumber(n)));
            sb.Append(Compact(text.GetNormalizedLine(n)));
        }

        return (sb.ToString(), lines);
    }

    /// <summary>A line in the compact form the labels are matched in (white space removed, full-width colon and brackets mapped).</summary>
    private static string Compact(string line) => LabelMatcher.MatchPunctuation(TextNormalizer.NormalizeCompact(line));

    private static int LineOf(List<(int Offset, int Line)> lines, int offset)
    {
        var line = lines.Count > 0 ? lines[0].Line : 1;
        foreach (var (o, l) in lines)
        {
            if (o > offset)
            {
                break;
            }

            line = l;
        }

        return line;
    }
}
