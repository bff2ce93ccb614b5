using GovStatsValidation.Findings;
using GovStatsValidation.Rules;

namespace GovStatsValidation.CrossReport.Facts;

/// <summary>
/// A section whose prose repeats the same agency's previous-year report word for word (when that report is in the set):
/// a judgement, so a warning for the problems-and-improvements section (五), where a copied text means last year's problems
/// were reported again without a word about them, and info for any other section.
/// </summary>
internal static class RepeatedText
{
    public const string RuleId = "cross.section.repeated-text";

    internal static readonly LocalizedText RuleTitle = new("章节文字与上一年度报告完全相同", "A section repeats last year's text word for word");

    /// <summary>Shorter texts (无, 暂无, one short sentence) repeat naturally and are not compared.</summary>
    public const int MinimumLength = 40;

    public static IEnumerable<Finding> Check(ReportEntry entry, ReportEntry previous)
    {
        foreach (var section in entry.Report.Sections)
        {
            if (section.SectionId is null || section.Text is null)
            {
                continue;
            }

            var text = Normalize(section.Text);
            if (text.Length < MinimumLength)
            {
                continue;
            }

            var before = previous.Report.Sections.FirstOrDefault(s => s.SectionId == section.SectionId && s.Text is not null);
            if (before is null || Normalize(before.Text!) != text)
            {
                continue;
            }

            var heading = $"{section.Numeral}、{section.Title}";
            var year = previous.Report.Year;
            yield return new Finding
            {
                RuleId = RuleId,
                Severity = section.SectionId == "problems" ? Severity.Warning : Severity.Info,
                Title = RuleTitle,
                Message = CatalogText.Of("cross.repeated-text", ("section", heading, heading), ("count", text.Length, text.Length), ("year", year, year)),
                Line = section.Line,
                Quote = section.Text.Length > 120 ? section.Text[..120] + "…" : section.Text,
                Instance = section.SectionId,
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["section"] = heading, ["other"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
    }

    /// <summary>The words only: whitespace dropped, so a re-flowed paragraph still counts as the same text.</summary>
    private static string Normalize(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
