using System.Globalization;
using System.Text;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using static GovStatsValidation.Reporting.RunStatistics;

namespace GovStatsValidation.Reporting;

/// <summary>
/// GitHub-flavoured Markdown for a pull-request comment or a wiki page: a summary table, findings per report in a table
/// (severity, rule, line, message, formula), the cross-report findings in a section per jurisdiction, input errors and
/// baseline notes.
/// </summary>
public sealed class MarkdownRenderer : IRunRenderer
{
    /// <inheritdoc/>
    public string Format => "md";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var culture = options.Culture;
        writer.WriteLine("## " + Words.Get(culture, "md.check-results"));
        writer.WriteLine();
        writer.WriteLine(Row(Words.Get(culture, "md.reports"), Words.Get(culture, "md.errors"), Words.Get(culture, "md.warnings"), Words.Get(culture, "md.info"), Words.Get(culture, "md.input-errors")));
        writer.WriteLine("|---:|---:|---:|---:|---:|");
        writer.WriteLine($"| {Int(run.Results.Count)} | {Int(run.Count(Severity.Error))} | {Int(run.Count(Severity.Warning))} | {Int(run.Count(Severity.Info))} | {Int(run.InputErrors.Count)} |");
        writer.WriteLine();
        if (run.CrossReport is { } cross)
        {
            writer.WriteLine(Words.Get(culture, "md.cross-counts", ("errors", Int(run.CrossCount(Severity.Error))), ("warnings", Int(run.CrossCount(Severity.Warning))), ("infos", Int(run.CrossCount(Severity.Info))), ("count", Int(cross.Count))));
            writer.WriteLine();
        }

        var byRule = ByRule(run);
        if (byRule.Count > 0)
        {
            writer.WriteLine("<details><summary>" + Words.Get(culture, "md.findings-by-rule") + "</summary>");
            writer.WriteLine();
            writer.WriteLine(Row(Words.Get(culture, "md.rule"), Words.Get(culture, "md.errors"), Words.Get(culture, "md.warnings"), Words.Get(culture, "md.info")));
            writer.WriteLine("|---|---:|---:|---:|");
            foreach (var c in byRule)
            {
                writer.WriteLine($"| {Escaping.MarkdownCode(c.Key)} | {Int(c.Error)} | {Int(c.Warning)} | {Int(c.Info)} |");
            }

            writer.WriteLine();
            writer.WriteLine("</details>");
            writer.WriteLine();
        }

        foreach (var result in run.Results)
        {
            var r = result.Report;
            writer.WriteLine($"### {Cell(Source(result))}");
            writer.WriteLine();
            writer.WriteLine($"{Cell(r.Agency.Name)} · {YearText(r.Year, culture)} · {Words.Get(culture, "md.schema")} `{r.Schema.ToToken()}{(r.Variant is { } variant ? "/" + variant : "")}` · " +
                Words.Get(culture, "md.report-counts", ("errors", Int(result.Count(Severity.Error))), ("warnings", Int(result.Count(Severity.Warning))), ("infos", Int(result.Count(Severity.Info)))));
            writer.WriteLine();
            if (result.Findings.Count == 0)
            {
                writer.WriteLine(Words.Get(culture, "md.no-findings"));
                writer.WriteLine();
                continue;
            }

            var withBaseline = run.Baseline is not null;
            writer.WriteLine(HeaderRow(culture, withBaseline, "md.col.severity", "md.col.rule", "md.col.line", "md.col.message", "md.col.formula"));
            writer.WriteLine($"|---|---|---:|---|---|{(withBaseline ? "---|" : "")}");
            foreach (var f in result.Findings)
            {
                var mark = BaselineMark(run, result, f, culture) is { } m ? $" {m} |" : "";
                writer.WriteLine($"| {Icon(f.Severity)} {SeverityWord(f.Severity, culture)} | {Escaping.MarkdownCode(f.RuleId)} | {(f.Line is { } l ? Int(l) : "")} | {Message(f, options)} | {Formula(f, options)} |{mark}");
            }

            writer.WriteLine();
            Legend(writer, result.Findings, options);
        }

        CrossReport(writer, run, options, culture);

        if (run.Skipped.Count > 0)
        {
            writer.WriteLine("### " + Words.Get(culture, "md.skipped-files"));
            writer.WriteLine();
            foreach (var e in run.Skipped)
            {
                writer.WriteLine($"- {Escaping.MarkdownCode(e.Source)}: {Cell(e.Message)}");
            }

            writer.WriteLine();
        }

        if (run.InputErrors.Count > 0)
        {
            writer.WriteLine("### " + Words.Get(culture, "md.input-errors-heading"));
            writer.WriteLine();
            foreach (var e in run.InputErrors)
            {
                writer.WriteLine($"- {Escaping.MarkdownCode(e.Source)}{(e.Line is { } l ? $" ({Words.Get(culture, "line.n", ("line", Int(l)))})" : "")}: {Cell(e.Message)}");
            }

            writer.WriteLine();
        }

