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

    internal static LocalizedText CorrectedTitle => Messages.MessageCatalog.Words("correction.applied.title");

    internal static LocalizedText NotAppliedTitle => Messages.MessageCatalog.Words("correction.not-applied.title");

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
            // Chinese names the cell by its label, English by its id.
            var blank = Messages.MessageCatalog.Words("correction.blank");
            var was = c.Published.Length == 0 ? blank.Zh : c.Published;
            var wasEn = c.Published.Length == 0 ? blank.En : c.Published;
            var now = c.Value is null ? blank.Zh : c.ValueText;
            var nowEn = c.Value is null ? blank.En : c.ValueText;
            if (c.Status == CorrectionStatus.Applied)
            {
                findings.Add(new Finding
                {
                    RuleId = CorrectedRule,
                    Severity = Severity.Info,
                    Title = CorrectedTitle,
                    Message = Messages.MessageCatalog.Text("correction.applied",
                        [("cell", label), ("was", was), ("now", now), ("reason", c.Reason), ("by", c.By)],
                        [("cell", c.Cell.Value), ("was", wasEn), ("now", nowEn), ("reason", c.Reason), ("by", c.By)]),
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

            var why = c.Status switch
            {
                CorrectionStatus.ReportChanged => Messages.MessageCatalog.Text("correction.why.report-changed", ("algorithm", "SHA-256"), ("hash", c.Found)),
                CorrectionStatus.UnknownCell => Messages.MessageCatalog.Words("correction.why.unknown-cell"),
                _ => Messages.MessageCatalog.Text("correction.why.cell-changed",
                    [("found", string.IsNullOrEmpty(c.Found) ? blank.Zh : c.Found), ("was", was)],
                    [("found", string.IsNullOrEmpty(c.Found) ? blank.En : c.Found), ("was", wasEn)]),
            };
            findings.Add(new Finding
            {
                RuleId = NotAppliedRule,
                Severity = Severity.Warning,
                Title = NotAppliedTitle,
                Message = Messages.MessageCatalog.Text("correction.not-applied",
                    [("cell", label), ("was", was), ("now", now), ("by", c.By), ("reason", c.Reason), ("why", why.Zh)],
                    [("cell", c.Cell.Value), ("was", wasEn), ("now", nowEn), ("by", c.By), ("reason", c.Reason), ("why", why.En)]),
                Cells = c.Status == CorrectionStatus.UnknownCell ? [] : [cell],
                Line = value.Location?.Line,
                Instance = "cell=" + c.Cell.Value,
            });
        }
    }
}
