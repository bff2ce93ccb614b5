using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Reporting.Baselines;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Reporting;

/// <summary>Counts of findings by severity for one group (a rule, an agency).</summary>
internal sealed record SeverityCounts(string Key, int Error, int Warning, int Info)
{
    public int Total => Error + Warning + Info;
}

/// <summary>Aggregates shared by the renderers, all in deterministic order.</summary>
internal static class RunStatistics
{
    /// <summary>Findings per rule, most errors first, then most findings, then rule id.</summary>
    /// <remarks>Cross-report findings count under their rule.</remarks>
    public static IReadOnlyList<SeverityCounts> ByRule(CheckRun run) =>
        Group(run.Results.SelectMany(r => r.Findings).Concat((run.CrossReport ?? []).Select(c => c.Finding)), f => f.RuleId, f => f);

    /// <summary>Findings per agency, most errors first, then most findings, then name.</summary>
    /// <remarks>Cross-report findings count under the agency of the report they are about.</remarks>
    public static IReadOnlyList<SeverityCounts> ByAgency(CheckRun run) =>
        Group(run.Results.SelectMany(r => r.Findings.Select(f => (r.Report.Agency.Name, f)))
            .Concat((run.CrossReport ?? []).Select(c => (Name: c.Agency, f: c.Finding))), x => x.Name, x => x.f);

    private static IReadOnlyList<SeverityCounts> Group<T>(IEnumerable<T> items, Func<T, string> key, Func<T, Finding> finding) =>
        items.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new SeverityCounts(
                g.Key,
                g.Count(x => finding(x).Severity == Severity.Error),
                g.Count(x => finding(x).Severity == Severity.Warning),
                g.Count(x => finding(x).Severity == Severity.Info)))
            .OrderByDescending(c => c.Error).ThenByDescending(c => c.Total).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();

    public static string SeverityWord(Severity severity, CultureInfo culture) => severity switch
    {
        Severity.Error => Words.Get(culture, "stats.error"),
        Severity.Warning => Words.Get(culture, "stats.warning"),
        _ => Words.Get(culture, "stats.info"),
    };

    public static string SeverityToken(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string Num(decimal? value) => (value is { } v ? Model.CellValue.Format(v) : "—");

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A report year as shown: the year, or "year unknown" for a report whose year could not be read (a blank template has year 0).</summary>
    public static string YearText(int year, CultureInfo culture) =>
        year > 0 ? Int(year) : Messages.MessageCatalog.Get(culture, "year.unknown");

    /// <summary>A finding's formula in the rendering's language.</summary>
    public static string? FormulaText(Finding f, RenderOptions options) => f.FormulaIn(options.Culture);

    /// <summary>A cell as named in the rendering's language: its label in Chinese, its id in English.</summary>
    public static string CellName(FindingCell c, RenderOptions options) => c.NameIn(options.Culture);

    /// <summary>A cell's value as a finding shows it, followed by the reconstructed mark (<c>2543*</c>) when it was split from digits that ran together in the source.</summary>
    public static string CellValueText(FindingCell c, RenderOptions options) =>
        c.Reconstructed ? c.DisplayIn(options.Culture) + Messages.MessageCatalog.Get(options.Culture, "report.reconstructed.mark") : c.DisplayIn(options.Culture);

    /// <summary>The cells of a finding whose values were split from digits that ran together, as <c>name=value*</c>; <see langword="null"/> when there are none.</summary>
    public static string? ReconstructedCells(Finding f, RenderOptions options)
    {
        var cells = f.Cells.Where(c => c.Reconstructed).Select(c => $"{CellName(c, options)}={CellValueText(c, options)}").ToList();
        return cells.Count == 0
            ? null
            : Words.Get(options.Culture, "report.reconstructed.cells", ("cells", string.Join(Words.Get(options.Culture, "formula.list-separator"), cells)));
    }

    /// <summary>Whether any of the findings lists a reconstructed cell (then the legend of the mark is shown).</summary>
    public static bool AnyReconstructed(IEnumerable<Finding> findings) => findings.Any(f => f.Cells.Any(c => c.Reconstructed));

    /// <summary>The legend of the reconstructed mark in the rendering's language.</summary>
    public static string ReconstructedLegend(RenderOptions options) => Messages.MessageCatalog.Get(options.Culture, "report.reconstructed.legend");

    /// <summary>The suspected cell of a finding as named in the rendering's language (its label in Chinese when the finding lists the cell).</summary>
    public static string SuspectName(Finding f, Suspect s, RenderOptions options) =>
        options.Zh && f.Cells.FirstOrDefault(c => c.Id == s.Cell) is { } cell ? cell.Label : s.Cell.Value;

    /// <summary>The baseline marker of a shown finding, or <see langword="null"/> when there was no baseline or the finding is simply new.</summary>
    public static string? BaselineMark(CheckRun run, ReportCheckResult result, Finding f, CultureInfo culture) =>
        BaselineMark(run, result.Report.Agency.Name, result.Report.Year, f, culture);

    /// <summary>The baseline marker of a shown finding about the report of an agency and year (cross-report findings: the subject's).</summary>
    public static string? BaselineMark(CheckRun run, string agency, int year, Finding f, CultureInfo culture)
    {
        if (run.Baseline is not { } b)
        {
            return null;
        }

        var fingerprint = f.FingerprintFor(agency, year);
        var entry = b.EntryOf(fingerprint);
        var note = entry is null ? "" : Note(entry, culture);
        return b.StateOf(fingerprint) switch
        {
            BaselineState.Changed => Words.Get(culture, "stats.accepted-figures-changed"),
            BaselineState.Expired => Words.Get(culture, "stats.acceptance-expired"),
            BaselineState.Confirmed => Words.Get(culture, "stats.confirmed") + note,
            BaselineState.FalseAlarm => Words.Get(culture, "stats.false-alarm") + note,
            _ => Words.Get(culture, "stats.new"),
        };
    }

    /// <summary>The reviewer and comment of a decision, for a baseline marker: <c>（张三：理由）</c>.</summary>
    private static string Note(BaselineEntry e, CultureInfo culture)
    {
        var comment = e.Comment.Length > 0 ? e.Comment : e.Reason;
        var who = e.AcceptedBy;
        if (comment.Length == 0 && who.Length == 0)
        {
            return "";
        }

        var text = who.Length > 0 && comment.Length > 0 ? $"{who}{Words.Get(culture, "stats.colon")}{comment}" : who + comment;
        return Words.Get(culture, "stats.note", ("text", text));
    }

    public static string Source(ReportCheckResult result) => result.Report.Source ?? $"{result.Report.Agency.Name} {result.Report.Year}";

    public static string EntryText(BaselineEntry e, CultureInfo culture) =>
        Words.Get(culture, "baseline.entry", ("rule", e.Rule), ("agency", e.Agency), ("year", Int(e.Year)),
            ("instance", e.Instance.Length > 0 ? $" ({e.Instance})" : ""), ("fingerprint", e.Fingerprint), ("expires", Date(e.Expires)),
            ("acceptedBy", e.AcceptedBy), ("reason", e.Reason));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
