using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;

namespace GovStatsValidation.Checking;

/// <summary>
/// Reviewers' corrections (<see cref="AnnualReport.Corrections"/>) as findings, so every output shows each corrected cell as
/// corrected (was / now / reason / who) and each correction that no longer matches its report. These findings are never
/// filtered out by the minimum severity or by disabled rules: a correction must never pass for the published figure.
/// </summary>
internal sealed class CorrectionRules : IFindingSource
{
    /// <summary>A cell checked with a reviewer's value instead of the published one (info).</summary>
    public const string CorrectedRule = "input.corrected";

    /// <summary>A correction that was not applied because its report or cell changed (warning).</summary>
    public const string NotAppliedRule = "input.correction.not-applied";

    internal static readonly LocalizedText CorrectedTitle = new("审核人更正的数值", "Value corrected by a reviewer");

    internal static readonly LocalizedText NotAppliedTitle = new("更正与报告不再相符", "Correction no longer matches the report");

    public string Name => "corrections";

    /// <summary>Whether a finding reports a correction (and must therefore always be shown).</summary>
    public static bool IsCorrectionFinding(Finding finding) => finding.RuleId is CorrectedRule or NotAppliedRule;

    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        if (report.Corrections.Count == 0)
        {
            // The common case, and no enumerator allocated for it (a clean report allocates nothing).
            return;
        }

        foreach (var c in report.Corrections)
        {
            var label = report.SchemaDefinition.TryGetCell(c.Cell, out var definition) ? definition.Label : c.Cell.Value;
            var value = report.Cells[c.Cell];
            var cell = new FindingCell(c.Cell, label, value.State, value.State == CellState.Number ? value.Number : null, value.Raw, value.Location?.Line);
            var was = c.Published.Length == 0 ? "（空）" : c.Published;
            var wasEn = c.Published.Length == 0 ? "(blank)" : c.Published;
            var now = c.Value is null ? "（空）" : c.ValueText;
            var nowEn = c.Value is null ? "(blank)" : c.ValueText;
            if (c.Status == CorrectionStatus.Applied)
            {
                findings.Add(new Finding
                {
                    RuleId = CorrectedRule,
                    Severity = Severity.Info,
                    Title = CorrectedTitle,
                    Message = new LocalizedText(
                        $"“{label}”已更正：公布值 {was}，检查所用值 {now}；理由：{c.Reason}；更正人：{c.By}",
                        $"'{label}' corrected: published {wasEn}, checked as {nowEn}; reason: {c.Reason}; by: {c.By}"),
                    Cells = [cell],
                    Line = value.Location?.Line,
                    Instance = "cell=" + c.Cell.Value,
                    Arguments = new Dictionary<string, string>
                    {
                        ["was"] = c.Published,
                        ["now"] = c.ValueText,
                        ["reason"] = c.Reason,
                        ["by"] = c.By,
                    },
                });
                continue;
            }

            var (zh, en) = c.Status switch
            {
                CorrectionStatus.ReportChanged => ($"报告文件已改变（SHA-256 现为 {c.Found}），更正未应用",
                    $"the report file changed (its SHA-256 is now {c.Found}); the correction was not applied"),
                CorrectionStatus.UnknownCell => ("该报告的表格格式没有此单元格，更正未应用",
                    "the report's table format has no such cell; the correction was not applied"),
                _ => ($"单元格现为 {(string.IsNullOrEmpty(c.Found) ? "（空）" : c.Found)}，而更正针对的是 {was}，更正未应用",
                    $"the cell now reads {(string.IsNullOrEmpty(c.Found) ? "(blank)" : c.Found)}, the correction was made against {wasEn}; it was not applied"),
            };
            findings.Add(new Finding
            {
                RuleId = NotAppliedRule,
                Severity = Severity.Warning,
                Title = NotAppliedTitle,
                Message = new LocalizedText(
                    $"对“{label}”的更正（{was} → {now}，{c.By}：{c.Reason}）：{zh}",
                    $"Correction of '{label}' ({wasEn} → {nowEn}, {c.By}: {c.Reason}): {en}"),
                Cells = c.Status == CorrectionStatus.UnknownCell ? [] : [cell],
                Line = value.Location?.Line,
                Instance = "cell=" + c.Cell.Value,
            });
        }
    }
}
