using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>A file that could not be read as a report: the file and why. One bad file never hides the others.</summary>
/// <param name="Source">The file, as shown (see <see cref="ReportReadingOptions.RelativeTo"/>).</param>
/// <param name="Message">Why it could not be read (names line and cell where known).</param>
/// <param name="Line">The line, when known.</param>
public sealed record ReportInputError(string Source, string Message, int? Line = null);

/// <summary>The files a set of paths stands for (<see cref="IReportPipeline.Discover"/>).</summary>
/// <param name="Files">Every file found, sorted, each once.</param>
/// <param name="Missing">The paths that named nothing (no such file or folder, a glob that matched nothing).</param>
public sealed record ReportInputs(IReadOnlyList<string> Files, IReadOnlyList<string> Missing)
{
    /// <summary>What the paths reached but is not read, with why: FIFOs, devices, sockets, links to nothing, folders that may not be read.</summary>
    public IReadOnlyList<IO.SkippedPath> Skipped { get; init; } = [];
}

/// <summary>What checking a set of report files produced, in a deterministic order whatever the parallelism.</summary>
/// <param name="Results">The reports read and their findings, in the sorted order of their files.</param>
/// <param name="InputErrors">The files that could not be read, in file order, then the paths that named nothing.</param>
public sealed record ReportSetResult(IReadOnlyList<ReportCheckResult> Results, IReadOnlyList<ReportInputError> InputErrors)
{
    /// <summary>
    /// The findings about several reports (previous year, jurisdiction and departments, shared facts), when the set held
    /// more than one report and cross-report checks are registered (<c>AddCrossReport</c>); else <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<CrossReportFinding>? CrossReport { get; init; }

    /// <summary>
    /// Files of the set that are not reports at all (<see cref="ReportLoadException.NotAReport"/>: images, spreadsheets,
    /// archives, texts that never mention 政府信息公开), with why, in file order: skipped, neither checked nor input errors.
    /// </summary>
    public IReadOnlyList<ReportInputError> NotReports { get; init; } = [];

    /// <summary>The reports grouped by jurisdiction, when cross-report checks ran; else <see langword="null"/>.</summary>
    public IReadOnlyList<JurisdictionGroup>? Jurisdictions { get; init; }

    /// <summary>
    /// Who has reported, per jurisdiction and year (<see cref="ReportCoverage.Of"/>): with the expected bodies of the agency map
    /// (<see cref="CrossReportOptions.AgencyMap"/>), each expected body and year present or missing; without, the bodies seen
    /// in any year and the years each lacks. Computed when cross-report checks ran; else <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<Model.ReportingCoverage>? Coverage { get; init; }
}
