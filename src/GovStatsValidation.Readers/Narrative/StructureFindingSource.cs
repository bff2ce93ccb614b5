using GovStatsValidation.Findings;
using GovStatsValidation.Model;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// Checks the section headings of a report read from a text (<see cref="AnnualReport.Sections"/>): a section the format
/// requires that is missing (an error when its required table is missing too, else a warning that its heading was not
/// found), a heading that lost its numeral, numbering that restarts or skips a numeral.
/// </summary>
public sealed class StructureFindingSource : IFindingSource
{
    private const string Numerals = "一二三四五六七八九十";
    private readonly NarrativeCheckSet _checks;

    /// <summary>A source with the given checks (default: the built-in ones).</summary>
    public StructureFindingSource(NarrativeCheckSet? checks = null) => _checks = checks ?? NarrativeCheckSet.Default;

    /// <inheritdoc/>
    public string Name => "structure";

    /// <inheritdoc/>
    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(findings);
        if (report.Sections.Count == 0)
        {
            return;
        }

        var sections = report.Sections.OrderBy(s => s.Line).ToList();
        var missing = RequiredSections(report, sections, findings);
        Numbering(sections, missing, report.SchemaDefinition.Sections.Count > 0, findings);
        EmptyProblems(sections, findings);
    }

    /// <summary>Words that say nothing when they are the whole of the problems section.</summary>
    private static readonly HashSet<string> NothingWords = new(StringComparer.Ordinal) { "", "无", "暂无", "没有", "无问题", "暂无问题", "无此情况", "暂无此情况" };

    /// <summary>Part 五 (存在的主要问题及改进情况) printed with nothing under it, or only 无/暂无 (a judgement: warning).</summary>
    private void EmptyProblems(List<Model.ReportSection> sections, ICollection<Finding> findings)
    {
        if (_checks.ForKind("section-empty") is not { } check)
        {
            return;
        }

        foreach (var section in sections.Where(s => s.SectionId == "problems" && s.Text is not null))
        {
            var words = new string(section.Text!.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && c is not ('。' or '，' or '；' or '：' or '、')).ToArray());
            if (!NothingWords.Contains(words))
            {
                continue;
            }

            var heading = $"{section.Numeral}、{section.Title}";
            var (zh, en) = words.Length == 0 ? ("下没有内容", "has nothing under it") : ($"只写了“{words}”", $"says only “{words}”");
            var args = new Dictionary<string, string>(StringComparer.Ordinal) { ["section"] = heading, ["detail"] = zh, ["numeral"] = section.Numeral ?? "" };
            var message = NarrativeCheck.Fill(check.Message, args);
            message = new LocalizedText(message.Zh, message.En.Replace(zh, en, StringComparison.Ordinal));
            findings.Add(new Finding
            {
                RuleId = check.Id,
                Severity = check.Severity,
                Title = check.Title,
                Message = message,
                Line = section.Line,
                Quote = section.Text!.Length == 0 ? heading : $"{heading} {section.Text}",
                Arguments = args,
                Instance = section.SectionId!,
            });
        }
    }

    private HashSet<string> RequiredSections(AnnualReport report, List<Model.ReportSection> sections, ICollection<Finding> findings)
    {
        var missingNumerals = new HashSet<string>(StringComparer.Ordinal);
        var schema = report.SchemaDefinition;
        foreach (var required in schema.Sections)
        {
            var words = _checks.SectionKeywords.TryGetValue(required.Id, out var k) ? k : [];
            var present = sections.Any(s => s.SectionId == required.Id
                || Title(s).Contains(required.Heading, StringComparison.Ordinal)
                || required.Variants.Any(v => Title(s).Contains(v, StringComparison.Ordinal))
                || words.Any(w => Title(s).Contains(w, StringComparison.Ordinal)));
            if (present)
            {
                continue;
            }

            // The section's content is missing when a table the format puts in it is missing too; otherwise only its heading is not found.
            var tables = schema.Tables.Where(t => t.SectionId == required.Id && t.IsRequired).ToList();
            var tableMissing = tables.Any(t => t.AllRows.SelectMany(r => r.Cells).All(c => !report.Cells.Contains(c.Id)));
            var check = _checks.ForKind(tableMissing ? "section-missing" : "section-heading-missing");
            if (check is null)
            {
                continue;
            }

            missingNumerals.Add(required.Numeral);
            var heading = $"{required.Numeral}、{required.Heading}";
            var neighbours = Neighbours(sections, required.Numeral);
            var args = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["section"] = heading,
                ["numeral"] = required.Numeral,
                ["detail"] = neighbours is null ? "" : $"（标题由“{neighbours.Value.Before}”跳至“{neighbours.Value.After}”）",
            };
            var message = NarrativeCheck.Fill(check.Message, args);
            if (neighbours is not null)
            {
                message = new LocalizedText(message.Zh, message.En.Replace(args["detail"], $" (headings jump from {neighbours.Value.Before} to {neighbours.Value.After})", StringComparison.Ordinal));
            }

            findings.Add(new Finding
            {
                RuleId = check.Id,
                Severity = check.Severity,
                Title = check.Title,
                Message = message,
                Line = neighbours?.Line,
                Arguments = args,
                Instance = required.Id,

                // The section's missing table is this finding's content: its table.missing finding would count it twice.
                Supersedes = tableMissing ? tables.Select(t => $"{GovStatsValidation.Schemas.SchemaVersions.ToToken(schema.Version)}.table.missing|row={t.Id}").ToList() : [],
            });
        }

        return missingNumerals;
    }

    /// <summary>Where a numeral would have been: the headings printed before and after it.</summary>
    private static (string Before, string After, int Line)? Neighbours(List<Model.ReportSection> sections, string numeral)
    {
        var n = Value(numeral);
        for (var i = 1; i < sections.Count; i++)
        {
            var a = Value(sections[i - 1].Numeral);
            var b = Value(sections[i].Numeral);
            if (a > 0 && b > 0 && a < n && b > n)
            {
                return (sections[i - 1].Numeral!, sections[i].Numeral!, sections[i].Line);
            }
        }

        return null;
    }

    private void Numbering(List<Model.ReportSection> sections, HashSet<string> explained, bool hasRequiredSections, ICollection<Finding> findings)
    {
        var previous = 0;
        var highest = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var value = Value(s.Numeral);
            if (value == 0)
            {
                // Lost its numeral: it takes the next slot.
                if (_checks.ForKind("heading-without-numeral") is { } check)
                {
                    var expected = previous + 1 <= Numerals.Length ? Numerals[previous].ToString() : "?";
                    Add(findings, check, s, expected, "", s.Line);
                }

                previous++;
                continue;
            }

            if (value < previous && value == 1 && previous >= 2)
            {
                if (_checks.ForKind("numbering-restart") is { } check)
                {
                    Add(findings, check, s, s.Numeral!, Numerals[highest - 1].ToString(), s.Line);
                }
            }
            else if (value > previous + 1 && _checks.ForKind("numbering-skip") is { } check)
            {
                // A missing required section already explains a gap in the format's numbering.
                if (!hasRequiredSections || explained.Count == 0)
                {
                    Add(findings, check, s, s.Numeral!, previous == 0 ? "（开头）" : Numerals[previous - 1].ToString(), s.Line);
                }
            }

            previous = value;
            highest = Math.Max(highest, value);
        }
    }

    private static void Add(ICollection<Finding> findings, NarrativeCheck check, Model.ReportSection s, string numeral, string detail, int line)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["section"] = s.Numeral is null ? s.Title : $"{s.Numeral}、{Title(s)}",
            ["numeral"] = numeral,
            ["detail"] = detail,
        };
        findings.Add(new Finding
        {
            RuleId = check.Id,
            Severity = check.Severity,
            Title = check.Title,
            Message = NarrativeCheck.Fill(check.Message, args),
            Line = line,
            Quote = s.Title,
            Arguments = args,
            Instance = line.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>The heading without its numeral and separator (一、总体情况 → 总体情况).</summary>
    private static string Title(Model.ReportSection s)
    {
        var t = s.Title.Trim();
        var i = 0;
        while (i < t.Length && (Numerals.Contains(t[i], StringComparison.Ordinal) || t[i] is '、' or '.' or '．' or ' ' or '\u3000'))
        {
            i++;
        }

        return t[i..];
    }

    private static int Value(string? numeral) => numeral switch
    {
        null or "" => 0,
        "十" => 10,
        _ when numeral.Length == 1 => Numerals.IndexOf(numeral[0], StringComparison.Ordinal) + 1,
        _ when numeral.StartsWith('十') => 10 + Value(numeral[1..]),
        _ => 0,
    };
}
