using GovStatsValidation.Checking;
using GovStatsValidation.Rules;

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

    /// <summary>Whether the language is Chinese.</summary>
    internal bool Zh => Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
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

    /// <summary>What a baseline accepted, when the run was compared with one (<see cref="Baselines.Baseline.Apply"/>); otherwise <see langword="null"/>.</summary>
    public Baselines.BaselineSummary? Baseline { get; init; }

    /// <summary>How many findings of the given severity the run holds (after any baseline).</summary>
    public int Count(Severity severity) => Results.Sum(r => r.Count(severity));

    /// <summary>Findings about several reports (previous year, jurisdiction and departments, shared facts), when cross-report checks ran; else <see langword="null"/>.</summary>
    public IReadOnlyList<CrossReportEntry>? CrossReport { get; init; 
}
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

/// <summary>The built-in renderers by format name: <c>text</c>, <c>json</c>, <c>md</c>, <c>html</c>, <c>junit</c>, <c>sarif</c>.</summary>
public static class RunRenderers
{
    /// <summary>Every built-in renderer, in the order the formats are listed in help.</summary>
    public static IReadOnlyList<IRunRenderer> All { get; } =
        [new TextRenderer(), new JsonRenderer(), new MarkdownRenderer(), new HtmlRenderer(), new JUnitRenderer(), new SarifRenderer()];

    /// <summary>The format names.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(r => r.Format).ToArray();

    /// <summary>The renderer of a format.</summary>
    /// <exception cref="ArgumentException">No renderer has that name.</exception>
    public static IRunRenderer Get(string format) =>
        All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown format '{format}' (known: {string.Join(", ", Names)}).", nameof(format));

    /// <summary>Renders a run to a string.</summary>
    public static string RenderToString(this IRunRenderer renderer, CheckRun run, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        renderer.Render(run, writer, options ?? new RenderOptions());
        return writer.ToString();
    }
}
