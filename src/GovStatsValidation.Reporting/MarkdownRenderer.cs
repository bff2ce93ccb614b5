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
        var zh = options.Zh;
        writer.WriteLine("## " + Words.Get(zh, "md.check-results"));
        writer.WriteLine();
        writer.WriteLine(Row(Words.Get(zh, "md.reports"), Words.Get(zh, "md.errors"), Words.Get(zh, "md.warnings"), Words.Get(zh, "md.info"), Words.Get(zh, "md.input-errors")));
        writer.WriteLine("|---:|---:|---:|---:|---:|");
        writer.WriteLine($"| {Int(run.Results.Count)} | {Int(run.Count(Severity.Error))} | {Int(run.Count(Severity.Warning))} | {Int(run.Count(Severity.Info))} | {Int(run.InputErrors.Count)} |");
        writer.WriteLine();
        if (run.CrossReport is { } cross)
        {
            writer.WriteLine(zh
                ? $"其中跨报告发现：{Int(run.CrossCount(Severity.Error))} 个错误，{Int(run.CrossCount(Severity.Warning))} 个警告，{Int(run.CrossCount(Severity.Info))} 个提示（共 {Int(cross.Count)} 个）。"
                : $"Of these, cross-report findings: {Int(run.CrossCount(Severity.Error))} error(s), {Int(run.CrossCount(Severity.Warning))} warning(s), {Int(run.CrossCount(Severity.Info))} info ({Int(cross.Count)} in all).");
            writer.WriteLine();
        }

        var byRule = ByRule(run);
        if (byRule.Count > 0)
        {
            writer.WriteLine("<details><summary>" + Words.Get(zh, "md.findings-by-rule") + "</summary>");
            writer.WriteLine();
            writer.WriteLine(Row(Words.Get(zh, "md.rule"), Words.Get(zh, "md.errors"), Words.Get(zh, "md.warnings"), Words.Get(zh, "md.info")));
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
            writer.WriteLine($"{Cell(r.Agency.Name)} · {YearText(r.Year, zh)} · {Words.Get(zh, "md.schema")} `{r.Schema.ToToken()}{(r.Variant is { } variant ? "/" + variant : "")}` · " +
                (zh
                    ? $"{Int(result.Count(Severity.Error))} 个错误，{Int(result.Count(Severity.Warning))} 个警告，{Int(result.Count(Severity.Info))} 个提示"
                    : $"{Int(result.Count(Severity.Error))} error(s), {Int(result.Count(Severity.Warning))} warning(s), {Int(result.Count(Severity.Info))} info"));
            writer.WriteLine();
            if (result.Findings.Count == 0)
            {
                writer.WriteLine(Words.Get(zh, "md.no-findings"));
                writer.WriteLine();
                continue;
            }

            var withBaseline = run.Baseline is not null;
            writer.WriteLine(zh
                ? $"| 级别 | 规则 | 行 | 说明 | 算式 |{(withBaseline ? " 基线 |" : "")}"
                : $"| Severity | Rule | Line | Message | Formula |{(withBaseline ? " Baseline |" : "")}");
            writer.WriteLine($"|---|---|---:|---|---|{(withBaseline ? "---|" : "")}");
            foreach (var f in result.Findings)
            {
                var mark = BaselineMark(run, result, f, zh) is { } m ? $" {m} |" : "";
                writer.WriteLine($"| {Icon(f.Severity)} {SeverityWord(f.Severity, zh)} | {Escaping.MarkdownCode(f.RuleId)} | {(f.Line is { } l ? Int(l) : "")} | {Message(f, options)} | {Formula(f, options)} |{mark}");
            }

            writer.WriteLine();
            Legend(writer, result.Findings, options);
        }

        CrossReport(writer, run, options, zh);

        if (run.Skipped.Count > 0)
        {
            writer.WriteLine("### " + Words.Get(zh, "md.skipped-files"));
            writer.WriteLine();
            foreach (var e in run.Skipped)
            {
                writer.WriteLine($"- {Escaping.MarkdownCode(e.Source)}: {Cell(e.Message)}");
            }

            writer.WriteLine();
        }

        if (run.InputErrors.Count > 0)
        {
            writer.WriteLine("### " + Words.Get(zh, "md.input-errors-heading"));
            writer.WriteLine();
            foreach (var e in run.InputErrors)
            {
                writer.WriteLine($"- {Escaping.MarkdownCode(e.Source)}{(e.Line is { } l ? $" ({Words.Get(zh, "line.n", ("line", Int(l)))})" : "")}: {Cell(e.Message)}");
            }

            writer.WriteLine();
        }

        if (run.Baseline is { } b)
        {
            writer.WriteLine("### " + Words.Get(zh, "run.baseline-heading", ("date", Date(b.Today))));
            writer.WriteLine();
            writer.WriteLine(zh
                ? $"已接受并隐藏 {Int(b.Accepted)} 个发现；过期条目 {Int(b.Expired.Count)} 个，失效条目 {Int(b.Stale.Count)} 个。"
                : $"{Int(b.Accepted)} accepted finding(s) hidden; {Int(b.Expired.Count)} expired entr(y/ies), {Int(b.Stale.Count)} stale.");
            writer.WriteLine();
            foreach (var e in b.Expired)
            {
                writer.WriteLine($"- {Words.Get(zh, "md.expired")}: {Cell(EntryText(e, zh))}");
            }

            foreach (var e in b.Stale)
            {
                writer.WriteLine($"- {Words.Get(zh, "md.stale")}: {Cell(EntryText(e, zh))}");
            }

            if (b.Expired.Count + b.Stale.Count > 0)
            {
                writer.WriteLine();
            }
        }
    }

    /// <summary>A section per jurisdiction: its reports, then a table of its cross-report findings with the report each is about and every report involved.</summary>
    private static void CrossReport(TextWriter writer, CheckRun run, RenderOptions options, bool zh)
    {
        foreach (var group in CrossGroups.Of(run))
        {
            writer.WriteLine($"### {Words.Get(zh, "md.cross-report-checks")} · {Cell(group.Jurisdiction)}");
            writer.WriteLine();
            writer.WriteLine($"{Words.Get(zh, "md.reports-list")}{string.Join(Words.Get(zh, "md.list-separator"), group.Reports.Select(r => r.Result is null ? Escaping.MarkdownCode(r.Source) : $"{Cell(r.Title)} ({Escaping.MarkdownCode(r.Source)})"))}");
            writer.WriteLine();
            if (group.Entries.Count == 0)
            {
                writer.WriteLine(Words.Get(zh, "md.no-findings"));
                writer.WriteLine();
                continue;
            }

            var withBaseline = run.Baseline is not null;
            writer.WriteLine(zh
                ? $"| 级别 | 规则 | 关于 | 说明 | 算式 | 涉及报告 |{(withBaseline ? " 基线 |" : "")}"
                : $"| Severity | Rule | About | Message | Formula | Reports involved |{(withBaseline ? " Baseline |" : "")}");
            writer.WriteLine($"|---|---|---|---|---|---|{(withBaseline ? "---|" : "")}");
            foreach (var entry in group.Entries)
            {
                var f = entry.Finding;
                var about = $"{Cell(entry.Agency)} {YearText(entry.Year, zh)}{(f.Line is { } l ? Words.Get(zh, "line.after", ("line", Int(l))) : "")}";
                var involved = string.Join("<br>", entry.Sources.Select(Escaping.MarkdownCode));
                var mark = BaselineMark(run, entry.Agency, entry.Year, f, zh) is { } m ? $" {m} |" : "";
                writer.WriteLine($"| {Icon(f.Severity)} {SeverityWord(f.Severity, zh)} | {Escaping.MarkdownCode(f.RuleId)} | {about} | {Message(f, options)} | {Formula(f, options)} | {involved} |{mark}");
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
            message.Append("<br>").Append(Words.Get(options.Zh, "md.likely-wrong")).Append(Escaping.MarkdownCode(SuspectName(f, s, options)));
            foreach (var alternative in s.Alternatives)
            {
                message.Append(Words.Get(options.Zh, "md.or")).Append(Escaping.MarkdownCode(options.Zh && f.Cells.FirstOrDefault(c => c.Id == alternative.Cell) is { } cell ? cell.Label : alternative.Cell.Value));
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
}
