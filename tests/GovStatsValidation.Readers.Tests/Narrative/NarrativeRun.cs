using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>Checks a real text: hand-read cells and headings, narrative claims read from the text, the full checker.</summary>
internal static class NarrativeRun
{
    private static readonly ReportChecker Checker = new(null, [new NarrativeFindingSource(), new StructureFindingSource()]);

    public static (AnnualReport Report, IReadOnlyList<Finding> Findings) Check(string file, string agency, int year, SchemaVersion schema)
    {
        var report = NarrativeTestFiles.Report(file, agency, year, schema);
        var lines = NarrativeTestFiles.Lines(file);
        if (report.Sections.Count == 0)
        {
            foreach (var (line, title) in ProseBuilder.DetectHeadings(new LineListText(lines)))
            {
                var numeral = title.TrimStart()[0] is var c && "一二三四五六七八九十".Contains(c) ? c.ToString() : null;
                report.Sections.Add(new Model.ReportSection(numeral, title.Trim(), line));
            }
        }

        new NarrativeReader().Fill(report, lines);
        return (report, Checker.Check(report).Findings);
    }
}
