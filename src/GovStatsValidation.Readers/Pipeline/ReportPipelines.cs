using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Readers.Narrative;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>The reading pipeline without a DI container.</summary>
public static class ReportPipelines
{
    /// <summary>
    /// A pipeline with the built-in rules, the narrative and structure checks and (unless <paramref name="crossReport"/> is
    /// <see langword="false"/>) the cross-report checks: the same as <c>AddGovStatsValidation().AddReaders().AddCrossReport()</c>.
    /// </summary>
    /// <param name="options">The checker's options; null for defaults.</param>
    /// <param name="reading">The reading options; null for defaults.</param>
    /// <param name="crossReport">The cross-report options, or null for defaults.</param>
    /// <param name="runCrossReport">Whether sets of reports are also checked against each other.</param>
    /// <returns>The pipeline.</returns>
    public static IReportPipeline Create(GovStatsValidationOptions? options = null, ReportReadingOptions? reading = null, CrossReportOptions? crossReport = null, bool runCrossReport = true)
    {
        options ??= new GovStatsValidationOptions();
        var checker = new ReportChecker(new RuleCatalog(options), options, [new NarrativeFindingSource(), new StructureFindingSource()]);
        var readingOptions = Options.Create(reading ?? new ReportReadingOptions());
        CrossReportChecker? cross = null;
        if (runCrossReport)
        {
            crossReport ??= new CrossReportOptions();
            crossReport.MinimumSeverity = (Rules.Severity)Math.Max((int)crossReport.MinimumSeverity, (int)options.MinimumSeverity);
            crossReport.DisabledRules.UnionWith(options.DisabledRules);
            cross = new CrossReportChecker(crossReport);
        }

        return new ReportPipeline(checker, new ReportLoader(readingOptions), readingOptions, cross);
    }

    /// <summary>A loader of report files and streams (JSON, text, HTML, Word, chosen by content), as <c>AddReaders</c> registers it.</summary>
    /// <param name="reading">The reading options; null for defaults.</param>
    /// <returns>The loader.</returns>
    public static IReportLoader CreateLoader(ReportReadingOptions? reading = null) => new ReportLoader(Options.Create(reading ?? new ReportReadingOptions()));

    /// <summary>The files that paths stand for: files, folders (searched recursively) and globs (<c>*</c>, <c>?</c>, <c>**</c>).</summary>
    /// <param name="paths">The paths.</param>
    /// <returns>
    /// The regular files, sorted, each real file once (by device and inode: links and loops add nothing), the paths that named
    /// nothing, and what was reached but not read (FIFOs, devices, unreadable folders) with the reason.
    /// </returns>
    public static ReportInputs Discover(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var (files, missing, skipped) = InputDiscovery.Discover(paths);
        return new ReportInputs(files, missing) { Skipped = skipped };
    }
}
