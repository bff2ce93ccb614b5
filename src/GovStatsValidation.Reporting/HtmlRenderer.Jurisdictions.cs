using System.Globalization;
using System.Text;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using static GovStatsValidation.Reporting.RunStatistics;

namespace GovStatsValidation.Reporting;

/// <summary>
/// The jurisdiction view: for each jurisdiction, its reports side by side (the jurisdiction-wide report and its
/// departments, by year) with the figures compared across reports as rows (<see cref="CheckRun.Concepts"/>, then any
/// other cell a cross-report finding names), every figure a cross-report finding names highlighted and linked to the
/// finding, and the jurisdiction's cross-report findings listed under the table.
/// </summary>
public sealed partial class HtmlRenderer
{
    /// <summary>A table of the jurisdictions in the summary, linking to their views.</summary>
    private static void JurisdictionToc(StringBuilder w, CheckRun run, CultureInfo culture)
    {
        var groups = CrossGroups.Of(run);
        if (groups.Count == 0)
        {
            return;
        }

        w.Append("<table class=\"toc toc-jurisdictions\">\n<thead><tr><th>").Append(Words.Get(culture, "html.cross-report-checks-by-jurisdiction"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.reports"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.errors")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.warnings"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.info")).Append("</th></tr></thead>\n<tbody>\n");
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            w.Append("<tr><td><a href=\"#jurisdiction-").Append(Int(g + 1)).Append("\">").Append(E(group.Jurisdiction)).Append("</a></td><td class=\"num\">")
                .Append(Int(group.Reports.Count)).Append("</td>");
            foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Error, Severity.Warning, Severity.Info])
            {
                w.Append("<td class=\"num\">").Append(Int(group.Entries.Count(e => e.Finding.Severity == severity))).Append("</td>");
            }

            w.Append("</tr>\n");
        }

        w.Append("</tbody>\n</table>\n");
    }

    private static void Jurisdictions(StringBuilder w, CheckRun run, RenderOptions options)
    {
        var groups = CrossGroups.Of(run);
        var reportNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < run.Results.Count; i++)
        {
            reportNumbers.TryAdd(Source(run.Results[i]), i + 1);
        }

        for (var g = 0; g < groups.Count; g++)
        {
            Jurisdiction(w, run, groups[g], g + 1, reportNumbers, options);
        }
    }

    /// <summary>One row of the view: a concept, or a cell a finding names that no concept covers.</summary>
    private sealed record ViewRow(string Key, string Label, string? Code, bool Named, Func<SchemaVersion, IReadOnlyList<CellId>?> Cells);

    private static void Jurisdiction(StringBuilder w, CheckRun run, CrossGroup group, int number, Dictionary<string, int> reportNumbers, RenderOptions options)
    {
        var culture = options.Culture;
        var prefix = $"j{Int(number)}-f";

        // (source, cell) → the numbers of the findings that name it
        var named = new Dictionary<(string Source, CellId Cell), List<int>>();
        for (var i = 0; i < group.Entries.Count; i++)
        {
            foreach (var (source, cell, _) in CrossGroups.NamedCells(group.Entries[i]))
            {
                if (!named.TryGetValue((source, cell), out var list))
                {
                    named[(source, cell)] = list = [];
                }

                if (!list.Contains(i + 1))
                {
                    list.Add(i + 1);
                }
            }
        }

        var rows = new List<ViewRow>();
        foreach (var concept in run.Concepts)
        {
            rows.Add(new ViewRow(concept.Id, concept.Title.In(options.Language), null, false, v => concept.Cells.GetValueOrDefault(v)));
        }

        var covered = new HashSet<(string, CellId)>();
        foreach (var report in group.Reports.Where(r => r.Result is not null))
        {
            foreach (var concept in run.Concepts)
            {
                foreach (var cell in concept.Cells.GetValueOrDefault(report.Result!.Report.Schema) ?? [])
                {
                    covered.Add((report.Source, cell));
                }
            }
        }

        foreach (var cell in named.Keys.Where(k => !covered.Contains(k)).Select(k => k.Cell).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var label = group.Reports.Select(r => r.Result is { } res && res.Report.SchemaDefinition.TryGetCell(cell, out var d) ? d.Label : null).FirstOrDefault(l => l is not null) ?? cell.Value;
            rows.Add(new ViewRow(cell.Value, label, cell.Value, true, v => SchemaCatalog.Get(v).TryGetCell(cell, out _) ? [cell] : null));
        }

        w.Append("<section class=\"jurisdiction\" id=\"jurisdiction-").Append(Int(number)).Append("\" data-jurisdiction=\"").Append(E(group.Jurisdiction)).Append("\">\n<h2>")
            .Append(Words.Get(culture, "html.cross-report-checks")).Append(E(group.Jurisdiction)).Append("</h2>\n");
        w.Append("<p class=\"meta\">").Append(Int(group.Reports.Count)).Append(Words.Get(culture, "html.report-s"))
            .Append("<span class=\"sev-error-text\">").Append(Int(group.Entries.Count(e => e.Finding.Severity == Severity.Error))).Append(Words.Get(culture, "html.error-s"))
            .Append("</span> · <span class=\"sev-warning-text\">").Append(Int(group.Entries.Count(e => e.Finding.Severity == Severity.Warning))).Append(Words.Get(culture, "html.warning-s"))
            .Append("</span> · <span class=\"sev-info-text\">").Append(Int(group.Entries.Count(e => e.Finding.Severity == Severity.Info))).Append(Words.Get(culture, "html.info-count")).Append("</span></p>\n");

        JurisdictionSummary(w, run, group, options);
        CoverageTable(w, run.Coverage?.FirstOrDefault(c => c.Jurisdiction == group.Jurisdiction), reportNumbers, culture);
        w.Append("<div class=\"view-wrap\">\n<table class=\"jurisdiction-view\">\n<caption>").Append(Words.Get(culture, "html.comparable-figures-of-each-report"))
            .Append("</caption>\n<thead><tr><th class=\"label\">").Append(Words.Get(culture, "html.figure")).Append("</th>");
        foreach (var report in group.Reports)
        {
            w.Append("<th class=\"report-col").Append(report.JurisdictionWide ? " jurisdiction-wide" : "").Append("\" data-source=\"").Append(E(report.Source))
                .Append("\" title=\"").Append(E(report.Source)).Append("\">");
            if (reportNumbers.TryGetValue(report.Source, out var n))
            {
                w.Append("<a href=\"#report-").Append(Int(n)).Append("\">").Append(E(report.Agency)).Append("</a>");
            }
            else
            {
                w.Append(E(report.Agency));
            }

            w.Append("<span class=\"col-meta\">").Append(report.Year is { } y ? Int(y) : "")
                .Append(report.Result is { } r ? " · " + r.Report.Schema.ToToken() : "")
                .Append(report.JurisdictionWide ? Words.Get(culture, "html.jurisdiction-wide") : "").Append("</span></th>");
        }

        w.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            w.Append("<tr class=\"").Append(row.Named ? "named-cell" : "concept").Append("\" data-row=\"").Append(E(row.Key)).Append("\"><th class=\"label\" scope=\"row\">")
                .Append(E(row.Label));
            if (row.Code is { } code)
            {
                w.Append("<code>").Append(E(code)).Append("</code>");
            }

            w.Append("</th>");
            foreach (var report in group.Reports)
            {
                ViewCell(w, group, report, row, named, prefix, culture);
            }

            w.Append("</tr>\n");
        }

        w.Append("</tbody>\n</table>\n</div>\n");
        if (rows.Count == 0)
        {
            w.Append("<p class=\"empty\">").Append(Words.Get(culture, "html.no-comparable-figures")).Append("</p>\n");
        }

        w.Append("<h3>").Append(Words.Get(culture, "html.cross-report-findings")).Append("</h3>\n");
        if (group.Entries.Count == 0)
        {
            w.Append("<p class=\"clean\">").Append(Words.Get(culture, "html.no-findings")).Append("</p>\n");
        }
        else
        {
            w.Append("<ol class=\"cross-findings\">\n");
            for (var i = 0; i < group.Entries.Count; i++)
            {
                var entry = group.Entries[i];
                var review = new ReviewTarget(entry.Subject ?? "", entry.Agency, entry.Year, group.Jurisdiction, Correctable: false);
                Finding(w, entry.Finding, prefix + Int(i + 1), BaselineMark(run, entry.Agency, entry.Year, entry.Finding, culture), options, review: review, more: sb =>
                {
                    sb.Append("<p class=\"about\">").Append(Words.Get(culture, "html.about"));
                    Link(sb, entry.Subject, $"{entry.Agency} {Int(entry.Year)}", reportNumbers);
                    sb.Append("</p>\n<p class=\"involved\">").Append(Words.Get(culture, "html.reports-involved"));
                    for (var s = 0; s < entry.Sources.Count; s++)
                    {
                        if (s > 0)
                        {
                            sb.Append(Words.Get(culture, "html.list-separator"));
                        }

                        Link(sb, entry.Sources[s], CrossGroups.TitleOf(group, entry.Sources[s]), reportNumbers);
                    }

                    sb.Append("</p>\n");
                });
            }

            w.Append("</ol>\n");
        }

        w.Append("</section>\n");
    }

    private static void Link(StringBuilder w, string? source, string text, Dictionary<string, int> reportNumbers)
    {
        if (source is not null && reportNumbers.TryGetValue(source, out var n))
        {
            w.Append("<a href=\"#report-").Append(Int(n)).Append("\" title=\"").Append(E(source)).Append("\">").Append(E(text)).Append("</a>");
        }
        else
        {
            w.Append("<span title=\"").Append(E(source ?? "")).Append("\">").Append(E(text)).Append("</span>");
        }
    }

    private static void ViewCell(StringBuilder w, CrossGroup group, GroupReport report, ViewRow row, Dictionary<(string Source, CellId Cell), List<int>> named, string prefix, CultureInfo culture)
    {
        var wide = report.JurisdictionWide ? " jurisdiction-wide" : "";
        var result = report.Result;
        var cells = result is null ? null : row.Cells(result.Report.Schema);
        if (result is null || cells is not { Count: > 0 })
        {
            var why = result is null
                ? Words.Get(culture, "html.report-not-checked-in-this-run")
                : Words.Get(culture, "html.no-such-figure", ("schema", result.Report.Schema.ToToken()));
            w.Append("<td class=\"cell-na").Append(wide).Append("\" title=\"").Append(E(why)).Append("\">n/a</td>");
            return;
        }

        var values = cells.Select(c => (Cell: c, Value: result.Report.Cells[c])).ToList();
        var numbers = values.Where(v => v.Value.State == CellState.Number).ToList();
        string text;
        CellState state;
        if (values.Count == 1)
        {
            text = Display(values[0].Value);
            state = values[0].Value.State;
        }
        else if (numbers.Count > 0)
        {
            text = Num(numbers.Sum(v => v.Value.Number ?? 0));
            state = CellState.Number;
        }
        else
        {
            text = Display(values[0].Value);
            state = values[0].Value.State;
        }

        var findings = cells.SelectMany(c => named.GetValueOrDefault((report.Source, c)) ?? []).Distinct().Order().ToList();
        var classes = new List<string> { "cell", "cell-" + state.ToString().ToLowerInvariant() };
        if (findings.Count > 0)
        {
            classes.Add("cell-flagged");
            classes.Add("sev-" + SeverityToken(findings.Max(f => group.Entries[f - 1].Finding.Severity)));
        }

        w.Append("<td class=\"").Append(string.Join(' ', classes)).Append(wide).Append("\" data-source=\"").Append(E(report.Source))
            .Append("\" data-cells=\"").Append(E(string.Join(' ', cells.Select(c => c.Value)))).Append('"');
        if (findings.Count > 0)
        {
            w.Append(" data-findings=\"").Append(string.Join(' ', findings.Select(f => prefix + Int(f)))).Append('"');
        }

        var title = string.Join(" + ", values.Select(v => $"{v.Cell.Value}={(v.Value.State == CellState.Number ? Num(v.Value.Number) : v.Value.State.ToString().ToLowerInvariant())}"));
        w.Append(" title=\"").Append(E(title)).Append("\">").Append(E(text));
        if (findings.Count > 0)
        {
            w.Append("<sup class=\"markers\">");
            foreach (var f in findings)
            {
                w.Append("<a href=\"#").Append(prefix).Append(Int(f)).Append("\">").Append(Int(f)).Append("</a>");
            }

            w.Append("</sup>");
        }

        w.Append("</td>");
    }
}
