using System.Globalization;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using static GovStatsValidation.Reporting.RunStatistics;

namespace GovStatsValidation.Reporting;

/// <summary>
/// The readable form: findings grouped by report, with formula, cells, suspect and quote; then the cross-report findings
/// in a section per jurisdiction; a summary by severity and by rule at the end (cross-report findings included). ANSI colours only when <see cref="RenderOptions.Color"/> is set (a terminal), plain otherwise.
/// </summary>
public sealed class TextRenderer : IRunRenderer
{
    private const string Bold = "1";
    private const string Dim = "2";
    private const string Red = "31";
    private const string Yellow = "33";
    private const string Cyan = "36";
    private const string Green = "32";

    /// <inheritdoc/>
    public string Format => "text";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var culture = options.Culture;
        var terminal = new TerminalWriter(writer);
        foreach (var result in run.Results)
        {
            var r = result.Report;
            terminal.Line($"{Paint(options, Bold, Source(result))}");
            terminal.Line($"  {r.Agency.Name} · {YearText(r.Year, culture)} · {Words.Get(culture, "text.schema")} {r.Schema.ToToken()}{(r.Variant is { } variant ? "/" + variant : "")} · " +
                $"{Int(result.Count(Severity.Error))} {Words.Get(culture, "text.error-s")}, {Int(result.Count(Severity.Warning))} {Words.Get(culture, "text.warning-s")}, {Int(result.Count(Severity.Info))} {Words.Get(culture, "text.info")}");
            if (result.Findings.Count == 0)
            {
                terminal.Line($"{Paint(options, Green, Words.Get(culture, "text.no-findings"))}");
            }

            foreach (var f in result.Findings)
            {
                WriteFinding(terminal, f, BaselineMark(run, result, f, culture), options, culture);
            }

            if (AnyReconstructed(result.Findings))
            {
                terminal.Line($"{Paint(options, Dim, $"  {ReconstructedLegend(options)}")}");
            }

            terminal.Line();
        }

        WriteCrossReport(terminal, run, options, culture);

        foreach (var e in run.InputErrors)
        {
            terminal.Line($"{Paint(options, Red, $"{Words.Get(culture, "text.cannot-read")} {e.Source}{(e.Line is { } l ? $"({Int(l)})" : "")}: {e.Message}")}");
        }

        foreach (var e in run.Skipped)
        {
            terminal.Line($"{Paint(options, Yellow, $"{Words.Get(culture, "text.skipped-not-a-report")} {e.Source}: {e.Message}")}");
        }

        if (run.InputErrors.Count + run.Skipped.Count > 0)
        {
            terminal.Line();
        }

