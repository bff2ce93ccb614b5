using System.Globalization;
using System.Text;
using GovStatsValidation.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.CrossReport.Facts;

/// <summary>
/// Reads labelled figures from report prose, sentence by sentence: each number with a unit, the clause words before it
/// (leading verbs and frames removed) or, after a classifier unit (38个部门), the noun after it; the period is a year named
/// earlier in the sentence, else the report year. Approximate figures (70余条, 约100) are left out. Independent of the
/// table readers; the words are data (<c>rules/cross/facts.json</c>).
/// </summary>
public sealed class FactExtractor
{
    private readonly string[] _units;
    private readonly HashSet<string> _classifiers;
    private readonly HashSet<char> _clauseBreaks;
    private readonly HashSet<char> _segmentBreaks;
    private readonly HashSet<char> _sentenceBreaks;
    private readonly string[] _leading;
    private readonly string[] _cutAfter;
    private readonly string[] _stop;
    private readonly string[] _approximateAfter;
    private readonly string[] _approximateBefore;
    private readonly int _minLabel;

    private const string EmbeddedName = "rules/cross/facts.json";

    private FactExtractor(DataFile file)
    {
        var lexicon = file.Root ?? [];
        file.CheckProperties(lexicon, null, "units", "classifierUnits", "clauseBreaks", "segmentBreaks", "sentenceBreaks", "leadingWords", "cutAfterWords",
            "stopWords", "approximateMarks", "approximateBefore", "minLabelLength");
        string[] Strings(string name) => [.. file.GetStrings(lexicon, name, null)];
        char[] Characters(string name)
        {
            var result = new List<char>();
            foreach (var element in lexicon[name] as JArray ?? [])
            {
                if (element.Type == JTokenType.String && ((string)element!).Length == 1)
                {
                    result.Add(((string)element!)[0]);
                }
                else if (element.Type == JTokenType.String)
                {
                    file.Report(element, null, $"each element of '{name}' must be one character");
                }
            }

            _ = file.GetStrings(lexicon, name, null);
            return [.. result];
        }

        _units = Strings("units").OrderByDescending(u => u.Length).ToArray();
        _classifiers = [.. Strings("classifierUnits")];
        _clauseBreaks = [.. Characters("clauseBreaks")];
        _segmentBreaks = [.. Characters("segmentBreaks")];
        _sentenceBreaks = [.. Characters("sentenceBreaks")];
        _leading = Strings("leadingWords").OrderByDescending(w => w.Length).ToArray();
        _cutAfter = Strings("cutAfterWords").OrderByDescending(w => w.Length).ToArray();
        _stop = Strings("stopWords").OrderByDescending(w => w.Length).ToArray();
        _approximateAfter = Strings("approximateMarks");
        _approximateBefore = Strings("approximateBefore");
        _minLabel = file.GetInteger(lexicon, "minLabelLength", null) ?? 2;
        if (_units.Any(u => u.Length == 0))
        {
            file.Report(lexicon["units"], null, "a unit may not be empty");
        }
    }

    /// <summary>The extractor with the built-in word lists.</summary>
    public static FactExtractor BuiltIn { get; } = Read(DataFile.ReadEmbedded(typeof(FactExtractor).Assembly, EmbeddedName));

    /// <summary>Reads a word-list file written as <c>rules/cross/facts.json</c> is.</summary>
    /// <exception cref="DataFileLoadException">The file has problems; every one is listed with its line.</exception>
    internal static FactExtractor Parse(string json, string fileName) => Read(DataFile.Parse(json, fileName));

    private static FactExtractor Read(DataFile file)
    {
        var extractor = new FactExtractor(file);
        file.ThrowIfAny();
        return extractor;
    }

    /// <summary>Reads the labelled figures of a text.</summary>
    /// <param name="text">The report text.</param>
    /// <param name="reportYear">The year figures are about when the sentence names none.</param>
    public IReadOnlyList<StatedFact> Extract(string text, int reportYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        var facts = new List<StatedFact>();
        var normal = Fold(text);
        var line = 1;
        var sentenceStart = 0;
        var segmentHead = (string?)null;
        var segmentFirst = true;
        var segment = 0;
        var clauseStart = 0;
        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i];
            if (c == '\n')
            {
                line++;
            }

            if (_sentenceBreaks.Contains(c))
            {
                sentenceStart = i + 1;
            }

            if (_segmentBreaks.Contains(c))
            {
                segment++;
                segmentHead = null;
                segmentFirst = true;
            }

            if (_clauseBreaks.Contains(c))
            {
                clauseStart = i + 1;
                continue;
            }

            if (!char.IsAsciiDigit(c) || (i > 0 && (char.IsAsciiDigit(normal[i - 1]) || normal[i - 1] == '.')))
            {
                continue;
            }

