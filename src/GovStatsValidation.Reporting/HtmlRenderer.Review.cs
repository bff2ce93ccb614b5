using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using static GovStatsValidation.Reporting.RunStatistics;

namespace GovStatsValidation.Reporting;

/// <summary>
/// The auditor's review loop inside the one offline file: filters (severity, rule, agency, jurisdiction, year, decided or
/// not); per finding a decision (confirmed / false alarm / accepted) with comment and reviewer, kept in the browser's
/// storage under a key made of the findings' fingerprints and exported as a baseline file (<c>check --baseline</c>); a
/// decisions file loaded back and merged; corrections of table cells with a reason, exported as a corrections file
/// (<c>check --corrections</c>); per jurisdiction a summary (by rule and severity, agencies with most errors, the trend over
/// the years as an inline SVG chart) and who has (not) reported.
/// </summary>
public sealed partial class HtmlRenderer
{
    /// <summary>What a finding's review controls need to know: the report it is about, and whether its cells can be corrected here.</summary>
    private sealed record ReviewTarget(string Source, string Agency, int Year, string Jurisdiction, bool Correctable);

    /// <summary>The browser-storage key of a run's review: a hash of every finding's fingerprint (the same findings, the same key).</summary>
    private static string ReviewKey(CheckRun run)
    {
        var fingerprints = run.Results.SelectMany(r => r.Findings.Select(f => f.FingerprintFor(r.Report.Agency.Name, r.Report.Year)))
            .Concat((run.CrossReport ?? []).Select(c => c.Finding.FingerprintFor(c.Agency, c.Year)))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", fingerprints))))[..16];
    }

