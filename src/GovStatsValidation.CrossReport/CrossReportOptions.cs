using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;

namespace GovStatsValidation.CrossReport;

/// <summary>Options of the cross-report checks.</summary>
public sealed class CrossReportOptions
{
    /// <summary>What names alone do not tell: aliases of renamed bodies, jurisdictions, whether a report covers the whole jurisdiction.</summary>
    public AgencyMap? AgencyMap { get; set; }

    /// <summary>Whether the built-in cross-report rules are used. Default <see langword="true"/>.</summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool UseBuiltInRules { get; set; } = true;

    /// <summary>
    /// Cross-report rule sets (read by <see cref="RuleSetLoader"/>, e.g. from a <c>*.cross.json</c> file) added to the built-in
    /// ones: a set with the same id replaces it, a rule with the same id replaces that rule. Only rules with a
    /// <see cref="RuleDefinition.Relation"/> are run here; table rules belong to the core checker.
    /// </summary>
    public IList<RuleSet> RuleSets { get; } = [];

    /// <summary>Rule ids that are not run.</summary>
    public ISet<string> DisabledRules { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Findings below this severity are dropped. Default <see cref="Severity.Info"/>.</summary>
    /// <value>Default <see cref="Severity.Info"/>.</value>
    public Severity MinimumSeverity { get; set; } = Severity.Info;

    /// <summary>
    /// The text of a report, for shared facts and the words that say a report covers the whole jurisdiction. Default
    /// <see cref="ReportText.None"/>: the library never opens a path taken from report data (a report JSON's
    /// <c>source.file</c> is data, not a file to read); give the texts of the files you read yourself.
    /// </summary>
    public Func<AnnualReport, string?> TextProvider { get; set; } = ReportText.None;
}

/// <summary>Where report texts come from.</summary>
public static class ReportText
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".text" };

    /// <summary>No text for any report (the default of <see cref="CrossReportOptions.TextProvider"/>).</summary>
    /// <param name="report">The report.</param>
    /// <returns><see langword="null"/>.</returns>
    public static string? None(AnnualReport report) => null;

    /// <summary>
    /// The report's source file read as UTF-8, when <see cref="AnnualReport.Source"/> names an existing regular .txt or .md
    /// file; else <see langword="null"/>. Only for reports whose <see cref="AnnualReport.Source"/> the caller set to the file
    /// it read: a report read from JSON carries the <c>source.file</c> its author wrote, which must never decide what is opened.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? FromSource(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Source is not { } path || !TextExtensions.Contains(Path.GetExtension(path)) || IO.SafeFile.KindOf(path) != IO.FileKind.Regular)
        {
            return null;
        }

        try
        {
            return IO.SafeFile.ReadAllText(path, ProcessingLimits.MaxPublishedReportBytes, IO.SafeFile.TooLarge);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
