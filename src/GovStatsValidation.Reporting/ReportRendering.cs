using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Reporting;

/// <summary>What a rendering shows and in which language.</summary>
public sealed record RenderOptions
{
    /// <summary>Message language: <c>zh</c> or <c>en</c>. Default <c>zh</c>.</summary>
    /// <value>Default <c>zh</c>.</value>
    public string Language { get; init; } = "zh";

    /// <summary>Whether to use ANSI colours (text format on a terminal). Default <see langword="false"/>.</summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool Color { get; init; }

    /// <summary>The culture <see cref="Language"/> names; it chooses the catalogue of the renderers' own words (<see cref="Messages.MessageCatalog"/>).</summary>
    public System.Globalization.CultureInfo Culture => Messages.MessageCatalog.Culture(Language);

    /// <summary>Whether the output is Chinese: cells are then named by their (Chinese) labels, otherwise by their ids.</summary>
    internal bool Zh => Messages.MessageCatalog.IsChinese(Culture);
}

/// <summary>A report that could not be read: the file and why. Kept in the output so one bad file never hides the rest.</summary>
/// <param name="Source">The file.</param>
/// <param name="Message">Why it could not be read (names line and cell where known).</param>
/// <param name="Line">The line, when known.</param>
public sealed record InputError(string Source, string Message, int? Line = null);

/// <summary>Everything one run produced: per-report results and unreadable inputs, in a deterministic order.</summary>
/// <param name="Results">The checked reports, ordered by source.</param>
/// <param name="InputErrors">Inputs that could not be read, ordered by source.</param>
public sealed record CheckRun(IReadOnlyList<ReportCheckResult> Results, IReadOnlyList<InputError> InputErrors)
{
    /// <summary>
    /// The rule definitions in force for the run (used to list passing rules in JUnit and rule descriptions in SARIF).
    /// Empty when unknown: then only rules with findings are listed.
    /// </summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    /// <summary>
    /// Files of the run that are not reports at all (images, spreadsheets, archives, texts that never mention 政府信息公开), with
    /// why, ordered by source: listed as skipped; neither checked nor input errors (they fail the run only with <c>--strict</c>).
    /// </summary>
    public IReadOnlyList<InputError> Skipped { get; init; } = [];

    /// <summary>What a baseline accepted, when the run was compared with one (<see cref="Baselines.Baseline.Apply"/>); otherwise <see langword="null"/>.</summary>
    public Baselines.BaselineSummary? Baseline { get; init; }

    /// <summary>How many findings of the given severity the run holds: those of single reports (after any baseline) and the cross-report ones.</summary>
    public int Count(Severity severity) => Results.Sum(r => r.Count(severity)) + CrossCount(severity);

    /// <summary>How many cross-report findings of the given severity the run holds (0 when cross-report checks did not run).</summary>
    public int CrossCount(Severity severity) => CrossReport?.Count(c => c.Finding.Severity == severity) ?? 0;

    /// <summary>Findings about several reports (previous year, jurisdiction and departments, shared facts), when cross-report checks ran; else <see langword="null"/>.</summary>
    public IReadOnlyList<CrossReportEntry>? CrossReport { get; init; }

    /// <summary>
    /// The reports of each jurisdiction, when known (the HTML jurisdiction view shows every one of them side by side); when
    /// <see langword="null"/>, a jurisdiction's reports are those its cross-report findings involve.
    /// </summary>
    public IReadOnlyList<JurisdictionReports>? Jurisdictions { get; init; }

    /// <summary>
    /// The figures compared across reports (applications received, carried over, reviews, …), as rows of the HTML
    /// jurisdiction view. Empty when unknown: then the view shows only the cells that cross-report findings name.
    /// </summary>
    public IReadOnlyList<ViewConcept> Concepts { get; init; } = [];

