using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Findings;
using GovStatsValidation.Localization;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>
/// Points each failing year-over-year equality (a cell of this year's report against one of last year's, e.g. 上年结转 =
/// last year's 结转下年度) at its suspect, using the two reports' own localizations: a cell its own report's table also
/// blames is the suspect, with the correction that report's localization proposes; when neither table blames a cell, each
/// report is consistent with its own figure and the finding says so, as a tie between this year's and last year's cell.
/// </summary>
internal static class CrossYearSuspects
{
    private const string PreviousPrefix = "prev.";

    /// <summary>The findings with suspects; findings that are not failing year-over-year equalities are returned as they are.</summary>
    /// <param name="findings">The cross-report findings.</param>
    /// <param name="results">The checked reports of the set, each with its localization.</param>
    public static List<CrossReportFinding> Assign(IReadOnlyList<CrossReportFinding> findings, IReadOnlyList<ReportCheckResult> results)
    {
        var bySource = new Dictionary<(string?, string, int), ReportCheckResult>();
        foreach (var r in results)
        {
            bySource.TryAdd((r.Report.Source, r.Report.Agency.Name, r.Report.Year), r);
        }

        var assigned = new List<CrossReportFinding>(findings.Count);
        foreach (var f in findings)
        {
            assigned.Add(Suspect(f, bySource) is { } suspect ? f with { Finding = f.Finding with { Suspect = suspect } } : f);
        }

        return assigned;
    }

    private static Suspect? Suspect(CrossReportFinding f, Dictionary<(string?, string, int), ReportCheckResult> bySource)
    {
        var finding = f.Finding;
        if (finding.Passed || finding.Suspect is not null || finding.Expression is null || !finding.Expression.Contains("==", StringComparison.Ordinal)
            || finding.Expected is not { } expected || finding.Actual is not { } actual || f.Sources.Count < 2
            || !finding.Cells.Any(c => c.Id.Value.StartsWith(PreviousPrefix, StringComparison.Ordinal)))
        {
            return null;
        }

        var subject = Find(bySource, f.Subject);
        var previous = Find(bySource, f.Sources[1]);
        var zh = new List<string>();
        var en = new List<string>();
        var blamed = new List<Suspect>();
        foreach (var cell in finding.Cells)
        {
            var isPrevious = cell.Id.Value.StartsWith(PreviousPrefix, StringComparison.Ordinal);
            var own = isPrevious ? previous : subject;
            var id = isPrevious ? new CellId(cell.Id.Value[PreviousPrefix.Length..]) : cell.Id;
            if (own?.Localization?.Cells.FirstOrDefault(c => c.Cell == id) is { } located)
            {
                var year = (isPrevious ? f.Sources[1] : f.Subject).Year.ToString(CultureInfo.InvariantCulture);
                blamed.Add(new Suspect(cell.Id, new LocalizedText(
                    $"{year} 年度报告本身的表格也指向此单元格（{Number(located.Current)} → {Number(located.Proposed)}）",
                    $"{cell.Id}: the {year} report's own table also points at this cell ({Number(located.Current)} → {Number(located.Proposed)})"),
                    located.Proposed));
            }
        }

        if (blamed.Count == 1)
        {
            return blamed[0] with { Confidence = LocalizationConfidence.High };
        }

        if (blamed.Count > 1)
        {
            return blamed[0] with { Alternatives = blamed.Skip(1).ToList(), Confidence = LocalizationConfidence.Ambiguous };
        }

        // Neither table blames a cell of the equality: each report agrees with its own figure. The compared cell (the left
        // side) would be corrected to the expected value; a right side that is one cell would be corrected to the actual.
        var sides = finding.Expression.Split("==", 2, StringSplitOptions.TrimEntries);
        var left = finding.Cells.FirstOrDefault(c => c.Id.Value == sides[0]) ?? finding.Cells[0];
        var others = finding.Cells.Where(c => c != left).Select(c => (Cell: c, Correction: c.Id.Value == sides[1] ? actual : (decimal?)null)).ToList();
        var alternativesZh = string.Join("、", others.Select(o => Show(o.Cell.Id, o.Correction)));
        var reason = new LocalizedText(
            $"两份报告各自的表格都与其数一致，无法判断是本年报告还是上年报告填错：也可能是 {alternativesZh}",
            $"each report's own table is consistent with its figure, so either this year's or last year's report may be wrong: it may as well be {string.Join(", ", others.Select(o => Show(o.Cell.Id, o.Correction)))}");
        return new Suspect(left.Id, reason, left.Id.Value == sides[0] ? expected : null)
        {
            Alternatives = others.Select(o => new Suspect(o.Cell.Id, reason, o.Correction)).ToList(),
            Confidence = LocalizationConfidence.Ambiguous,
        };
    }

    private static string Show(CellId id, decimal? correction) => correction is { } v ? $"{id} (→ {Number(v)})" : id.Value;

    private static ReportCheckResult? Find(Dictionary<(string?, string, int), ReportCheckResult> bySource, CrossReportSource source) =>
        bySource.GetValueOrDefault((source.Source, source.Agency, source.Year));

    private static string Number(decimal value) => Model.CellValue.Format(value);
}
