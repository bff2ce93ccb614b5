using System.Security.Cryptography;
using System.Text;
using GovStatsValidation.Checking;
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

    private static void ReviewBar(StringBuilder w, bool zh)
    {
        w.Append("<section id=\"review\" class=\"review-bar\">\n<h2>").Append(zh ? "审核" : "Review").Append("</h2>\n<div class=\"filters\">\n");
        foreach (var (key, zhLabel, enLabel) in new[]
                 {
                     ("severity", "严重程度", "Severity"), ("rule", "规则", "Rule"), ("agency", "机关", "Agency"),
                     ("jurisdiction", "辖区", "Jurisdiction"), ("year", "年度", "Year"), ("status", "审核状态", "Status"),
                 })
        {
            w.Append("<label>").Append(zh ? zhLabel : enLabel).Append(" <select id=\"filter-").Append(key).Append("\" data-filter=\"").Append(key).Append("\"><option value=\"\">")
                .Append(zh ? "全部" : "all").Append("</option>");
            if (key == "status")
            {
                w.Append("<option value=\"undecided\">").Append(zh ? "未决定" : "undecided").Append("</option>")
                    .Append("<option value=\"decided\">").Append(zh ? "已决定" : "decided").Append("</option>")
                    .Append("<option value=\"confirmed\">").Append(zh ? "确认" : "confirmed").Append("</option>")
                    .Append("<option value=\"false-alarm\">").Append(zh ? "误报" : "false alarm").Append("</option>")
                    .Append("<option value=\"accepted\">").Append(zh ? "接受" : "accepted").Append("</option>");
            }

            w.Append("</select></label>\n");
        }

        w.Append("</div>\n<div class=\"review-actions\">\n<label>").Append(zh ? "审核人" : "Reviewer")
            .Append(" <input id=\"reviewer\" type=\"text\" size=\"10\" autocomplete=\"name\"></label>\n<label>").Append(zh ? "有效期至" : "Expires")
            .Append(" <input id=\"expires\" type=\"date\"></label>\n<button type=\"button\" id=\"export-decisions\">").Append(zh ? "导出审核决定" : "Export decisions")
            .Append("</button>\n<label class=\"file-button\">").Append(zh ? "载入审核决定" : "Load decisions").Append(" <input id=\"load-decisions\" type=\"file\" accept=\".json,application/json\"></label>\n")
            .Append("<button type=\"button\" id=\"export-corrections\">").Append(zh ? "导出更正" : "Export corrections").Append("</button>\n")
            .Append("<span id=\"review-status\" class=\"review-status\" aria-live=\"polite\"></span>\n</div>\n<p class=\"hint\">")
            .Append(zh
                ? "每个发现可标记为确认、误报或接受（可加说明）；决定保存在本浏览器中。导出的决定文件用于 <code>govstats check --baseline</code>（接受的发现被隐藏）；导出的更正文件用于 <code>govstats check --corrections</code>。双击表格中的数值可更正。"
                : "Mark each finding confirmed, false alarm or accepted (with a comment); decisions are kept in this browser. The exported decisions file is for <code>govstats check --baseline</code> (accepted findings are hidden); the exported corrections file for <code>govstats check --corrections</code>. Double-click a table value to correct it.")
            .Append("</p>\n");
        w.Append("<dialog id=\"correct-dialog\">\n<form method=\"dialog\" id=\"correct-form\">\n<h3>").Append(zh ? "更正数值" : "Correct a value").Append("</h3>\n")
            .Append("<p class=\"correct-report\"></p>\n<label>").Append(zh ? "单元格" : "Cell").Append(" <select id=\"correct-cell\"></select></label>\n")
            .Append("<p>").Append(zh ? "公布值：" : "Published: ").Append("<code id=\"correct-published\"></code></p>\n<label>").Append(zh ? "更正为" : "Correct to")
            .Append(" <input id=\"correct-value\" type=\"text\" inputmode=\"decimal\"></label>\n<label>").Append(zh ? "理由" : "Reason")
            .Append(" <input id=\"correct-reason\" type=\"text\" size=\"40\"></label>\n<p class=\"correct-error\" id=\"correct-error\"></p>\n<div class=\"dialog-buttons\">")
            .Append("<button type=\"button\" id=\"correct-save\">").Append(zh ? "保存" : "Save").Append("</button>")
            .Append("<button type=\"button\" id=\"correct-remove\">").Append(zh ? "撤销更正" : "Remove correction").Append("</button>")
            .Append("<button type=\"button\" id=\"correct-cancel\">").Append(zh ? "取消" : "Cancel").Append("</button></div>\n</form>\n</dialog>\n</section>\n");
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

    private static void ReviewControls(StringBuilder w, Finding f, ReviewTarget review, bool zh)
    {
        w.Append("<div class=\"review\">\n<span class=\"decisions\" role=\"group\">");
        foreach (var (token, zhText, enText) in new[] { ("confirmed", "确认", "Confirmed"), ("false-alarm", "误报", "False alarm"), ("accepted", "接受", "Accepted") })
        {
            w.Append("<button type=\"button\" class=\"decide decide-").Append(token).Append("\" data-decision=\"").Append(token).Append("\" aria-pressed=\"false\">")
                .Append(zh ? zhText : enText).Append("</button>");
        }

        w.Append("</span>\n<input type=\"text\" class=\"comment\" placeholder=\"").Append(zh ? "说明" : "comment").Append("\" aria-label=\"").Append(zh ? "说明" : "comment").Append("\">");
        if (review.Correctable && f.Cells.Count > 0)
        {
            w.Append("\n<button type=\"button\" class=\"correct\">").Append(zh ? "更正数值" : "Correct a value").Append("</button>");
        }

        w.Append("\n<span class=\"decided-by\"></span><span class=\"conflict\"></span>\n</div>\n");
    }

    /// <summary>The corrections of a report: applied ones (was / now / reason / who) and those no longer matching.</summary>
    private static void Corrections(StringBuilder w, AnnualReport report, bool zh)
    {
        if (report.Corrections.Count == 0)
        {
            return;
        }

        w.Append("<table class=\"corrections\">\n<caption>").Append(zh ? "审核人的更正（检查使用更正后的值，不是公布值）" : "Reviewers' corrections (checked with the corrected value, not the published one)")
            .Append("</caption>\n<thead><tr><th>").Append(zh ? "单元格" : "Cell").Append("</th><th>").Append(zh ? "公布值" : "Published").Append("</th><th>")
            .Append(zh ? "更正为" : "Now").Append("</th><th>").Append(zh ? "理由" : "Reason").Append("</th><th>").Append(zh ? "更正人" : "By").Append("</th><th>")
            .Append(zh ? "状态" : "Status").Append("</th></tr></thead>\n<tbody>\n");
        foreach (var c in report.Corrections)
        {
            var label = report.SchemaDefinition.TryGetCell(c.Cell, out var d) ? d.Label : c.Cell.Value;
            var status = c.Status switch
            {
                CorrectionStatus.Applied => zh ? "已应用" : "applied",
                CorrectionStatus.ReportChanged => zh ? "未应用：报告文件已改变" : "not applied: the report file changed",
                CorrectionStatus.CellChanged => zh ? $"未应用：单元格现为 {c.Found}" : $"not applied: the cell now reads {c.Found}",
                _ => zh ? "未应用：无此单元格" : "not applied: no such cell",
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
        var zh = options.Zh;
        var findings = group.Reports.Where(r => r.Result is not null)
            .SelectMany(r => r.Result!.Findings.Select(f => (Agency: r.Result.Report.Agency.Name, r.Result.Report.Year, Finding: f)))
            .Concat(group.Entries.Select(e => (e.Agency, e.Year, e.Finding)))
            .ToList();
        w.Append("<div class=\"jurisdiction-summary\">\n");

        // By rule and severity
        w.Append("<table class=\"by-rule\">\n<caption>").Append(zh ? "按规则和严重程度" : "By rule and severity").Append("</caption>\n<thead><tr><th>")
            .Append(zh ? "规则" : "Rule").Append("</th><th class=\"num\">").Append(zh ? "错误" : "Errors").Append("</th><th class=\"num\">").Append(zh ? "警告" : "Warnings")
            .Append("</th><th class=\"num\">").Append(zh ? "提示" : "Info").Append("</th></tr></thead>\n<tbody>\n");
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
        w.Append("<table class=\"top-agencies\">\n<caption>").Append(zh ? "错误最多的机关" : "Agencies with most errors").Append("</caption>\n<thead><tr><th>")
            .Append(zh ? "机关" : "Agency").Append("</th><th class=\"num\">").Append(zh ? "错误" : "Errors").Append("</th><th class=\"num\">").Append(zh ? "警告" : "Warnings")
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
        w.Append("<figure class=\"trend\">\n<figcaption>").Append(zh ? "各年度发现" : "Findings by year").Append("</figcaption>\n");
        TrendChart(w, trend, zh);
        w.Append("<table class=\"trend-table\">\n<thead><tr><th>").Append(zh ? "年度" : "Year").Append("</th><th class=\"num\">").Append(zh ? "报告" : "Reports")
            .Append("</th><th class=\"num\">").Append(zh ? "错误" : "Errors").Append("</th><th class=\"num\">").Append(zh ? "警告" : "Warnings")
            .Append("</th><th class=\"num\">").Append(zh ? "提示" : "Info").Append("</th></tr></thead>\n<tbody>\n");
        foreach (var t in trend)
        {
            w.Append("<tr><td>").Append(Int(t.Year)).Append("</td><td class=\"num\">").Append(Int(t.Reports)).Append("</td><td class=\"num\">").Append(Int(t.Error))
                .Append("</td><td class=\"num\">").Append(Int(t.Warning)).Append("</td><td class=\"num\">").Append(Int(t.Info)).Append("</td></tr>\n");
        }

        w.Append("</tbody>\n</table>\n</figure>\n</div>\n");
    }

    /// <summary>Grouped bars per year (errors, warnings, info) as inline SVG.</summary>
    private static void TrendChart(StringBuilder w, IReadOnlyList<(int Year, int Reports, int Error, int Warning, int Info)> trend, bool zh)
    {
        const int height = 90;
        const int groupWidth = 66;
        var width = Math.Max(120, 20 + (trend.Count * groupWidth));
        var max = Math.Max(1, trend.Count == 0 ? 0 : trend.Max(t => Math.Max(t.Error, Math.Max(t.Warning, t.Info))));
        w.Append("<svg class=\"trend-chart\" role=\"img\" viewBox=\"0 0 ").Append(Int(width)).Append(" 135\" width=\"").Append(Int(width))
            .Append("\" height=\"135\" xmlns=\"http://www.w3.org/2000/svg\"><title>").Append(zh ? "各年度错误、警告、提示数" : "Errors, warnings and info by year").Append("</title>\n");
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
    private static void CoverageTable(StringBuilder w, ReportingCoverage? coverage, IReadOnlyDictionary<string, int> reportNumbers, bool zh)
    {
        if (coverage is null || coverage.Years.Count == 0)
        {
            return;
        }

        var missing = coverage.Missing.ToList();
        w.Append("<div class=\"coverage-wrap\">\n<table class=\"coverage").Append(coverage.FromAgencyFile ? " from-agency-file" : " from-set").Append("\" data-jurisdiction=\"")
            .Append(E(coverage.Jurisdiction)).Append("\" data-missing=\"").Append(Int(missing.Count)).Append("\">\n<caption>")
            .Append(zh ? "报告提交情况" : "Who has reported").Append(" <span class=\"caption-note\">")
            .Append(coverage.FromAgencyFile
                ? (zh ? $"（按机关文件应提交的机关；缺 {Int(missing.Count)} 份）" : $"(bodies expected by the agency file; {Int(missing.Count)} missing)")
                : (zh ? $"（未提供机关文件：本次各年度出现过的机关；缺 {Int(missing.Count)} 份）" : $"(no agency file: bodies seen in any year of the set; {Int(missing.Count)} lacking)"))
            .Append("</span></caption>\n<thead><tr><th>").Append(zh ? "机关" : "Body").Append("</th>");
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
                        w.Append(zh ? " <small>未列入</small>" : " <small>not expected</small>");
                    }

                    w.Append("</td>");
                }
                else if (y.Expected)
                {
                    w.Append("<td class=\"missing\" data-year=\"").Append(Int(y.Year)).Append("\">").Append(zh ? "未提交" : "missing").Append("</td>");
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
    private static void CoverageOnly(StringBuilder w, CheckRun run, bool zh)
    {
        var shown = CrossGroups.Of(run).Select(g => g.Jurisdiction).ToHashSet(StringComparer.Ordinal);
        foreach (var coverage in run.Coverage ?? [])
        {
            if (shown.Contains(coverage.Jurisdiction))
            {
                continue;
            }

            w.Append("<section class=\"jurisdiction coverage-only\" data-jurisdiction=\"").Append(E(coverage.Jurisdiction)).Append("\">\n<h2>")
                .Append(zh ? "报告提交情况 · " : "Who has reported · ").Append(E(coverage.Jurisdiction)).Append("</h2>\n");
            CoverageTable(w, coverage, new Dictionary<string, int>(), zh);
            w.Append("</section>\n");
        }
    }

    private const string ReviewCss = """
        [hidden] { display: none !important; }
        section.review-bar { background: #fbfcfe; }
        .filters, .review-actions { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
        .filters select { max-width: 16em; }
        .review-status { color: var(--muted); }
        .hint { color: var(--muted); font-size: 12.5px; margin: 4px 0; }
        .file-button input { font-size: 12px; }
        div.review { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; margin-top: 4px; padding-top: 4px; border-top: 1px dashed var(--line); }
        div.review button { font-size: 12px; padding: 1px 6px; border: 1px solid var(--line); background: #fff; border-radius: 3px; cursor: pointer; }
        div.review button[aria-pressed="true"].decide-confirmed { background: var(--error); color: #fff; border-color: var(--error); }
        div.review button[aria-pressed="true"].decide-false-alarm { background: #546e7a; color: #fff; border-color: #546e7a; }
        div.review button[aria-pressed="true"].decide-accepted { background: #2e7d32; color: #fff; border-color: #2e7d32; }
        div.review input.comment { flex: 1 1 10em; min-width: 8em; font-size: 12px; }
        .decided-by { color: var(--muted); font-size: 12px; } .conflict { color: var(--error); font-size: 12px; }
        li.finding.decided { opacity: 0.85; }
        li.finding.decided-accepted { background: #f1f8f1; } li.finding.decided-false-alarm { background: #f3f4f6; } li.finding.decided-confirmed { background: #fff5f5; }
        td.cell-corrected { background: #ede7f6 !important; } td.cell-corrected del.published { color: var(--muted); font-weight: 400; margin-right: 2px; }
        td.cell-pending { box-shadow: inset 0 0 0 2px #6a1b9a; background: #f3e5f5; }
        td.cell-pending::after { content: " ✎ " attr(data-pending); color: #6a1b9a; font-size: 11px; }
        table.corrections { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; width: 100%; }
        table.corrections caption { text-align: left; font-weight: 600; color: #6a1b9a; }
        table.corrections th, table.corrections td { border: 1px solid var(--line); padding: 2px 6px; }
        table.corrections tr.not-applied td { color: var(--error); }
        dialog#correct-dialog { border: 1px solid var(--line); border-radius: 6px; min-width: 360px; }
        dialog#correct-dialog label { display: block; margin: 6px 0; }
        .correct-error { color: var(--error); min-height: 1em; }
        .dialog-buttons { display: flex; gap: 8px; }
        .jurisdiction-summary { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; margin-bottom: 12px; }
        .jurisdiction-summary table { border-collapse: collapse; font-size: 13px; }
        .jurisdiction-summary caption, table.coverage caption { text-align: left; font-weight: 600; padding: 4px 0; }
        .jurisdiction-summary th, .jurisdiction-summary td, table.coverage th, table.coverage td { border: 1px solid var(--line); padding: 2px 8px; }
        figure.trend { margin: 0; }
        table.coverage { border-collapse: collapse; font-size: 13px; margin-bottom: 14px; }
        table.coverage td { text-align: center; min-width: 5em; }
        table.coverage td.reported a, table.coverage td.reported span { color: #2e7d32; text-decoration: none; font-weight: 700; }
        table.coverage td.missing { background: var(--error-bg); color: var(--error); font-weight: 700; }
        table.coverage td.not-expected { color: var(--muted); }
        table.coverage td.unexpected { background: #fff8e1; }

        """;

    /// <summary>The review script: decisions, filters, storage, export and merge of decisions, corrections. Nothing is loaded from anywhere.</summary>
    private const string ReviewScript = """
        (function () {
          'use strict';
          var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
          function T(z, e) { return zh ? z : e; }
          var KEY = 'govstats-review:' + (document.body.getAttribute('data-review-key') || '');
          var TOKENS = ['confirmed', 'false-alarm', 'accepted'];
          var NAMES = { 'confirmed': T('确认', 'confirmed'), 'false-alarm': T('误报', 'false alarm'), 'accepted': T('接受', 'accepted') };
          var state = { reviewer: '', expires: '', decisions: {}, corrections: {}, foreign: {} };
          var storage = null;
          try {
            storage = window.localStorage;
            var saved = storage.getItem(KEY);
            if (saved) {
              var parsed = JSON.parse(saved);
              Object.keys(state).forEach(function (k) { if (parsed && parsed[k] !== undefined) { state[k] = parsed[k]; } });
            }
          } catch (e) { storage = null; }
          function save() {
            if (!storage) { return; }
            try { storage.setItem(KEY, JSON.stringify(state)); } catch (e) { status(T('无法保存到浏览器存储：', 'Cannot save in browser storage: ') + e.message); }
          }
          function status(text) { var el = document.getElementById('review-status'); if (el) { el.textContent = text; } }
          function $(id) { return document.getElementById(id); }
          var findings = Array.prototype.slice.call(document.querySelectorAll('li.finding[data-fp]'));
          var byFp = {};
          findings.forEach(function (li) { var fp = li.getAttribute('data-fp'); (byFp[fp] = byFp[fp] || []).push(li); });
          function decisionOf(fp) { var d = state.decisions[fp]; return d && d.decision ? d.decision : ''; }

          var reviewer = $('reviewer'), expires = $('expires');
          if (!state.expires) { var next = new Date(); next.setFullYear(next.getFullYear() + 1); state.expires = next.toISOString().slice(0, 10); }
          reviewer.value = state.reviewer || '';
          expires.value = state.expires;
          reviewer.addEventListener('input', function () { state.reviewer = reviewer.value.trim(); save(); });
          expires.addEventListener('change', function () { if (expires.value) { state.expires = expires.value; save(); } });

          function show(li) {
            var d = state.decisions[li.getAttribute('data-fp')];
            var token = d && d.decision ? d.decision : '';
            TOKENS.forEach(function (t) { li.classList.toggle('decided-' + t, token === t); });
            li.classList.toggle('decided', token !== '');
            li.querySelectorAll('button.decide').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-decision') === token)); });
            var comment = li.querySelector('input.comment');
            if (comment && document.activeElement !== comment) { comment.value = d ? (d.comment || '') : ''; }
            var by = li.querySelector('.decided-by');
            if (by) { by.textContent = token && d.by ? d.by : ''; }
            var conflict = li.querySelector('.conflict');
            if (conflict) { conflict.textContent = d && d.conflict ? d.conflict : ''; }
          }
          function refresh(fp) { (byFp[fp] || []).forEach(show); counts(); filter(); }
          function counts() {
            var n = { total: 0, decided: 0, confirmed: 0, 'false-alarm': 0, accepted: 0 };
            Object.keys(byFp).forEach(function (fp) { n.total++; var t = decisionOf(fp); if (t) { n.decided++; n[t]++; } });
            var corrections = Object.keys(state.corrections).length;
            status(T('已决定 ', 'decided ') + n.decided + ' / ' + n.total + ' · ' + NAMES.confirmed + ' ' + n.confirmed + ' · ' + NAMES['false-alarm'] + ' ' + n['false-alarm'] +
              ' · ' + NAMES.accepted + ' ' + n.accepted + ' · ' + T('更正 ', 'corrections ') + corrections);
          }

          findings.forEach(function (li) {
            var fp = li.getAttribute('data-fp');
            li.querySelectorAll('button.decide').forEach(function (b) {
              b.addEventListener('click', function (ev) {
                ev.stopPropagation();
                var token = b.getAttribute('data-decision');
                var d = state.decisions[fp] || { decision: '', comment: '', by: '' };
                if (d.decision === token) { d.decision = ''; } else { d.decision = token; d.by = state.reviewer; }
                delete d.conflict;
                if (!d.decision && !d.comment) { delete state.decisions[fp]; } else { state.decisions[fp] = d; }
                save();
                refresh(fp);
              });
            });
            var comment = li.querySelector('input.comment');
            if (comment) {
              comment.addEventListener('click', function (ev) { ev.stopPropagation(); });
              comment.addEventListener('input', function () {
                var d = state.decisions[fp] || { decision: '', comment: '', by: state.reviewer };
                d.comment = comment.value;
                state.decisions[fp] = d;
                save();
              });
            }
            var correct = li.querySelector('button.correct');
            if (correct) {
              correct.addEventListener('click', function (ev) {
                ev.stopPropagation();
                openCorrection(li.closest('section.report'), (li.getAttribute('data-correctable') || '').split(' ').filter(Boolean), li.getAttribute('data-proposed') || '');
              });
            }
            show(li);
          });

          // Filters: options from the findings of this file.
          var FILTERS = ['severity', 'rule', 'agency', 'jurisdiction', 'year'];
          FILTERS.forEach(function (key) {
            var select = $('filter-' + key), values = {};
            findings.forEach(function (li) { var v = li.getAttribute('data-' + key); if (v) { values[v] = true; } });
            Object.keys(values).sort().forEach(function (v) { var o = document.createElement('option'); o.value = v; o.textContent = v; select.appendChild(o); });
            select.addEventListener('change', filter);
          });
          $('filter-status').addEventListener('change', filter);
          function filter() {
            var f = {};
            FILTERS.concat(['status']).forEach(function (k) { f[k] = $('filter-' + k).value; });
            var byFinding = f.severity || f.rule || f.status;
            findings.forEach(function (li) {
              var ok = FILTERS.every(function (k) { return !f[k] || li.getAttribute('data-' + k) === f[k]; });
              var t = decisionOf(li.getAttribute('data-fp'));
              if (f.status === 'undecided') { ok = ok && !t; } else if (f.status === 'decided') { ok = ok && !!t; } else if (f.status) { ok = ok && t === f.status; }
              li.hidden = !ok;
            });
            document.querySelectorAll('section.report, section.jurisdiction').forEach(function (section) {
              var keys = section.classList.contains('report') ? ['agency', 'jurisdiction', 'year'] : ['jurisdiction'];
              var ok = keys.every(function (k) { return !f[k] || section.getAttribute('data-' + k) === f[k]; });
              if (ok && byFinding) { ok = !!section.querySelector('li.finding[data-fp]:not([hidden])'); }
              section.hidden = !ok;
            });
          }

          function download(name, text) {
            var blob = new Blob([text], { type: 'application/json' });
            var a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = name;
            document.body.appendChild(a);
            a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
          }
          function number(text) { return text === null || text === '' ? null : Number(text); }

          // Decisions → the baseline file format (plus decision and comment), for govstats check --baseline.
          function decisionsJson() {
            var entries = [];
            Object.keys(byFp).sort().forEach(function (fp) {
              var d = state.decisions[fp];
              if (!d || !d.decision) { return; }
              var li = byFp[fp][0];
              entries.push({
                fingerprint: fp, rule: li.getAttribute('data-rule'), agency: li.getAttribute('data-agency'), year: parseInt(li.getAttribute('data-year'), 10),
                instance: li.getAttribute('data-instance') || '', severity: li.getAttribute('data-severity'), expected: number(li.getAttribute('data-expected')), actual: number(li.getAttribute('data-actual')),
                message: li.getAttribute('data-message'), reason: d.comment || '', acceptedBy: d.by || state.reviewer || '', expires: state.expires,
                decision: d.decision, comment: d.comment || ''
              });
            });
            Object.keys(state.foreign).sort().forEach(function (fp) { if (!byFp[fp]) { entries.push(state.foreign[fp]); } });
            return JSON.stringify({ version: 1, entries: entries }, null, 2) + '\n';
          }
          $('export-decisions').addEventListener('click', function () {
            if (!state.reviewer) { status(T('请先填写审核人。', 'Enter the reviewer first.')); reviewer.focus(); return; }
            download('govstats-decisions.json', decisionsJson());
          });

          // A decisions file of another reviewer: fills undecided findings, joins comments of equal decisions, keeps yours on conflicts.
          function merge(doc) {
            if (!doc || !Array.isArray(doc.entries)) { throw new Error(T('缺少 entries 数组', 'no "entries" array')); }
            var added = 0, joined = 0, conflicts = 0, other = 0;
            doc.entries.forEach(function (e) {
              if (!e || typeof e.fingerprint !== 'string') { return; }
              var token = TOKENS.indexOf(e.decision) >= 0 ? e.decision : 'accepted';
              var theirs = { decision: token, comment: e.comment || e.reason || '', by: e.acceptedBy || '' };
              if (!byFp[e.fingerprint]) { state.foreign[e.fingerprint] = e; other++; return; }
              var mine = state.decisions[e.fingerprint];
              if (!mine || !mine.decision) {
                theirs.comment = mine && mine.comment ? mine.comment + (theirs.comment ? ' | ' + theirs.comment : '') : theirs.comment;
                state.decisions[e.fingerprint] = theirs; added++;
              } else if (mine.decision === token) {
                if (theirs.comment && (mine.comment || '').indexOf(theirs.comment) < 0) { mine.comment = mine.comment ? mine.comment + ' | ' + theirs.comment : theirs.comment; }
                if (theirs.by && (mine.by || '').split(', ').indexOf(theirs.by) < 0) { mine.by = mine.by ? mine.by + ', ' + theirs.by : theirs.by; }
                joined++;
              } else {
                mine.conflict = T('另一审核人 ', 'other reviewer ') + (theirs.by || '?') + ': ' + NAMES[token] + (theirs.comment ? ' — ' + theirs.comment : '');
                conflicts++;
              }
            });
            save();
            findings.forEach(show);
            filter();
            counts();
            status(document.getElementById('review-status').textContent + ' · ' + T('合并：新增 ', 'merged: added ') + added + T('，相同 ', ', same ') + joined +
              T('，冲突 ', ', conflicts ') + conflicts + T('（保留你的决定）', ' (yours kept)') + T('，其他报告 ', ', other reports ') + other);
          }
          var load = $('load-decisions');
          load.addEventListener('change', function () {
            var file = load.files && load.files[0];
            if (!file) { return; }
            var reader = new FileReader();
            reader.onload = function () {
              try { merge(JSON.parse(String(reader.result))); } catch (e) { status(T('无法读取决定文件：', 'Cannot read the decisions file: ') + e.message); }
              load.value = '';
            };
            reader.readAsText(file);
          });

          // Corrections of table cells.
          var dialog = $('correct-dialog'), cellSelect = $('correct-cell'), valueInput = $('correct-value'), reasonInput = $('correct-reason');
          var current = null;
          function cellOf(section, id) {
            var cells = section ? section.querySelectorAll('td.cell[data-cell]') : [];
            for (var i = 0; i < cells.length; i++) { if (cells[i].getAttribute('data-cell') === id) { return cells[i]; } }
            return null;
          }
          function published(td) { return td.hasAttribute('data-published') ? td.getAttribute('data-published') : (td.getAttribute('data-printed') || ''); }
          function keyOf(section, id) { return section.getAttribute('data-source') + '#' + id; }
          function markPending() {
            document.querySelectorAll('td.cell-pending').forEach(function (td) { td.classList.remove('cell-pending'); td.removeAttribute('data-pending'); });
            Object.keys(state.corrections).forEach(function (k) {
              var c = state.corrections[k];
              document.querySelectorAll('section.report').forEach(function (section) {
                if (section.getAttribute('data-source') !== c.source) { return; }
                var td = cellOf(section, c.cell);
                if (td) { td.classList.add('cell-pending'); td.setAttribute('data-pending', c.value === null ? T('（空）', '(blank)') : String(c.value)); }
              });
            });
          }
          function fill(proposed) {
            var id = cellSelect.value, td = cellOf(current.section, id), c = state.corrections[keyOf(current.section, id)];
            $('correct-published').textContent = published(td) || T('（空）', '(blank)');
            valueInput.value = c ? (c.value === null ? '' : String(c.value)) : (proposed || '');
            reasonInput.value = c ? c.reason : '';
            $('correct-error').textContent = '';
          }
          function openCorrection(section, ids, proposed) {
            if (!section) { return; }
            cellSelect.innerHTML = '';
            ids.forEach(function (id) {
              var td = cellOf(section, id);
              if (!td) { return; }
              var o = document.createElement('option');
              o.value = id;
              o.textContent = (td.getAttribute('data-label') || id) + ' · ' + id;
              cellSelect.appendChild(o);
            });
            if (!cellSelect.options.length) { status(T('这里没有可更正的单元格。', 'No cell to correct here.')); return; }
            current = { section: section };
            dialog.querySelector('.correct-report').textContent = section.getAttribute('data-agency') + ' ' + section.getAttribute('data-year') + ' · ' + section.getAttribute('data-source');
            fill(proposed);
            if (typeof dialog.showModal === 'function') { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
            valueInput.focus();
          }
          function closeDialog() { if (typeof dialog.close === 'function') { dialog.close(); } else { dialog.removeAttribute('open'); } current = null; }
          cellSelect.addEventListener('change', function () { fill(''); });
          $('correct-cancel').addEventListener('click', closeDialog);
          $('correct-remove').addEventListener('click', function () {
            if (current) { delete state.corrections[keyOf(current.section, cellSelect.value)]; save(); markPending(); counts(); }
            closeDialog();
          });
          $('correct-save').addEventListener('click', function () {
            var text = valueInput.value.trim().replace(/[,，]/g, '');
            var error = $('correct-error');
            if (text !== '' && !/^-?\d+(\.\d+)?$/.test(text)) { error.textContent = T('请输入数字（留空表示空白）。', 'Enter a number (empty for blank).'); return; }
            if (!reasonInput.value.trim()) { error.textContent = T('请填写理由。', 'Give a reason.'); return; }
            if (!state.reviewer) { error.textContent = T('请先在页面顶部填写审核人。', 'Enter the reviewer at the top of the page first.'); return; }
            var section = current.section, id = cellSelect.value, td = cellOf(section, id);
            state.corrections[keyOf(section, id)] = {
              source: section.getAttribute('data-source'), agency: section.getAttribute('data-agency'), year: parseInt(section.getAttribute('data-year'), 10),
              sha256: section.getAttribute('data-sha256') || null, cell: id, label: td.getAttribute('data-label') || id, published: published(td),
              value: text === '' ? null : Number(text), reason: reasonInput.value.trim(), by: state.reviewer
            };
            save();
            markPending();
            counts();
            closeDialog();
          });
          document.querySelectorAll('section.report td.cell[data-cell]').forEach(function (td) {
            td.addEventListener('dblclick', function () { openCorrection(td.closest('section.report'), [td.getAttribute('data-cell')], ''); });
          });
          function correctionsJson() {
            var list = Object.keys(state.corrections).sort().map(function (k) { return state.corrections[k]; });
            return JSON.stringify({ version: 1, corrections: list }, null, 2) + '\n';
          }
          $('export-corrections').addEventListener('click', function () {
            if (!Object.keys(state.corrections).length) { status(T('还没有更正。', 'No corrections yet.')); return; }
            download('govstats-corrections.json', correctionsJson());
          });

          markPending();
          counts();
          filter();
        })();

        """;
}
