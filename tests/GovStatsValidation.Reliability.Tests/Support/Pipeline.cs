using System.Globalization;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Cli;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Reporting;

namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>
/// The CLI's own path from a file to findings (the library pipeline of GovStatsValidation.Readers: sniff, read, check, turn
/// failures into input errors), and a stable text description of what came out, for snapshots.
/// </summary>
internal static class Pipeline
{
    private static readonly Lazy<IReportPipeline> LazyPipeline = new(() =>
        ReportPipelines.Create(new GovStatsValidationOptions { Language = "en" }, new ReportReadingOptions { RelativeTo = Environment.CurrentDirectory }, runCrossReport: false));

    private static readonly Lazy<ReportChecker> LazyChecker = new(() =>
    {
        var options = new GovStatsValidationOptions { Language = "en" };
        var catalog = new RuleCatalog(options);
        catalog.CompileAll();
        return new ReportChecker(catalog, options, [new Readers.Narrative.NarrativeFindingSource(), new Readers.Narrative.StructureFindingSource()]);
    });

    /// <summary>A checker as the CLI builds it with default options (table rules, narrative and structure checks).</summary>
    public static ReportChecker Checker => LazyChecker.Value;

    /// <summary>Runs the CLI's check over files (without the cross-report checks).</summary>
    public static CheckRun Run(IReadOnlyList<string> files) =>
        CheckPipeline.ToRun(LazyPipeline.Value.CheckAsync(new ReportInputs(files, [])).GetAwaiter().GetResult());

    /// <summary>The reader of published reports as the pipeline uses it (with its narrative enrichers).</summary>
    public static Readers.PublishedReportReader Published { get; } = new() { Enrichers = { new Readers.Narrative.NarrativeReader().Enrich } };

    /// <summary>Checks one file as the CLI does and describes the outcome.</summary>
    public static string Describe(string path)
    {
        var run = Run([path]);
        return Describe(run, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Describes a run: input errors (file, line, message), files skipped as not reports, then each report: header, cells, findings.</summary>
    public static string Describe(CheckRun run, string? scrubDirectory = null)
    {
        var sb = new StringBuilder();
        foreach (var error in run.InputErrors)
        {
            sb.Append("input error: ").Append(Path.GetFileName(error.Source));
            if (error.Line is { } line)
            {
                sb.Append(CultureInfo.InvariantCulture, $" line {line}");
            }

            sb.Append(": ").AppendLine(error.Message);
        }

        foreach (var skipped in run.Skipped)
        {
            sb.Append("skipped (not a report): ").Append(Path.GetFileName(skipped.Source)).Append(": ").AppendLine(skipped.Message);
        }

        foreach (var result in run.Results)
        {
            DescribeReport(sb, result);
        }

        var text = sb.ToString();
        if (scrubDirectory is not null)
        {
            text = text.Replace(scrubDirectory, "<dir>", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A report and its findings.</summary>
    public static void DescribeReport(StringBuilder sb, ReportCheckResult result, bool cells = true)
    {
        var report = result.Report;
        sb.AppendLine(CultureInfo.InvariantCulture, $"report: {Path.GetFileName(report.Source)} · {report.Agency.Name} · {report.Year} · {report.Schema.ToString()} · format {report.Input?.Format ?? "?"}");
        if (cells)
        {
            foreach (var note in report.Input?.Notes ?? [])
            {
                sb.AppendLine("  note: " + note);
            }

            foreach (var (id, value) in report.Cells)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  cell {id.Value} = {Cell(value)}");
            }
        }

        foreach (var finding in result.Findings)
        {
            sb.AppendLine("  " + Finding(finding));
        }
    }

    /// <summary>A cell with state, number, raw text, note and line.</summary>
    public static string Cell(CellValue value)
    {
        var sb = new StringBuilder(value.State.ToString().ToLowerInvariant());
        if (value.Number is { } n)
        {
            sb.Append(' ').Append(n.ToString(CultureInfo.InvariantCulture));
        }

        if (value.Raw is not null)
        {
            sb.Append(" raw=\"").Append(value.Raw).Append('"');
        }

        if (value.Note is not null)
        {
            sb.Append(" note=\"").Append(value.Note).Append('"');
        }

        if (value.Location is { } loc)
        {
            sb.Append(CultureInfo.InvariantCulture, $" line {loc.Line}");
        }

        return sb.ToString();
    }

    /// <summary>One finding: severity, rule, line, English message, formula.</summary>
    public static string Finding(Finding f) =>
        $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId}{(f.Instance.Length > 0 ? $" [{f.Instance}]" : "")}{(f.Line is { } l ? $" line {l}" : "")}: {f.Message.En}{(f.Formula is null ? "" : $" | {f.Formula}")}";

    /// <summary>Every finding of a run, with its source, in output order — the comparison key of the property tests.</summary>
    public static IReadOnlyList<string> Fingerprint(CheckRun run) =>
        run.Results.SelectMany(r => r.Findings.Select(f => $"{Path.GetFileName(r.Report.Source)} {Finding(f)}"))
            .Concat(run.InputErrors.Select(e => $"{Path.GetFileName(e.Source)} input error line {e.Line}: {e.Message}"))
            .ToList();
}
