using System.Globalization;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using static GovStatsValidation.Reporting.RunStatistics;

namespace GovStatsValidation.Reporting;

/// <summary>
/// One self-contained HTML file that works offline (inline CSS, an inline SVG chart, a few lines of inline script; no
/// external scripts, fonts or images): a summary (reports checked, findings by severity, by rule and by agency), then per
/// report its statistics tables laid out as in the original format (rows and columns from the schema) with every cell a
/// finding names highlighted (<c>cell-flagged</c>, and <c>cell-suspect</c> for the likely wrong cell), and beside them
/// the findings with their formulas filled in and any quoted narrative sentence; then, when cross-report checks ran, a
/// jurisdiction view per jurisdiction (its reports side by side, the figures a cross-report finding names highlighted,
/// and its cross-report findings with every report involved).
/// </summary>
public sealed partial class HtmlRenderer : IRunRenderer
{
    /// <inheritdoc/>
    public string Format => "html";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var culture = options.Culture;
        var w = new StringBuilder(64 * 1024);
        w.Append("<!DOCTYPE html>\n<html lang=\"").Append(culture.Name).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Words.Get(culture, "html.govstats-check-report")).Append("</title>\n<style>\n").Append(HtmlAssets.Css).Append(HtmlAssets.ReviewCss).Append("</style>\n</head>\n<body data-review-key=\"").Append(ReviewKey(run)).Append("\">\n");
        w.Append("<header><h1>").Append(Words.Get(culture, "html.government-information-disclosure-annual")).Append("</h1></header>\n<main>\n");
        ReviewBar(w, culture);
        Summary(w, run, culture);
        var jurisdictionOf = JurisdictionOf(run);
        var n = 0;
        foreach (var result in run.Results)
        {
            n++;
            Report(w, run, result, n, options, jurisdictionOf);
        }

        Jurisdictions(w, run, options);
        CoverageOnly(w, run, culture);
        InputErrors(w, run, culture);
        Baseline(w, run, culture);
        w.Append("</main>\n<script>\n").Append(HtmlAssets.Script).Append(HtmlAssets.ReviewScript).Append("</script>\n</body>\n</html>\n");
        writer.Write(w.ToString());
    }

    private static void Summary(StringBuilder w, CheckRun run, CultureInfo culture)
    {
        var errors = run.Count(Severity.Error);
        var warnings = run.Count(Severity.Warning);
        var infos = run.Count(Severity.Info);
        w.Append("<section id=\"summary\">\n<h2>").Append(Words.Get(culture, "html.summary")).Append("</h2>\n<div class=\"cards\">\n");
        Card(w, "reports", Words.Get(culture, "html.reports-checked"), run.Results.Count);
        Card(w, "sev-error", Words.Get(culture, "html.errors"), errors);
        Card(w, "sev-warning", Words.Get(culture, "html.warnings"), warnings);
        Card(w, "sev-info", Words.Get(culture, "html.info"), infos);
        Card(w, "input", Words.Get(culture, "html.input-errors"), run.InputErrors.Count);
        w.Append("</div>\n<div class=\"charts\">\n<figure class=\"chart\">\n<figcaption>").Append(Words.Get(culture, "html.by-severity")).Append("</figcaption>\n");
        SeverityChart(w, errors, warnings, infos, culture);
        w.Append("</figure>\n");
        BarChart(w, Words.Get(culture, "html.by-rule"), ByRule(run), code: true);
        BarChart(w, Words.Get(culture, "html.by-agency"), ByAgency(run), code: false);
        w.Append("</div>\n");

        w.Append("<table class=\"toc\">\n<thead><tr><th>").Append(Words.Get(culture, "html.report")).Append("</th><th>").Append(Words.Get(culture, "html.agency"))
            .Append("</th><th>").Append(Words.Get(culture, "html.year")).Append("</th><th>").Append(Words.Get(culture, "html.schema"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.errors")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.warnings"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.info")).Append("</th></tr></thead>\n<tbody>\n");
        var n = 0;
        foreach (var result in run.Results)
        {
            n++;
            var r = result.Report;
            w.Append("<tr><td><a href=\"#report-").Append(Int(n)).Append("\">").Append(E(Source(result))).Append("</a></td><td>").Append(E(r.Agency.Name))
                .Append("</td><td>").Append(YearText(r.Year, culture)).Append("</td><td>").Append(r.Schema.ToToken())
                .Append("</td><td class=\"num\">").Append(Int(result.Count(Severity.Error))).Append("</td><td class=\"num\">").Append(Int(result.Count(Severity.Warning)))
                .Append("</td><td class=\"num\">").Append(Int(result.Count(Severity.Info))).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n");
        JurisdictionToc(w, run, culture);
        w.Append("</section>\n");
    }

    private static void Card(StringBuilder w, string css, string label, int value) =>
        w.Append("<div class=\"card ").Append(css).Append("\"><span class=\"card-value\">").Append(Int(value)).Append("</span><span class=\"card-label\">").Append(E(label)).Append("</span></div>\n");

    /// <summary>Three vertical bars drawn as inline SVG.</summary>
    private static void SeverityChart(StringBuilder w, int errors, int warnings, int infos, CultureInfo culture)
    {
        const int height = 120;
        var max = Math.Max(1, Math.Max(errors, Math.Max(warnings, infos)));
        w.Append("<svg class=\"severity-chart\" role=\"img\" viewBox=\"0 0 240 175\" width=\"240\" height=\"175\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        var bars = new[] { ("sev-error", Words.Get(culture, "html.errors-lower"), errors), ("sev-warning", Words.Get(culture, "html.warnings-lower"), warnings), ("sev-info", Words.Get(culture, "html.info-lower"), infos) };
        for (var i = 0; i < bars.Length; i++)
        {
            var (css, label, value) = bars[i];
            var h = value == 0 ? 0 : Math.Max(2, value * height / max);
            var x = 20 + (i * 75);
            w.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(Int(x)).Append("\" y=\"").Append(Int(25 + height - h)).Append("\" width=\"50\" height=\"").Append(Int(h)).Append("\"><title>")
                .Append(E(label)).Append(": ").Append(Int(value)).Append("</title></rect>\n");
            w.Append("<text x=\"").Append(Int(x + 25)).Append("\" y=\"").Append(Int(20 + height - h)).Append("\" text-anchor=\"middle\">").Append(Int(value)).Append("</text>\n");
            w.Append("<text x=\"").Append(Int(x + 25)).Append("\" y=\"165\" text-anchor=\"middle\">").Append(E(label)).Append("</text>\n");
        }

        w.Append("</svg>\n");
    }

    /// <summary>Horizontal stacked bars (error, warning, info) made of CSS widths.</summary>
    private static void BarChart(StringBuilder w, string title, IReadOnlyList<SeverityCounts> items, bool code)
    {
        const int shown = 15;
        w.Append("<figure class=\"chart bars\">\n<figcaption>").Append(E(title)).Append("</figcaption>\n");
        if (items.Count == 0)
        {
            w.Append("<p class=\"empty\">—</p>\n</figure>\n");
            return;
        }

        var max = items.Max(i => i.Total);
        foreach (var item in items.Take(shown))
        {
            w.Append("<div class=\"bar-row\"><span class=\"bar-label\" title=\"").Append(E(item.Key)).Append("\">")
                .Append(code ? "<code>" : "").Append(E(item.Key)).Append(code ? "</code>" : "").Append("</span><span class=\"bar\">");
            Segment(w, "sev-error", item.Error, max);
            Segment(w, "sev-warning", item.Warning, max);
            Segment(w, "sev-info", item.Info, max);
            w.Append("</span><span class=\"bar-value\">").Append(Int(item.Total)).Append("</span></div>\n");
        }

        if (items.Count > shown)
        {
            w.Append("<p class=\"more\">… +").Append(Int(items.Count - shown)).Append("</p>\n");
        }

        w.Append("</figure>\n");
    }

    private static void Segment(StringBuilder w, string css, int value, int max)
    {
        if (value > 0)
        {
            var percent = (value * 1000 / max) / 10m;
            w.Append("<span class=\"seg ").Append(css).Append("\" style=\"width:").Append(percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))
                .Append("%\" title=\"").Append(Int(value)).Append("\"></span>");
        }
    }

    private static void Report(StringBuilder w, CheckRun run, ReportCheckResult result, int n, RenderOptions options, IReadOnlyDictionary<string, string> jurisdictionOf)
    {
        var culture = options.Culture;
        var r = result.Report;
        var schema = r.SchemaDefinition;
        var prefix = $"r{Int(n)}-f";
        var review = new ReviewTarget(Source(result), r.Agency.Name, r.Year, jurisdictionOf.GetValueOrDefault(Source(result)) ?? "", Correctable: true);
        w.Append("<section class=\"report\" id=\"report-").Append(Int(n)).Append('"');
        ReportData(w, review, r);
        w.Append(">\n<h2>").Append(E(r.Agency.Name)).Append(" · ").Append(YearText(r.Year, culture)).Append("</h2>\n");
        w.Append("<p class=\"meta\"><code>").Append(E(Source(result))).Append("</code> · ").Append(Words.Get(culture, "html.schema-prefix")).Append(r.Schema.ToToken())
            .Append(" (").Append(E(schema.Title.In(options.Language))).Append(") · <span class=\"sev-error-text\">").Append(Int(result.Count(Severity.Error))).Append(Words.Get(culture, "html.error-s"))
            .Append("</span> · <span class=\"sev-warning-text\">").Append(Int(result.Count(Severity.Warning))).Append(Words.Get(culture, "html.warning-s"))
            .Append("</span> · <span class=\"sev-info-text\">").Append(Int(result.Count(Severity.Info))).Append(Words.Get(culture, "html.info-count")).Append("</span></p>\n");

        // cell id → the findings (numbers) that name it
        var flagged = new Dictionary<string, List<(int Number, Finding Finding)>>(StringComparer.Ordinal);
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Findings.Count; i++)
        {
            var f = result.Findings[i];
            foreach (var cell in f.Cells.Select(c => c.Id.Value).Append(f.Suspect?.Cell.Value).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!flagged.TryGetValue(cell, out var list))
                {
                    flagged[cell] = list = [];
                }

                list.Add((i + 1, f));
            }

            if (f.Suspect is { } s)
            {
                suspects.Add(s.Cell.Value);
            }
        }

        w.Append("<div class=\"report-body\">\n<div class=\"tables\">\n");
        var missing = new List<TableDefinition>();
        foreach (var table in schema.Tables)
        {
            var cells = table.AllRows.SelectMany(x => x.Cells).ToList();
            if (!cells.Any(c => r.Cells.Contains(c.Id) || flagged.ContainsKey(c.Id.Value)))
            {
                missing.Add(table);
                continue;
            }

            Table(w, r, table, flagged, suspects, prefix, options);
        }

        Corrections(w, r, culture);
        if (r.Cells.Any(c => c.Value.Reconstructed))
        {
            w.Append("<p class=\"reconstructed-legend\">").Append(E(ReconstructedLegend(options))).Append("</p>\n");
        }

        if (missing.Count > 0)
        {
            w.Append("<p class=\"absent-tables\">").Append(Words.Get(culture, "html.tables-not-in-the-report"))
                .Append(string.Join(Words.Get(culture, "html.list-separator"), missing.Select(t => E(t.Title.In(options.Language))))).Append("</p>\n");
        }

        w.Append("</div>\n<aside class=\"findings\">\n<h3>").Append(Words.Get(culture, "html.findings")).Append("</h3>\n");
        if (result.Findings.Count == 0)
        {
            w.Append("<p class=\"clean\">").Append(Words.Get(culture, "html.no-findings")).Append("</p>\n");
        }
        else
        {
            w.Append("<ol>\n");
            for (var i = 0; i < result.Findings.Count; i++)
            {
                Finding(w, result.Findings[i], prefix + Int(i + 1), BaselineMark(run, result, result.Findings[i], culture), options, review: review);
            }

            w.Append("</ol>\n");
        }

        w.Append("</aside>\n</div>\n</section>\n");
    }

    private static void Table(StringBuilder w, AnnualReport report, TableDefinition table, Dictionary<string, List<(int Number, Finding Finding)>> flagged,
        HashSet<string> suspects, string prefix, RenderOptions options)
    {
        var culture = options.Culture;
        var hasColumns = table.Columns.Count > 0;
        var hasUnits = table.AllRows.Any(x => x.Unit is not null);
        var valueColumns = hasColumns ? table.Columns.Count : 1;
        w.Append("<table class=\"stats\" data-table=\"").Append(E(table.Id)).Append("\">\n<caption>").Append(E(table.Title.In(options.Language)));
        if (table.Caption is { } caption)
        {
            w.Append(" <span class=\"caption-note\">").Append(E(caption)).Append("</span>");
        }

        w.Append("</caption>\n<thead><tr><th class=\"label\">").Append(Words.Get(culture, "html.item")).Append("</th>");
        if (hasUnits)
        {
            w.Append("<th>").Append(Words.Get(culture, "html.unit")).Append("</th>");
        }

        if (hasColumns)
        {
            foreach (var column in table.Columns)
            {
                w.Append("<th title=\"").Append(E(column.Id)).Append("\">").Append(E(column.Label)).Append("</th>");
            }
        }
        else
        {
            w.Append("<th>").Append(Words.Get(culture, "html.value")).Append("</th>");
        }

        w.Append("</tr></thead>\n<tbody>\n");
        foreach (var top in table.Rows)
        {
            Row(w, report, top, 0, hasUnits, valueColumns, flagged, suspects, prefix, options);
        }

        w.Append("</tbody>\n</table>\n");
    }

    private static void Row(StringBuilder w, AnnualReport report, SchemaRow row, int depth, bool hasUnits, int valueColumns,
        Dictionary<string, List<(int Number, Finding Finding)>> flagged, HashSet<string> suspects, string prefix, RenderOptions options)
    {
        var css = row.Kind switch
        {
            RowKind.Header => "row-header",
            RowKind.Derived => "row-derived",
            _ => row.Role == RowRole.OfWhich ? "row-ofwhich" : "row-value",
        };
        w.Append("<tr class=\"").Append(css).Append("\"><th class=\"label\" scope=\"row\" title=\"").Append(E(row.Id)).Append("\" style=\"padding-left:")
            .Append((0.4m + (depth * 1.2m)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append("em\">")
            .Append(row.Role == RowRole.OfWhich && depth > 0 ? "<span class=\"ofwhich\">其中：</span>" : "").Append(E(row.Label)).Append("</th>");
        if (hasUnits)
        {
            w.Append("<td class=\"unit\">").Append(E(row.Unit ?? "")).Append("</td>");
        }

        if (row.Cells.Count == 0)
        {
            w.Append("<td class=\"cell-none\" colspan=\"").Append(Int(valueColumns)).Append("\"></td>");
        }

        foreach (var cell in row.Cells)
        {
            var value = report.Cells[cell.Id];
            var classes = new List<string> { "cell", "cell-" + value.State.ToString().ToLowerInvariant() };
            flagged.TryGetValue(cell.Id.Value, out var findings);
            if (findings is not null)
            {
                classes.Add("cell-flagged");
                classes.Add("sev-" + SeverityToken(findings.Max(x => x.Finding.Severity)));
            }

            if (suspects.Contains(cell.Id.Value))
            {
                classes.Add("cell-suspect");
            }

            var correction = report.Corrections.FirstOrDefault(c => c.Cell == cell.Id && c.Status == CorrectionStatus.Applied);
            if (correction is not null)
            {
                classes.Add("cell-corrected");
            }

            if (value.Reconstructed)
            {
                classes.Add("cell-reconstructed");
            }

            w.Append("<td class=\"").Append(string.Join(' ', classes)).Append("\" data-cell=\"").Append(E(cell.Id.Value)).Append('"')
                .Append(" data-label=\"").Append(E(cell.Label)).Append("\" data-printed=\"").Append(E(CellCorrection.Printed(value))).Append('"');
            if (correction is not null)
            {
                w.Append(" data-published=\"").Append(E(correction.Published)).Append('"');
            }
            if (findings is not null)
            {
                w.Append(" data-findings=\"").Append(string.Join(' ', findings.Select(x => prefix + Int(x.Number)))).Append('"');
            }

            var title = cell.Id.Value + (value.Note is { } note ? " · " + note : "") + (findings is null ? "" : " · " + string.Join(", ", findings.Select(x => x.Finding.RuleId).Distinct()))
                + (correction is null ? "" : $" · 更正 corrected: {(correction.Published.Length == 0 ? "(blank)" : correction.Published)} → {(correction.Value is null ? "(blank)" : correction.ValueText)} · {correction.By}: {correction.Reason}");
            w.Append(" title=\"").Append(E(title)).Append("\">");
            if (correction is not null)
            {
                w.Append("<del class=\"published\">").Append(E(correction.Published)).Append("</del> ");
            }

            w.Append(E(Display(value)));
            if (value.Reconstructed)
            {
                w.Append("<span class=\"reconstructed-mark\">").Append(E(Messages.MessageCatalog.Get(options.Culture, "report.reconstructed.mark"))).Append("</span>");
            }

            if (findings is not null)
            {
                w.Append("<sup class=\"markers\">");
                foreach (var (number, _) in findings)
                {
                    w.Append("<a href=\"#").Append(prefix).Append(Int(number)).Append("\">").Append(Int(number)).Append("</a>");
                }

                w.Append("</sup>");
            }

            w.Append("</td>");
        }

        w.Append("</tr>\n");
        foreach (var child in row.Children)
        {
            Row(w, report, child, depth + 1, hasUnits, valueColumns, flagged, suspects, prefix, options);
        }
    }

    private static string Display(CellValue value) => value.State switch
    {
        CellState.Number => value.Raw ?? Num(value.Number),
        CellState.Absent or CellState.Blank => "",
        _ => value.Raw ?? "",
    };

    private static void Finding(StringBuilder w, Finding f, string id, string? baselineMark, RenderOptions options, Action<StringBuilder>? more = null, ReviewTarget? review = null)
    {
        var culture = options.Culture;
        var severity = SeverityToken(f.Severity);
        w.Append("<li id=\"").Append(id).Append("\" class=\"finding sev-").Append(severity).Append("\" data-cells=\"")
            .Append(E(string.Join(' ', f.Cells.Select(c => c.Id.Value)))).Append('"');
        if (review is not null)
        {
            FindingData(w, f, review);
        }

        w.Append(">\n<div class=\"finding-head\"><span class=\"badge sev-").Append(severity).Append("\">")
            .Append(SeverityWord(f.Severity, culture)).Append("</span> <code class=\"rule\">").Append(E(f.RuleId)).Append("</code>");
        if (f.Line is { } line)
        {
            w.Append(" <span class=\"line\">").Append(Words.Get(culture, "line.n", ("line", Int(line)))).Append("</span>");
        }

        if (baselineMark is { } mark)
        {
            w.Append(" <span class=\"baseline\">").Append(E(mark)).Append("</span>");
        }

        w.Append("</div>\n<p class=\"message\">").Append(E(f.Message.In(options.Language))).Append("</p>\n");
        more?.Invoke(w);
        if (FormulaText(f, options) is { } formula)
        {
            w.Append("<p class=\"formula\"><span>").Append(Words.Get(culture, "html.formula")).Append("</span> <code>").Append(E(formula)).Append("</code></p>\n");
        }

        if (ReconstructedCells(f, options) is { } reconstructed)
        {
            w.Append("<p class=\"reconstructed\" title=\"").Append(E(ReconstructedLegend(options))).Append("\">").Append(E(reconstructed)).Append("</p>\n");
        }

        if (f.Expected is not null || f.Actual is not null)
        {
            w.Append("<p class=\"numbers\">").Append(Words.Get(culture, "html.expected")).Append(Num(f.Expected)).Append(Words.Get(culture, "html.actual")).Append(Num(f.Actual));
            if (f.Difference is { } d)
            {
                w.Append(Words.Get(culture, "html.difference")).Append(Num(d));
            }

            w.Append("</p>\n");
        }

        if (f.Suspect is { } s)
        {
            w.Append("<p class=\"suspect\">").Append(Words.Get(culture, "html.likely-wrong")).Append("<code>").Append(E(SuspectName(f, s, options))).Append("</code>");
            if (s.CorrectedValue is { } cv)
            {
                w.Append(" → ").Append(Num(cv));
            }

            foreach (var alternative in s.Alternatives)
            {
                w.Append(Words.Get(culture, "html.or")).Append("<code>").Append(E(alternative.Cell.Value)).Append("</code>");
                if (alternative.CorrectedValue is { } acv)
                {
                    w.Append(" → ").Append(Num(acv));
                }
            }

            w.Append(" — ").Append(E(s.Reason.In(options.Language))).Append("</p>\n");
        }

        if (f.Quote is { } quote)
        {
            w.Append("<blockquote class=\"quote\">").Append(E(quote)).Append("</blockquote>\n");
        }

        if (review is not null)
        {
            ReviewControls(w, f, review, culture);
        }

        w.Append("</li>\n");
    }

    private static void InputErrors(StringBuilder w, CheckRun run, CultureInfo culture)
    {
        if (run.Skipped.Count > 0)
        {
            w.Append("<section id=\"skipped\">\n<h2>").Append(Words.Get(culture, "html.skipped-files-not-reports")).Append("</h2>\n<ul>\n");
            foreach (var e in run.Skipped)
            {
                w.Append("<li class=\"skipped\"><code>").Append(E(e.Source)).Append("</code>: ").Append(E(e.Message)).Append("</li>\n");
            }

            w.Append("</ul>\n</section>\n");
        }

        if (run.InputErrors.Count == 0)
        {
            return;
        }

        w.Append("<section id=\"input-errors\">\n<h2>").Append(Words.Get(culture, "html.input-errors")).Append("</h2>\n<ul>\n");
        foreach (var e in run.InputErrors)
        {
            w.Append("<li class=\"input-error\"><code>").Append(E(e.Source)).Append("</code>").Append(e.Line is { } l ? $" ({Messages.MessageCatalog.Get(culture, "line.n", ("line", Int(l)))})" : "")
                .Append(": ").Append(E(e.Message)).Append("</li>\n");
        }

        w.Append("</ul>\n</section>\n");
    }

    private static void Baseline(StringBuilder w, CheckRun run, CultureInfo culture)
    {
        if (run.Baseline is not { } b)
        {
            return;
        }

        w.Append("<section id=\"baseline\">\n<h2>").Append(Words.Get(culture, "html.baseline")).Append(" (").Append(Date(b.Today)).Append(")</h2>\n<p>")
            .Append(Words.Get(culture, "baseline.summary", ("accepted", Int(b.Accepted)), ("expired", Int(b.Expired.Count)), ("stale", Int(b.Stale.Count))))
            .Append("</p>\n<ul>\n");
        foreach (var e in b.Expired)
        {
            w.Append("<li class=\"expired\">").Append(Words.Get(culture, "html.expired")).Append(E(EntryText(e, culture))).Append("</li>\n");
        }

        foreach (var e in b.Stale)
        {
            w.Append("<li class=\"stale\">").Append(Words.Get(culture, "html.stale")).Append(E(EntryText(e, culture))).Append("</li>\n");
        }

        w.Append("</ul>\n</section>\n");
    }

    /// <summary>HTML-escapes text (the five significant characters only, so output is stable and readable).</summary>
    internal static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
