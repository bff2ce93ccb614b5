using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using GovStatsValidation.Reporting;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Cli;

/// <summary>Runs the cross-report checks over the reports of one <c>check</c> run (when more than one report was given).</summary>
internal static class CrossReports
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".text" };

    public static IReadOnlyList<CrossReportEntry> Check(IReadOnlyList<ReportCheckResult> results, Severity minimum)
    {
        var checker = new CrossReportChecker(new CrossReportOptions { MinimumSeverity = minimum, TextProvider = Text });
        return checker.Check(results.Select(r => r.Report))
            .Select(c => new CrossReportEntry(c.Jurisdiction, c.Subject.Source, c.Subject.Agency, c.Subject.Year, c.Finding,
                c.Sources.Select(s => s.ToString()).ToList()))
            .ToList();
    }

    /// <summary>The text of a report read from a plain-text file, decoded as the readers decode it (UTF-8, UTF-16, GB18030).</summary>
    private static string? Text(AnnualReport report)
    {
        if (report.Source is not { } path || !TextExtensions.Contains(Path.GetExtension(path)) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return TextDecoding.Decode(File.ReadAllBytes(path)).Text;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