        WriteBaseline(terminal, run, options, culture);
        WriteSummary(terminal, run, options, culture);
    }

    /// <summary>A section per jurisdiction: its reports, then each cross-report finding with the report it is about and every report involved.</summary>
    private static void WriteCrossReport(TerminalWriter writer, CheckRun run, RenderOptions options, CultureInfo culture)
    {
        foreach (var group in CrossGroups.Of(run))
        {
            writer.Line($"{Paint(options, Bold, $"{Words.Get(culture, "text.cross-report-checks")} · {group.Jurisdiction}")}");
            writer.Line($"  {Words.Get(culture, "text.reports")}: {string.Join(", ", group.Reports.Select(r => r.Result is null ? r.Source : $"{r.Title} ({r.Source})"))}");
            if (group.Entries.Count == 0)
            {
                writer.Line($"{Paint(options, Green, Words.Get(culture, "text.no-findings"))}");
            }

            foreach (var entry in group.Entries)
            {
                WriteFinding(writer, entry.Finding, BaselineMark(run, entry.Agency, entry.Year, entry.Finding, culture), options, culture);
                writer.Line($"      {Words.Get(culture, "text.about")}: {entry.Agency} {YearText(entry.Year, culture)}{(entry.Subject is { } subject ? $" ({subject})" : "")}");
                writer.Line($"      {Words.Get(culture, "text.reports-involved")}: {string.Join(", ", entry.Sources)}");
            }

            if (AnyReconstructed(group.Entries.Select(e => e.Finding)))
            {
                writer.Line($"{Paint(options, Dim, $"  {ReconstructedLegend(options)}")}");
            }

            writer.Line();
        }
    }

    private static void WriteFinding(TerminalWriter writer, Finding f, string? baselineMark, RenderOptions options, CultureInfo culture)
    {
        var code = f.Severity switch
        {
            Severity.Error => Red,
            Severity.Warning => Yellow,
            _ => Cyan,
        };
        var line = f.Line is { } l ? " " + Words.Get(culture, "line.n", ("line", Int(l))) : "";
        var mark = baselineMark is { } m ? $" [{m}]" : "";
        writer.Line($"  {Paint(options, code, SeverityWord(f.Severity, culture))} {Paint(options, Bold, f.RuleId)}{line}{mark}: {f.Message.In(options.Language)}");
        if (FormulaText(f, options) is { } formula)
        {
            writer.Line($"{Paint(options, Dim, $"      {Words.Get(culture, "text.formula")}: {formula}")}");
        }

        if (f.Expected is not null || f.Actual is not null)
        {
            writer.Line($"      {Words.Get(culture, "text.expected")} {Num(f.Expected)}, {Words.Get(culture, "text.actual")} {Num(f.Actual)}{(f.Difference is { } d ? $", {Words.Get(culture, "text.difference")} {Num(d)}" : "")}");
        }

        if (f.Cells.Count > 0)
        {
            var shown = f.Cells.Take(8).Select(c => $"{CellName(c, options)}={CellValueText(c, options)}{(c.Line is { } cl ? $"@{(c.Page is { } cp ? $"p{Int(cp)}:" : "")}{Int(cl)}" : "")}");
            writer.Line($"{Paint(options, Dim, $"      {Words.Get(culture, "text.cells")}: {string.Join(", ", shown)}{(f.Cells.Count > 8 ? $", … (+{Int(f.Cells.Count - 8)})" : "")}")}");
        }

        if (f.Suspect is { } s)
        {
            writer.Line($"      {Words.Get(culture, "text.likely-wrong")}: {SuspectName(f, s, options)}{(s.CorrectedValue is { } cv ? $" (→ {Num(cv)})" : "")} — {s.Reason.In(options.Language)}");
        }

        if (f.Quote is { } q)
        {
            writer.Line($"      {Words.Get(culture, "text.quote")}: “{q}”");
        }
    }

    private static void WriteBaseline(TerminalWriter writer, CheckRun run, RenderOptions options, CultureInfo culture)
    {
        if (run.Baseline is not { } b)
        {
            return;
        }

        writer.Line($"{Paint(options, Bold, Words.Get(culture, "run.baseline-heading", ("date", Date(b.Today))))}");
        var notCompared = b.NotComparable > 0 ? Words.Get(culture, "text.baseline-not-compared", ("count", Int(b.NotComparable)), ("option", "--min-severity")) : "";
        writer.Line($"  {Words.Get(culture, "text.baseline-summary", ("accepted", Int(b.Accepted)), ("expired", Int(b.Expired.Count)), ("stale", Int(b.Stale.Count)), ("notChecked", Int(b.NotChecked)), ("notCompared", notCompared))}");
        foreach (var e in b.Expired)
        {
            writer.Line($"{Paint(options, Yellow, $"  {Words.Get(culture, "text.expired")}: {EntryText(e, culture)}")}");
        }

        foreach (var e in b.Stale)
        {
            writer.Line($"{Paint(options, Yellow, $"  {Words.Get(culture, "text.stale-no-longer-matches")}: {EntryText(e, culture)}")}");
        }

        writer.Line();
    }

    private static void WriteSummary(TerminalWriter writer, CheckRun run, RenderOptions options, CultureInfo culture)
    {
        var errors = run.Count(Severity.Error);
        var warnings = run.Count(Severity.Warning);
        var infos = run.Count(Severity.Info);
        var byRule = ByRule(run);
        if (byRule.Count > 0)
        {
            writer.Line($"{Paint(options, Bold, Words.Get(culture, "text.by-rule"))}");
            foreach (var c in byRule)
            {
                writer.Line($"  {Int(c.Total),4}  {c.Key}  ({Int(c.Error)}/{Int(c.Warning)}/{Int(c.Info)})");
            }

            writer.Line();
        }

        var cross = run.CrossReport is { } crossEntries
            ? Words.Get(culture, "text.cross-count", ("count", Int(crossEntries.Count)))
            : "";
        var summary = Words.Get(culture, "text.run-summary", ("reports", Int(run.Results.Count)), ("errors", Int(errors)), ("warnings", Int(warnings)),
            ("infos", Int(infos)), ("cross", cross), ("inputErrors", Int(run.InputErrors.Count)));
        writer.Line($"{Paint(options, errors > 0 || run.InputErrors.Count > 0 ? Red : warnings > 0 ? Yellow : Green, summary)}");
    }

    private static Painted Paint(RenderOptions options, string code, string text) => Painted.Paint(options.Color, code, text);
}