        if (run.Baseline is { } b)
        {
            writer.WriteLine("### " + Words.Get(culture, "run.baseline-heading", ("date", Date(b.Today))));
            writer.WriteLine();
            writer.WriteLine(Words.Get(culture, "baseline.summary", ("accepted", Int(b.Accepted)), ("expired", Int(b.Expired.Count)), ("stale", Int(b.Stale.Count))));
            writer.WriteLine();
            foreach (var e in b.Expired)
            {
                writer.WriteLine($"- {Words.Get(culture, "md.expired")}: {Cell(EntryText(e, culture))}");
            }

            foreach (var e in b.Stale)
            {
                writer.WriteLine($"- {Words.Get(culture, "md.stale")}: {Cell(EntryText(e, culture))}");
            }

            if (b.Expired.Count + b.Stale.Count > 0)
            {
                writer.WriteLine();
            }
        }
    }

    /// <summary>A section per jurisdiction: its reports, then a table of its cross-report findings with the report each is about and every report involved.</summary>
    private static void CrossReport(TextWriter writer, CheckRun run, RenderOptions options, CultureInfo culture)
    {
        foreach (var group in CrossGroups.Of(run))
        {
            writer.WriteLine($"### {Words.Get(culture, "md.cross-report-checks")} · {Cell(group.Jurisdiction)}");
            writer.WriteLine();
            writer.WriteLine($"{Words.Get(culture, "md.reports-list")}{string.Join(Words.Get(culture, "md.list-separator"), group.Reports.Select(r => r.Result is null ? Escaping.MarkdownCode(r.Source) : $"{Cell(r.Title)} ({Escaping.MarkdownCode(r.Source)})"))}");
            writer.WriteLine();
            if (group.Entries.Count == 0)
            {
                writer.WriteLine(Words.Get(culture, "md.no-findings"));
                writer.WriteLine();
                continue;
            }

            var withBaseline = run.Baseline is not null;
            writer.WriteLine(HeaderRow(culture, withBaseline, "md.col.severity", "md.col.rule", "md.col.about", "md.col.message", "md.col.formula", "md.col.reports"));
            writer.WriteLine($"|---|---|---|---|---|---|{(withBaseline ? "---|" : "")}");
            foreach (var entry in group.Entries)
            {
                var f = entry.Finding;
                var about = $"{Cell(entry.Agency)} {YearText(entry.Year, culture)}{(f.Line is { } l ? Words.Get(culture, "line.after", ("line", Int(l))) : "")}";
                var involved = string.Join("<br>", entry.Sources.Select(Escaping.MarkdownCode));
                var mark = BaselineMark(run, entry.Agency, entry.Year, f, culture) is { } m ? $" {m} |" : "";
                writer.WriteLine($"| {Icon(f.Severity)} {SeverityWord(f.Severity, culture)} | {Escaping.MarkdownCode(f.RuleId)} | {about} | {Message(f, options)} | {Formula(f, options)} | {involved} |{mark}");
            }

            writer.WriteLine();
            Legend(writer, group.Entries.Select(e => e.Finding), options);
        }
    }

    private static string Message(Findings.Finding f, RenderOptions options)
    {
        var message = new StringBuilder(Cell(f.Message.In(options.Language)));
        if (f.Suspect is { } s)
        {
            message.Append("<br>").Append(Words.Get(options.Culture, "md.likely-wrong")).Append(Escaping.MarkdownCode(SuspectName(f, s, options)));
            foreach (var alternative in s.Alternatives)
            {
                message.Append(Words.Get(options.Culture, "md.or")).Append(Escaping.MarkdownCode(options.Zh && f.Cells.FirstOrDefault(c => c.Id == alternative.Cell) is { } cell ? cell.Label : alternative.Cell.Value));
            }
        }

        if (ReconstructedCells(f, options) is { } reconstructed)
        {
            message.Append("<br>").Append(Cell(reconstructed));
        }

        if (f.Quote is { } q)
        {
            message.Append("<br>> ").Append(Cell(q));
        }

        return message.ToString();
    }

    /// <summary>The legend of the reconstructed mark under a findings table that lists a reconstructed cell.</summary>
    private static void Legend(TextWriter writer, IEnumerable<Findings.Finding> findings, RenderOptions options)
    {
        if (AnyReconstructed(findings))
        {
            writer.WriteLine(Cell(ReconstructedLegend(options)));
            writer.WriteLine();
        }
    }

    private static string Formula(Findings.Finding f, RenderOptions options) =>
        FormulaText(f, options) is { } fx ? Escaping.MarkdownCode(fx) : "";

    private static string Icon(Severity severity) => severity switch
    {
        Severity.Error => "🔴",
        Severity.Warning => "🟠",
        _ => "🔵",
    };

    /// <summary>Escapes text for a table cell (<see cref="Escaping.Markdown"/>).</summary>
    internal static string Cell(string text) => Escaping.Markdown(text);

    /// <summary>A markdown table header row and its separator line.</summary>
    private static string Row(params string[] heads) =>
        "| " + string.Join(" | ", heads) + " |";

    /// <summary>A markdown table's header row from message keys, with the baseline column when a baseline was given.</summary>
    private static string HeaderRow(CultureInfo culture, bool withBaseline, params string[] keys) =>
        $"| {string.Join(" | ", keys.Select(k => Words.Get(culture, k)))} |{(withBaseline ? $" {Words.Get(culture, "md.col.baseline")} |" : "")}";
}
