using GovStatsValidation.Findings;

namespace GovStatsValidation.CrossReport;

/// <summary>A report taking part in a cross-report finding.</summary>
/// <param name="Source">Where it was read from (path or name), when known.</param>
/// <param name="Agency">The publishing body as printed.</param>
/// <param name="Year">The report year.</param>
public sealed record CrossReportSource(string? Source, string Agency, int Year)
{
    /// <inheritdoc/>
    public override string ToString() => Source ?? $"{Agency} {Year}";
}

/// <summary>
/// A finding about several reports: the jurisdiction it belongs to, the report it is about, and every report involved.
/// <see cref="Finding"/> is the same explained finding as for one report; its <see cref="Finding.RelatedSources"/> lists the
/// sources of every report involved, the subject first.
/// </summary>
/// <param name="Jurisdiction">The jurisdiction the reports belong to (桐乡市), or the agency's name when its jurisdiction is unknown.</param>
/// <param name="Subject">The report the finding is about.</param>
/// <param name="Finding">The finding.</param>
/// <param name="Sources">Every report involved, the subject first.</param>
public sealed record CrossReportFinding(string Jurisdiction, CrossReportSource Subject, Finding Finding, IReadOnlyList<CrossReportSource> Sources);
