using GovStatsValidation.Checking;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Reporting;

/// <summary>The cross-report findings of one jurisdiction and the reports it holds, as every renderer groups them.</summary>
/// <param name="Jurisdiction">The jurisdiction.</param>
/// <param name="Entries">Its cross-report findings, in the run's order.</param>
/// <param name="Reports">Its reports: by year, the jurisdiction-wide report first, then agency and source.</param>
internal sealed record CrossGroup(string Jurisdiction, IReadOnlyList<CrossReportEntry> Entries, IReadOnlyList<GroupReport> Reports);

/// <summary>One report of a jurisdiction; <see cref="Result"/> is <see langword="null"/> when the run holds no result of that source.</summary>
internal sealed record GroupReport(string Source, ReportCheckResult? Result, bool JurisdictionWide, string Agency, int? Year)
{
    /// <summary>“agency year”, or the source when the report was not checked in this run.</summary>
    public string Title => Year is { } y and > 0 ? $"{Agency} {RunStatistics.Int(y)}" : Agency;
}

internal static class CrossGroups
{
    /// <summary>
    /// The jurisdictions with cross-report findings, in the order of their first finding, then those known only from
    /// <see cref="CheckRun.Jurisdictions"/> (in that order). Empty when cross-report checks did not run.
    /// </summary>
    public static IReadOnlyList<CrossGroup> Of(CheckRun run)
    {
        if (run.CrossReport is null && run.Jurisdictions is null)
        {
            return [];
        }

        var bySource = new Dictionary<string, ReportCheckResult>(StringComparer.Ordinal);
        foreach (var result in run.Results)
        {
            bySource.TryAdd(RunStatistics.Source(result), result);
        }

        var entries = (run.CrossReport ?? []).GroupBy(c => c.Jurisdiction, StringComparer.Ordinal).ToList();
        var members = (run.Jurisdictions ?? []).GroupBy(j => j.Jurisdiction, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(j => j.Reports).ToList(), StringComparer.Ordinal);
        var names = entries.Select(g => g.Key).Concat((run.Jurisdictions ?? []).Select(j => j.Jurisdiction)).Distinct(StringComparer.Ordinal);
        var groups = new List<CrossGroup>();
        foreach (var name in names)
        {
            var found = entries.FirstOrDefault(g => g.Key == name)?.ToList() ?? [];
            var reports = new Dictionary<string, GroupReport>(StringComparer.Ordinal);
            foreach (var m in members.GetValueOrDefault(name) ?? [])
            {
                reports.TryAdd(m.Source, Report(m.Source, m.JurisdictionWide, bySource, found));
            }

            foreach (var source in found.SelectMany(c => c.Sources.Prepend(c.Subject ?? "").Where(s => s.Length > 0)))
            {
                reports.TryAdd(source, Report(source, false, bySource, found));
            }

            var ordered = reports.Values
                .OrderBy(r => r.Year ?? int.MaxValue)
                .ThenBy(r => r.JurisdictionWide ? 0 : 1)
                .ThenBy(r => r.Agency, StringComparer.Ordinal)
                .ThenBy(r => r.Source, StringComparer.Ordinal)
                .ToList();
            groups.Add(new CrossGroup(name, found, ordered));
        }

        return groups;
    }

    private static GroupReport Report(string source, bool wide, Dictionary<string, ReportCheckResult> bySource, List<CrossReportEntry> entries)
    {
        if (bySource.TryGetValue(source, out var result))
        {
            return new GroupReport(source, result, wide, result.Report.Agency.Name, result.Report.Year);
        }

        var subject = entries.FirstOrDefault(e => e.Subject == source);
        return new GroupReport(source, null, wide, subject?.Agency ?? source, subject?.Year);
    }

    /// <summary>
    /// The cells a cross-report finding names, each with the source of the report it belongs to: plain ids are the
    /// subject's, <c>prev.</c> and <c>parent.</c> ids the other report's (the second source), <c>sum(children.X)</c> and
    /// the like are cell X of every department involved.
    /// </summary>
    public static IEnumerable<(string Source, CellId Cell, Findings.FindingCell Named)> NamedCells(CrossReportEntry entry)
    {
        var subject = entry.Subject ?? (entry.Sources.Count > 0 ? entry.Sources[0] : null);
        foreach (var cell in entry.Finding.Cells)
        {
            var id = cell.Id.Value;
            var open = id.IndexOf("(children.", StringComparison.Ordinal);
            if (open > 0 && id.EndsWith(')'))
            {
                var inner = new CellId(id[(open + "(children.".Length)..^1]);
                foreach (var child in entry.Sources.Skip(1))
                {
                    yield return (child, inner, cell);
                }
            }
            else if (id.StartsWith("children.", StringComparison.Ordinal))
            {
                foreach (var child in entry.Sources.Skip(1))
                {
                    yield return (child, new CellId(id["children.".Length..]), cell);
                }
            }
            else if (id.StartsWith("prev.", StringComparison.Ordinal) || id.StartsWith("parent.", StringComparison.Ordinal))
            {
                if (entry.Sources.Count > 1)
                {
                    yield return (entry.Sources[1], new CellId(id[(id.IndexOf('.', StringComparison.Ordinal) + 1)..]), cell);
                }
            }
            else if (subject is not null)
            {
                yield return (subject, cell.Id, cell);
            }
        }
    }

    /// <summary>“agency year” of the report with the given source in a group, else the source itself.</summary>
    public static string TitleOf(CrossGroup group, string source) =>
        group.Reports.FirstOrDefault(r => r.Source == source) is { Result: not null } r ? r.Title : source;
}
