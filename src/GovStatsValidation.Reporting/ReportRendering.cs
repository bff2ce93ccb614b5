using GovStatsValidation.Checking;

namespace GovStatsValidation.Reporting;

/// <summary>What a rendering shows and in which language.</summary>
public sealed record RenderOptions
{
    /// <summary>Message language: <c>zh</c> or <c>en</c>. Default <c>zh</c>.</summary>
    public string Language { get; init; } = "zh";

    /// <summary>Whether to use ANSI colours (text format on a terminal). Default <see langword="false"/>.</summary>
    public bool Color { get; init; }
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
    /// <summary>Findings about several reports (previous year, jurisdiction and departments, shared facts), when cross-report checks ran; else <see langword="null"/>.</summary>
    public IReadOnlyList<CrossReportEntry>? CrossReport { get; init; }
}

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