    /// <summary>The jurisdiction of each report source, when cross-report grouping ran.</summary>
    private static IReadOnlyDictionary<string, string> JurisdictionOf(CheckRun run)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var j in run.Jurisdictions ?? [])
        {
            foreach (var m in j.Reports)
            {
                map.TryAdd(m.Source, j.Jurisdiction);
            }
        }

        return map;
    }

    private static void ReviewBar(StringBuilder w, CultureInfo culture)
    {
        w.Append("<section id=\"review\" class=\"review-bar\">\n<h2>").Append(Words.Get(culture, "html.review")).Append("</h2>\n<div class=\"filters\">\n");
        foreach (var key in (string[])["severity", "rule", "agency", "jurisdiction", "year", "status"])
        {
            w.Append("<label>").Append(Words.Get(culture, "html.filter." + key)).Append(" <select id=\"filter-").Append(key).Append("\" data-filter=\"").Append(key).Append("\"><option value=\"\">")
                .Append(Words.Get(culture, "html.all")).Append("</option>");
            if (key == "status")
            {
                w.Append("<option value=\"undecided\">").Append(Words.Get(culture, "html.undecided")).Append("</option>")
                    .Append("<option value=\"decided\">").Append(Words.Get(culture, "html.decided")).Append("</option>")
                    .Append("<option value=\"confirmed\">").Append(Words.Get(culture, "html.confirmed")).Append("</option>")
                    .Append("<option value=\"false-alarm\">").Append(Words.Get(culture, "html.false-alarm")).Append("</option>")
                    .Append("<option value=\"accepted\">").Append(Words.Get(culture, "html.accepted")).Append("</option>");
            }

            w.Append("</select></label>\n");
        }

        w.Append("</div>\n<div class=\"review-actions\">\n<label>").Append(Words.Get(culture, "html.reviewer"))
            .Append(" <input id=\"reviewer\" type=\"text\" size=\"10\" autocomplete=\"name\"></label>\n<label>").Append(Words.Get(culture, "html.expires"))
            .Append(" <input id=\"expires\" type=\"date\"></label>\n<button type=\"button\" id=\"export-decisions\">").Append(Words.Get(culture, "html.export-decisions"))
            .Append("</button>\n<label class=\"file-button\">").Append(Words.Get(culture, "html.load-decisions")).Append(" <input id=\"load-decisions\" type=\"file\" accept=\".json,application/json\"></label>\n")
            .Append("<button type=\"button\" id=\"export-corrections\">").Append(Words.Get(culture, "html.export-corrections")).Append("</button>\n")
            .Append("<span id=\"review-status\" class=\"review-status\" aria-live=\"polite\"></span>\n</div>\n<p class=\"hint\">")
            .Append(Words.Get(culture, "html.review-hint", ("baselineCommand", "<code>govstats check --baseline</code>"), ("correctionsCommand", "<code>govstats check --corrections</code>")))
            .Append("</p>\n");
        w.Append("<dialog id=\"correct-dialog\">\n<form method=\"dialog\" id=\"correct-form\">\n<h3>").Append(Words.Get(culture, "html.correct-a-value")).Append("</h3>\n")
            .Append("<p class=\"correct-report\"></p>\n<label>").Append(Words.Get(culture, "html.cell")).Append(" <select id=\"correct-cell\"></select></label>\n")
            .Append("<p>").Append(Words.Get(culture, "html.published")).Append("<code id=\"correct-published\"></code></p>\n<label>").Append(Words.Get(culture, "html.correct-to"))
            .Append(" <input id=\"correct-value\" type=\"text\" inputmode=\"decimal\"></label>\n<label>").Append(Words.Get(culture, "html.reason"))
            .Append(" <input id=\"correct-reason\" type=\"text\" size=\"40\"></label>\n<p class=\"correct-error\" id=\"correct-error\"></p>\n<div class=\"dialog-buttons\">")
            .Append("<button type=\"button\" id=\"correct-save\">").Append(Words.Get(culture, "html.save")).Append("</button>")
            .Append("<button type=\"button\" id=\"correct-remove\">").Append(Words.Get(culture, "html.remove-correction")).Append("</button>")
            .Append("<button type=\"button\" id=\"correct-cancel\">").Append(Words.Get(culture, "html.cancel")).Append("</button></div>\n</form>\n</dialog>\n</section>\n");
    }

    /// <summary>The data a report section carries for the review script (which report a correction belongs to).</summary>
    private static void ReportData(StringBuilder w, ReviewTarget review, AnnualReport report)
    {
        w.Append(" data-source=\"").Append(E(review.Source)).Append("\" data-agency=\"").Append(E(review.Agency)).Append("\" data-year=\"").Append(Int(review.Year))
            .Append("\" data-jurisdiction=\"").Append(E(review.Jurisdiction)).Append("\" data-sha256=\"").Append(E(report.SourceSha256 ?? "")).Append('"');
    }

    /// <summary>The data a finding carries for filters and for the exported decisions file (the baseline entry's fields).</summary>
    private static void FindingData(StringBuilder w, Finding f, ReviewTarget review)
    {
        w.Append(" data-fp=\"").Append(E(f.FingerprintFor(review.Agency, review.Year))).Append("\" data-rule=\"").Append(E(f.RuleId))
            .Append("\" data-severity=\"").Append(SeverityToken(f.Severity)).Append("\" data-agency=\"").Append(E(review.Agency))
            .Append("\" data-year=\"").Append(Int(review.Year)).Append("\" data-jurisdiction=\"").Append(E(review.Jurisdiction))
            .Append("\" data-source=\"").Append(E(review.Source)).Append("\" data-instance=\"").Append(E(f.Instance)).Append('"');
        if (f.Expected is { } expected)
        {
            w.Append(" data-expected=\"").Append(Num(expected)).Append('"');
        }

        if (f.Actual is { } actual)
        {
            w.Append(" data-actual=\"").Append(Num(actual)).Append('"');
        }

        w.Append(" data-message=\"").Append(E(f.Message.Zh)).Append('"');
        if (review.Correctable)
        {
            var cells = f.Cells.Select(c => c.Id.Value).Where(c => !c.Contains('.') || !c.StartsWith("prev.", StringComparison.Ordinal)).ToList();
            if (f.Suspect is { } s)
            {
                cells.Remove(s.Cell.Value);
                cells.Insert(0, s.Cell.Value);
            }

            w.Append(" data-correctable=\"").Append(E(string.Join(' ', cells.Distinct(StringComparer.Ordinal)))).Append('"');
            if (f.Suspect?.CorrectedValue is { } proposed)
            {
                w.Append(" data-proposed=\"").Append(Num(proposed)).Append('"');
            }
        }
    }

    private static void ReviewControls(StringBuilder w, Finding f, ReviewTarget review, CultureInfo culture)
    {
        w.Append("<div class=\"review\">\n<span class=\"decisions\" role=\"group\">");
        foreach (var token in (string[])["confirmed", "false-alarm", "accepted"])
        {
            w.Append("<button type=\"button\" class=\"decide decide-").Append(token).Append("\" data-decision=\"").Append(token).Append("\" aria-pressed=\"false\">")
                .Append(Words.Get(culture, "html.decide." + token)).Append("</button>");
        }

        w.Append("</span>\n<input type=\"text\" class=\"comment\" placeholder=\"").Append(Words.Get(culture, "html.comment")).Append("\" aria-label=\"").Append(Words.Get(culture, "html.comment")).Append("\">");
        if (review.Correctable && f.Cells.Count > 0)
        {
            w.Append("\n<button type=\"button\" class=\"correct\">").Append(Words.Get(culture, "html.correct-a-value")).Append("</button>");
        }

        w.Append("\n<span class=\"decided-by\"></span><span class=\"conflict\"></span>\n</div>\n");
    }

    /// <summary>The corrections of a report: applied ones (was / now / reason / who) and those no longer matching.</summary>
    private static void Corrections(StringBuilder w, AnnualReport report, CultureInfo culture)
    {
        if (report.Corrections.Count == 0)
        {
            return;
        }

        w.Append("<table class=\"corrections\">\n<caption>").Append(Words.Get(culture, "html.corrections-caption"))
            .Append("</caption>\n<thead><tr><th>").Append(Words.Get(culture, "html.cell")).Append("</th><th>").Append(Words.Get(culture, "html.published-column")).Append("</th><th>")
            .Append(Words.Get(culture, "html.now")).Append("</th><th>").Append(Words.Get(culture, "html.reason")).Append("</th><th>").Append(Words.Get(culture, "html.by")).Append("</th><th>")
            .Append(Words.Get(culture, "html.status")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var c in report.Corrections)
        {
            var label = report.SchemaDefinition.TryGetCell(c.Cell, out var d) ? d.Label : c.Cell.Value;
            var status = c.Status switch
            {
                CorrectionStatus.Applied => Words.Get(culture, "html.applied"),
                CorrectionStatus.ReportChanged => Words.Get(culture, "html.not-applied-the-report-file-changed"),
                CorrectionStatus.CellChanged => Words.Get(culture, "html.not-applied-cell-changed", ("found", c.Found)),
                _ => Words.Get(culture, "html.not-applied-no-such-cell"),
            };
            w.Append("<tr class=\"correction ").Append(c.Status == CorrectionStatus.Applied ? "applied" : "not-applied").Append("\"><td title=\"").Append(E(c.Cell.Value)).Append("\">")
                .Append(E(label)).Append("</td><td class=\"num\">").Append(E(c.Published)).Append("</td><td class=\"num\">").Append(E(c.ValueText)).Append("</td><td>")
                .Append(E(c.Reason)).Append("</td><td>").Append(E(c.By)).Append("</td><td>").Append(E(status)).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n");
    }

    /// <summary>Per jurisdiction: findings by rule and severity, the agencies with most errors, and the trend over the years (table and inline SVG).</summary>
    private static void JurisdictionSummary(StringBuilder w, CheckRun run, CrossGroup group, RenderOptions options)
    {
        var culture = options.Culture;
        var findings = group.Reports.Where(r => r.Result is not null)
            .SelectMany(r => r.Result!.Findings.Select(f => (Agency: r.Result.Report.Agency.Name, r.Result.Report.Year, Finding: f)))
            .Concat(group.Entries.Select(e => (e.Agency, e.Year, e.Finding)))
            .ToList();
        w.Append("<div class=\"jurisdiction-summary\">\n");

        // By rule and severity
        w.Append("<table class=\"by-rule\">\n<caption>").Append(Words.Get(culture, "html.by-rule-and-severity")).Append("</caption>\n<thead><tr><th>")
            .Append(Words.Get(culture, "html.rule")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.errors")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.warnings"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.info")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var rule in findings.GroupBy(x => x.Finding.RuleId, StringComparer.Ordinal)
                     .OrderByDescending(g => g.Count(x => x.Finding.Severity == Severity.Error)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            w.Append("<tr><td><code>").Append(E(rule.Key)).Append("</code></td>");
            foreach (var severity in (ReadOnlySpan<Severity>)[Severity.Error, Severity.Warning, Severity.Info])
            {
                w.Append("<td class=\"num\">").Append(Int(rule.Count(x => x.Finding.Severity == severity))).Append("</td>");
            }

            w.Append("</tr>\n");
        }

        if (findings.Count == 0)
        {
            w.Append("<tr><td colspan=\"4\" class=\"empty\">—</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n");

        // Agencies with most errors
        w.Append("<table class=\"top-agencies\">\n<caption>").Append(Words.Get(culture, "html.agencies-with-most-errors")).Append("</caption>\n<thead><tr><th>")
            .Append(Words.Get(culture, "html.agency")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.errors")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.warnings"))
            .Append("</th></tr></thead>\n<tbody>\n");
        var agencies = findings.GroupBy(x => x.Agency, StringComparer.Ordinal)
            .Select(g => (Agency: g.Key, Errors: g.Count(x => x.Finding.Severity == Severity.Error), Warnings: g.Count(x => x.Finding.Severity == Severity.Warning)))
            .Where(a => a.Errors + a.Warnings > 0)
            .OrderByDescending(a => a.Errors).ThenByDescending(a => a.Warnings).ThenBy(a => a.Agency, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        foreach (var (agency, errors, warnings) in agencies)
        {
            w.Append("<tr><td>").Append(E(agency)).Append("</td><td class=\"num\">").Append(Int(errors)).Append("</td><td class=\"num\">").Append(Int(warnings)).Append("</td></tr>\n");
        }

        if (agencies.Count == 0)
        {
            w.Append("<tr><td colspan=\"3\" class=\"empty\">—</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n");

        // Trend over the years of the set
        var years = group.Reports.Select(r => r.Year).OfType<int>().Concat(findings.Select(x => x.Year)).Where(y => y > 0).Distinct().Order().ToList();
        var trend = years.Select(y => (Year: y,
            Reports: group.Reports.Count(r => r.Year == y && r.Result is not null),
            Error: findings.Count(x => x.Year == y && x.Finding.Severity == Severity.Error),
            Warning: findings.Count(x => x.Year == y && x.Finding.Severity == Severity.Warning),
            Info: findings.Count(x => x.Year == y && x.Finding.Severity == Severity.Info))).ToList();
        w.Append("<figure class=\"trend\">\n<figcaption>").Append(Words.Get(culture, "html.findings-by-year")).Append("</figcaption>\n");
        TrendChart(w, trend, culture);
        w.Append("<table class=\"trend-table\">\n<thead><tr><th>").Append(Words.Get(culture, "html.year")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.reports"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.errors")).Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.warnings"))
            .Append("</th><th class=\"num\">").Append(Words.Get(culture, "html.info")).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var t in trend)
        {
            w.Append("<tr><td>").Append(Int(t.Year)).Append("</td><td class=\"num\">").Append(Int(t.Reports)).Append("</td><td class=\"num\">").Append(Int(t.Error))
                .Append("</td><td class=\"num\">").Append(Int(t.Warning)).Append("</td><td class=\"num\">").Append(Int(t.Info)).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n</figure>\n</div>\n");
    }

    /// <summary>Grouped bars per year (errors, warnings, info) as inline SVG.</summary>
    private static void TrendChart(StringBuilder w, IReadOnlyList<(int Year, int Reports, int Error, int Warning, int Info)> trend, CultureInfo culture)
    {
        const int height = 90;
        const int groupWidth = 66;
        var width = Math.Max(120, 20 + (trend.Count * groupWidth));
        var max = Math.Max(1, trend.Count == 0 ? 0 : trend.Max(t => Math.Max(t.Error, Math.Max(t.Warning, t.Info))));
        w.Append("<svg class=\"trend-chart\" role=\"img\" viewBox=\"0 0 ").Append(Int(width)).Append(" 135\" width=\"").Append(Int(width))
            .Append("\" height=\"135\" xmlns=\"http://www.w3.org/2000/svg\"><title>").Append(Words.Get(culture, "html.errors-warnings-and-info-by-year")).Append("</title>\n");
        w.Append("<line x1=\"10\" y1=\"").Append(Int(20 + height)).Append("\" x2=\"").Append(Int(width - 5)).Append("\" y2=\"").Append(Int(20 + height)).Append("\" stroke=\"#d0d4da\"/>\n");
        for (var i = 0; i < trend.Count; i++)
        {
            var t = trend[i];
            var x0 = 15 + (i * groupWidth);
            var bars = new[] { ("sev-error", t.Error), ("sev-warning", t.Warning), ("sev-info", t.Info) };
            for (var b = 0; b < bars.Length; b++)
            {
                var (css, value) = bars[b];
                var h = value == 0 ? 0 : Math.Max(2, value * height / max);
                var x = x0 + (b * 18);
                w.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(Int(x)).Append("\" y=\"").Append(Int(20 + height - h)).Append("\" width=\"15\" height=\"").Append(Int(h))
                    .Append("\"><title>").Append(Int(t.Year)).Append(": ").Append(Int(value)).Append("</title></rect>");
                if (value > 0)
                {
                    w.Append("<text x=\"").Append(Int(x + 7)).Append("\" y=\"").Append(Int(16 + height - h)).Append("\" text-anchor=\"middle\">").Append(Int(value)).Append("</text>");
                }
            }

            w.Append("\n<text x=\"").Append(Int(x0 + 25)).Append("\" y=\"128\" text-anchor=\"middle\">").Append(Int(t.Year)).Append("</text>\n");
        }

        w.Append("</svg>\n");
    }

    /// <summary>Who has reported: one row per body, one column per year; a report found links to it, an expected one missing is marked.</summary>
    private static void CoverageTable(StringBuilder w, ReportingCoverage? coverage, IReadOnlyDictionary<string, int> reportNumbers, CultureInfo culture)
    {
        if (coverage is null || coverage.Years.Count == 0)
        {
            return;
        }

        var missing = coverage.Missing.ToList();
        w.Append("<div class=\"coverage-wrap\">\n<table class=\"coverage").Append(coverage.FromAgencyFile ? " from-agency-file" : " from-set").Append("\" data-jurisdiction=\"")
            .Append(E(coverage.Jurisdiction)).Append("\" data-missing=\"").Append(Int(missing.Count)).Append("\">\n<caption>")
            .Append(Words.Get(culture, "html.who-has-reported")).Append(" <span class=\"caption-note\">")
            .Append(coverage.FromAgencyFile
                ? Words.Get(culture, "html.coverage-expected-note", ("count", Int(missing.Count)))
                : Words.Get(culture, "html.coverage-seen-note", ("count", Int(missing.Count))))
            .Append("</span></caption>\n<thead><tr><th>").Append(Words.Get(culture, "html.body")).Append("</th>");
        foreach (var year in coverage.Years)
        {
            w.Append("<th>").Append(Int(year)).Append("</th>");
        }

        w.Append("</tr></thead>\n<tbody>\n");
        foreach (var body in coverage.Bodies)
        {
            w.Append("<tr data-body=\"").Append(E(body.Name)).Append("\"><th class=\"label\" scope=\"row\">").Append(E(body.Name)).Append("</th>");
            foreach (var y in body.Years)
            {
                if (y.Sources.Count > 0)
                {
                    w.Append("<td class=\"reported").Append(y.Expected ? "" : " unexpected").Append("\" data-year=\"").Append(Int(y.Year)).Append("\">");
                    foreach (var source in y.Sources)
                    {
                        if (reportNumbers.TryGetValue(source, out var n))
                        {
                            w.Append("<a href=\"#report-").Append(Int(n)).Append("\" title=\"").Append(E(source)).Append("\">✓</a>");
                        }
                        else
                        {
                            w.Append("<span title=\"").Append(E(source)).Append("\">✓</span>");
                        }
                    }

                    if (!y.Expected)
                    {
                        w.Append(" <small>").Append(Words.Get(culture, "html.not-expected")).Append("</small>");
                    }

                    w.Append("</td>");
                }
                else if (y.Expected)
                {
                    w.Append("<td class=\"missing\" data-year=\"").Append(Int(y.Year)).Append("\">").Append(Words.Get(culture, "html.missing")).Append("</td>");
                }
                else
                {
                    w.Append("<td class=\"not-expected\" data-year=\"").Append(Int(y.Year)).Append("\">—</td>");
                }
            }

            w.Append("</tr>\n");
        }

        w.Append("</tbody>\n</table>\n</div>\n");
    }

    /// <summary>Coverage of jurisdictions the agency file expects reports from but that have none in the set.</summary>
    private static void CoverageOnly(StringBuilder w, CheckRun run, CultureInfo culture)
    {
        var shown = CrossGroups.Of(run).Select(g => g.Jurisdiction).ToHashSet(StringComparer.Ordinal);
        foreach (var coverage in run.Coverage ?? [])
        {
            if (shown.Contains(coverage.Jurisdiction))
            {
                continue;
            }

            w.Append("<section class=\"jurisdiction coverage-only\" data-jurisdiction=\"").Append(E(coverage.Jurisdiction)).Append("\">\n<h2>")
                .Append(Words.Get(culture, "html.who-has-reported-heading")).Append(E(coverage.Jurisdiction)).Append("</h2>\n");
            CoverageTable(w, coverage, new Dictionary<string, int>(), culture);
            w.Append("</section>\n");
        }
    }
}