    /// <summary>
    /// Who has reported, per jurisdiction and year: with an agency file (<c>--agencies</c>), the expected bodies and whether
    /// each has a report in the set; without one, the bodies seen in any year and the years each lacks. <see langword="null"/>
    /// when cross-report grouping did not run.
    /// </summary>
    public IReadOnlyList<Model.ReportingCoverage>? Coverage { get; init; }
}

/// <summary>The reports of one jurisdiction.</summary>
/// <param name="Jurisdiction">The jurisdiction (桐乡市), as in <see cref="CrossReportEntry.Jurisdiction"/>.</param>
/// <param name="Reports">Its reports.</param>
public sealed record JurisdictionReports(string Jurisdiction, IReadOnlyList<JurisdictionMember> Reports);

/// <summary>One report of a jurisdiction.</summary>
/// <param name="Source">The report's source, as in <see cref="Checking.ReportCheckResult"/>'s report.</param>
/// <param name="JurisdictionWide">Whether it is the jurisdiction's government report (全市, compiled from its departments) rather than a department's.</param>
public sealed record JurisdictionMember(string Source, bool JurisdictionWide);

/// <summary>A figure that means the same in every table format, and the cells that add up to it in each format.</summary>
/// <param name="Id">Stable id, e.g. <c>applications.received</c>.</param>
/// <param name="Title">What it is.</param>
/// <param name="Cells">Per table format, the cells whose sum is the figure; a format that is not listed has no such figure.</param>
public sealed record ViewConcept(string Id, LocalizedText Title, IReadOnlyDictionary<SchemaVersion, IReadOnlyList<CellId>> Cells);

/// <summary>A finding about several reports, as rendered: the jurisdiction, the report it is about and every report involved.</summary>
/// <param name="Jurisdiction">The jurisdiction the reports belong to (桐乡市).</param>
/// <param name="Subject">The source of the report the finding is about.</param>
/// <param name="Agency">The agency of that report.</param>
/// <param name="Year">Its year.</param>
/// <param name="Finding">The finding.</param>
/// <param name="Sources">The sources of every report involved, the subject first.</param>
public sealed record CrossReportEntry(string Jurisdiction, string? Subject, string Agency, int Year, Findings.Finding Finding, IReadOnlyList<string> Sources);

/// <summary>Renders a run in one output format.</summary>
public interface IRunRenderer
{
    /// <summary>The format name used on the command line, e.g. <c>text</c>, <c>json</c>.</summary>
    string Format { get; }

    /// <summary>Writes the rendering.</summary>
    void Render(CheckRun run, TextWriter writer, RenderOptions options);
}

/// <summary>
/// The renderers registered in a container (<see cref="ReportingServiceCollectionExtensions.AddReporting"/>), by format name,
/// in registration order. A second renderer with a format name already taken is ignored.
/// </summary>
public sealed class RunRendererSet
{
    /// <summary>Creates the set from the registered renderers.</summary>
    /// <param name="renderers">The renderers, in the order their formats are listed in help.</param>
    public RunRendererSet(IEnumerable<IRunRenderer> renderers)
    {
        ArgumentNullException.ThrowIfNull(renderers);
        All = renderers.DistinctBy(r => r.Format, StringComparer.OrdinalIgnoreCase).ToArray();
        Names = All.Select(r => r.Format).ToArray();
    }

    /// <summary>Every renderer, in the order the formats are listed in help.</summary>
    public IReadOnlyList<IRunRenderer> All { get; }

    /// <summary>The format names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The renderer of a format (names compare case-insensitively).</summary>
    /// <exception cref="ArgumentException">No renderer has that name.</exception>
    public IRunRenderer Get(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown format '{format}' (known: {string.Join(", ", Names)}).", nameof(format));
}

/// <summary>Helpers over <see cref="IRunRenderer"/>.</summary>
public static class RunRendererExtensions
{
    /// <summary>Renders a run to a string.</summary>
    public static string RenderToString(this IRunRenderer renderer, CheckRun run, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        renderer.Render(run, writer, options ?? new RenderOptions());
        return writer.ToString();
    }
}
