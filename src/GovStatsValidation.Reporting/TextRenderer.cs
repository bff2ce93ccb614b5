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
        var zh = options.Zh;
        var terminal = new TerminalWriter(writer);
        foreach (var result in run.Results)
        {
            var r = result.Report;
            terminal.Line($"{Paint(options, Bold, Source(result))}");
            terminal.Line($"  {r.Agency.Name} · {YearText(r.Year, zh)} · {Words.Get(zh, "text.schema")} {r.Schema.ToToken()}{(r.Variant is { } variant ? "/" + variant : "")} · " +
                $"{Int(result.Count(Severity.Error))} {Words.Get(zh, "text.error-s")}, {Int(result.Count(Severity.Warning))} {Words.Get(zh, "text.warning-s")}, {Int(result.Count(Severity.Info))} {Words.Get(zh, "text.info")}");
            if (result.Findings.Count == 0)
            {
                terminal.Line($"{Paint(options, Green, Words.Get(zh, "text.no-findings"))}");
            }

            foreach (var f in result.Findings)
            {
                WriteFinding(terminal, f, BaselineMark(run, result, f, zh), options, zh);
            }

            if (AnyReconstructed(result.Findings))
            {
                terminal.Line($"{Paint(options, Dim, $"  {ReconstructedLegend(options)}")}");
            }

            terminal.Line();
        }

        WriteCrossReport(terminal, run, options, zh);

        foreach (var e in run.InputErrors)
        {
            terminal.Line($"{Paint(options, Red, $"{Words.Get(zh, "text.cannot-read")} {e.Source}{(e.Line is { } l ? $"({Int(l)})" : "")}: {e.Message}")}");
        }

        foreach (var e in run.Skipped)
        {
            terminal.Line($"{Paint(options, Yellow, $"{Words.Get(zh, "text.skipped-not-a-report")} {e.Source}: {e.Message}")}");
        }

        if (run.InputErrors.Count + run.Skipped.Count > 0)
        {
            terminal.Line();
        }

        WriteBaseline(terminal, run, options, zh);
        WriteSummary(terminal, run, options, zh);
    }

    /// <summary>A section per jurisdiction: its reports, then each cross-report finding with the report it is about and every report involved.</summary>
    private static void WriteCrossReport(TerminalWriter writer, CheckRun run, RenderOptions options, bool zh)
    {
        foreach (var group in CrossGroups.Of(run))
        {
            writer.Line($"{Paint(options, Bold, $"{Words.Get(zh, "text.cross-report-checks")} · {group.Jurisdiction}")}");
            writer.Line($"  {Words.Get(zh, "text.reports")}: {string.Join(", ", group.Reports.Select(r => r.Result is null ? r.Source : $"{r.Title} ({r.Source})"))}");
            if (group.Entries.Count == 0)
            {
                writer.Line($"{Paint(options, Green, Words.Get(zh, "text.no-findings"))}");
            }

            foreach (var entry in group.Entries)
            {
                WriteFinding(writer, entry.Finding, BaselineMark(run, entry.Agency, entry.Year, entry.Finding, zh), options, zh);
                writer.Line($"      {Words.Get(zh, "text.about")}: {entry.Agency} {YearText(entry.Year, zh)}{(entry.Subject is { } subject ? $" ({subject})" : "")}");
                writer.Line($"      {Words.Get(zh, "text.reports-involved")}: {string.Join(", ", entry.Sources)}");
            }

            if (AnyReconstructed(group.Entries.Select(e => e.Finding)))
            {
                writer.Line($"{Paint(options, Dim, $"  {ReconstructedLegend(options)}")}");
            }

            writer.Line();
        }
    }

    private static void WriteFinding(TerminalWriter writer, Finding f, string? baselineMark, RenderOptions options, bool zh)
    {
        var code = f.Severity switch
        {
            Severity.Error => Red,
            Severity.Warning => Yellow,
            _ => Cyan,
        };
        var line = f.Line is { } l ? " " + Words.Get(zh, "line.n", ("line", Int(l))) : "";
        var mark = baselineMark is { } m ? $" [{m}]" : "";
        writer.Line($"  {Paint(options, code, SeverityWord(f.Severity, zh))} {Paint(options, Bold, f.RuleId)}{line}{mark}: {f.Message.In(options.Language)}");
        if (FormulaText(f, options) is { } formula)
        {
            writer.Line($"{Paint(options, Dim, $"      {Words.Get(zh, "text.formula")}: {formula}")}");
        }

        if (f.Expected is not null || f.Actual is not null)
        {
            writer.Line($"      {Words.Get(zh, "text.expected")} {Num(f.Expected)}, {Words.Get(zh, "text.actual")} {Num(f.Actual)}{(f.Difference is { } d ? $", {Words.Get(zh, "text.difference")} {Num(d)}" : "")}");
        }

        if (f.Cells.Count > 0)
        {
            var shown = f.Cells.Take(8).Select(c => $"{CellName(c, options)}={CellValueText(c, options)}{(c.Line is { } cl ? $"@{(c.Page is { } cp ? $"p{Int(cp)}:" : "")}{Int(cl)}" : "")}");
            writer.Line($"{Paint(options, Dim, $"      {Words.Get(zh, "text.cells")}: {string.Join(", ", shown)}{(f.Cells.Count > 8 ? $", … (+{Int(f.Cells.Count - 8)})" : "")}")}");
        }

        if (f.Suspect is { } s)
        {
            writer.Line($"      {Words.Get(zh, "text.likely-wrong")}: {SuspectName(f, s, options)}{(s.CorrectedValue is { } cv ? $" (→ {Num(cv)})" : "")} — {s.Reason.In(options.Language)}");
        }

        if (f.Quote is { } q)
        {
            writer.Line($"      {Words.Get(zh, "text.quote")}: “{q}”");
        }
    }

    private static void WriteBaseline(TerminalWriter writer, CheckRun run, RenderOptions options, bool zh)
    {
        if (run.Baseline is not { } b)
        {
            return;
        }

        writer.Line($"{Paint(options, Bold, Words.Get(zh, "run.baseline-heading", ("date", Date(b.Today))))}");
        writer.Line($"{(zh
            ? $"  已接受并隐藏 {Int(b.Accepted)} 个发现；过期条目 {Int(b.Expired.Count)} 个，失效条目 {Int(b.Stale.Count)} 个，未检查的报告的条目 {Int(b.NotChecked)} 个{(b.NotComparable > 0 ? $"，本次未比较的条目 {Int(b.NotComparable)} 个（规则已停用或低于 --min-severity）" : "")}"
            : $"  {Int(b.Accepted)} accepted finding(s) hidden; {Int(b.Expired.Count)} expired entr(y/ies), {Int(b.Stale.Count)} stale, {Int(b.NotChecked)} for reports not checked{(b.NotComparable > 0 ? $", {Int(b.NotComparable)} not compared (rule switched off or below --min-severity)" : "")}")}");
        foreach (var e in b.Expired)
        {
            writer.Line($"{Paint(options, Yellow, $"  {Words.Get(zh, "text.expired")}: {EntryText(e, zh)}")}");
        }

        foreach (var e in b.Stale)
        {
            writer.Line($"{Paint(options, Yellow, $"  {Words.Get(zh, "text.stale-no-longer-matches")}: {EntryText(e, zh)}")}");
        }

        writer.Line();
    }

    private static void WriteSummary(TerminalWriter writer, CheckRun run, RenderOptions options, bool zh)
    {
        var errors = run.Count(Severity.Error);
        var warnings = run.Count(Severity.Warning);
        var infos = run.Count(Severity.Info);
        var byRule = ByRule(run);
        if (byRule.Count > 0)
        {
            writer.Line($"{Paint(options, Bold, Words.Get(zh, "text.by-rule"))}");
            foreach (var c in byRule)
            {
                writer.Line($"  {Int(c.Total),4}  {c.Key}  ({Int(c.Error)}/{Int(c.Warning)}/{Int(c.Info)})");
            }

            writer.Line();
        }

        var cross = run.CrossReport is { } crossEntries
            ? Words.Get(zh, "text.cross-count", ("count", Int(crossEntries.Count)))
            : "";
        var summary = zh
            ? $"共检查 {Int(run.Results.Count)} 份报告：{Int(errors)} 个错误，{Int(warnings)} 个警告，{Int(infos)} 个提示{cross}；{Int(run.InputErrors.Count)} 个文件无法读取"
            : $"{Int(run.Results.Count)} report(s) checked: {Int(errors)} error(s), {Int(warnings)} warning(s), {Int(infos)} info{cross}; {Int(run.InputErrors.Count)} input error(s)";
        writer.Line($"{Paint(options, errors > 0 || run.InputErrors.Count > 0 ? Red : warnings > 0 ? Yellow : Green, summary)}");
    }

    private static Painted Paint(RenderOptions options, string code, string text) => Painted.Paint(options.Color, code, text);
}