            // A number: digits, thousands separators, a decimal part.
            var end = i;
            while (end < normal.Length && (char.IsAsciiDigit(normal[end]) || (normal[end] is ',' or '.' && end + 1 < normal.Length && char.IsAsciiDigit(normal[end + 1]))))
            {
                end++;
            }

            var numberText = normal[i..end].Replace(",", "", StringComparison.Ordinal);
            var after = end;
            while (after < normal.Length && normal[after] == ' ')
            {
                after++;
            }

            var approximate = _approximateAfter.FirstOrDefault(m => string.CompareOrdinal(normal, after, m, 0, m.Length) == 0);
            if (approximate is not null)
            {
                after += approximate.Length;
            }

            var unit = _units.FirstOrDefault(u => string.CompareOrdinal(normal, after, u, 0, u.Length) == 0);
            var isDate = after < normal.Length && normal[after] is '年' or '月' or '日' or '号' or '时';
            if (unit is null || isDate || !decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                i = end - 1;
                continue;
            }

            var unitEnd = after + unit.Length;
            var before = normal[clauseStart..i];
            var isApproximate = approximate is not null || _approximateBefore.Any(w => before.EndsWith(w, StringComparison.Ordinal));
            var label = Label(before);
            if (_classifiers.Contains(unit) || label.Length < _minLabel)
            {
                var noun = Noun(normal, unitEnd);
                if (noun.Length >= _minLabel && (_classifiers.Contains(unit) || label.Length < _minLabel))
                {
                    label = noun;
                }
            }

            var period = Period(normal, sentenceStart, i) ?? reportYear;
            if (!isApproximate && label.Length >= _minLabel)
            {
                var head = segmentFirst ? null : segmentHead;
                if (facts.Count > 0 && facts[^1].Segment == segment)
                {
                    facts[^1] = facts[^1] with { Next = label };
                }

                facts.Add(new StatedFact(label, head, value, unit, period, line, normal[Math.Max(clauseStart, i - 24)..unitEnd].Trim()) { Segment = segment });
                if (segmentFirst)
                {
                    segmentHead = label;
                    segmentFirst = false;
                }
            }

            clauseStart = unitEnd;
            i = unitEnd - 1;
        }

        return facts;
    }

    /// <summary>The label from the clause words before a number: frames up to the last strong verb removed, leading verbs stripped.</summary>
    private string Label(string before)
    {
        var text = before.Trim();
        foreach (var cut in _cutAfter)
        {
            var at = text.LastIndexOf(cut, StringComparison.Ordinal);
            if (at >= 0 && at + cut.Length < text.Length)
            {
                text = text[(at + cut.Length)..];
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            if (text.Length > 5 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '年')
            {
                text = text[5..].StartsWith('度') ? text[6..] : text[5..];
                changed = true;
                continue;
            }

            foreach (var word in _leading)
            {
                if (text.Length > word.Length && text.StartsWith(word, StringComparison.Ordinal))
                {
                    text = text[word.Length..];
                    changed = true;
                    break;
                }
            }
        }

        return text;
    }

    /// <summary>The noun after a classifier unit, up to a clause break, a number or a stop word (已, 均, 在…).</summary>
    private string Noun(string text, int start)
    {
        var end = start;
        while (end < text.Length && !_clauseBreaks.Contains(text[end]) && !char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var noun = text[start..end];
        foreach (var stop in _stop)
        {
            var at = noun.IndexOf(stop, StringComparison.Ordinal);
            if (at > 0)
            {
                noun = noun[..at];
            }
        }

        return noun.Trim();
    }

    /// <summary>The last year (YYYY年) named in the sentence before a position.</summary>
    private static int? Period(string text, int sentenceStart, int position)
    {
        for (var i = position - 1; i >= sentenceStart + 3; i--)
        {
            if (text[i] == '年' && i >= 4 && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i - 4])
                && char.IsAsciiDigit(text[i - 2]) && char.IsAsciiDigit(text[i - 3]) && (i < 5 || !char.IsAsciiDigit(text[i - 5])))
            {
                var year = int.Parse(text.AsSpan(i - 4, 4), CultureInfo.InvariantCulture);
                if (year is >= 1990 and <= 2100)
                {
                    return year;
                }
            }
        }

        return null;
    }

    /// <summary>Folds full-width digits and punctuation that matter here; keeps the length so offsets and lines stay true.</summary>
    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                >= '０' and <= '９' => (char)(ch - '０' + '0'),
                '\r' => ' ',
                '．' => '.',
                '％' => '%',
                _ => ch,
            });
        }

        return sb.ToString();
    }
}
