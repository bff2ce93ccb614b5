using System.Globalization;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Localization;

namespace GovStatsValidation.TestUtils;

/// <summary>
/// Every field of a check result written out as text (findings in order, each with messages, formula texts, cells, suspect
/// with its alternatives, arguments; the localization with its evidence), so that two results can be compared field by field.
/// </summary>
public static class FindingDump
{
    /// <summary>The whole result: its findings in order, then its localization.</summary>
    public static string Of(ReportCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        foreach (var f in result.Findings)
        {
            sb.AppendLine(Of(f));
        }

        sb.AppendLine(Of(result.Localization));
        return sb.ToString();
    }

    /// <summary>One finding, every field.</summary>
    public static string Of(Finding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{f.RuleId} | {f.Severity} | {f.Instance} | passed {f.Passed}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  title {f.Title.Zh} / {f.Title.En}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  message {f.Message.Zh} / {f.Message.En}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  expression {f.Expression} | formula {f.Formula} | formula text {f.FormulaText?.Zh} / {f.FormulaText?.En}\n");
        sb.Append(CultureInfo.InvariantCulture, $"  expected {f.Expected} actual {f.Actual} difference {f.Difference} line {f.Line} quote {f.Quote}\n");
        foreach (var c in f.Cells)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  cell {c.Id} {c.Label} {c.State} {c.Value} raw {c.Raw} line {c.Line} page {c.Page} reconstructed {c.Reconstructed}\n");
        }

        sb.Append("  suspect ").Append(Of(f.Suspect)).Append('\n');
        foreach (var (name, value) in f.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  argument {name} = {value}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"  supersedes {string.Join(",", f.Supersedes)} related {string.Join(",", f.RelatedSources)}");
        return sb.ToString();
    }

    private static string Of(Suspect? s) => s is null ? "none"
        : $"{s.Cell} {s.CorrectedValue} {s.Confidence} {s.Reason.Zh} / {s.Reason.En} [{string.Join("; ", s.Alternatives.Select(Of))}]";

    /// <summary>A localization, every field.</summary>
    public static string Of(ReportLocalization? localization)
    {
        if (localization is null)
        {
            return "localization none";
        }

        var sb = new StringBuilder("localization\n");
        foreach (var e in localization.Errors)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  error {e.Confidence} {e.Why.Zh} / {e.Why.En} rules {string.Join(",", e.Rules)} candidates {e.Candidates}\n");
            sb.Append("    cells ").Append(Of(e.Cells)).Append('\n');
            foreach (var tie in e.TiedWith)
            {
                sb.Append("    tied ").Append(Of(tie)).Append('\n');
            }

            sb.Append("    runner-up ").Append(e.RunnerUp is null ? "none" : Of(e.RunnerUp)).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"  unresolved {string.Join(",", localization.Unresolved)}");
        return sb.ToString();
    }

    private static string Of(IReadOnlyList<CellCorrection> cells) => string.Join("; ", cells.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Cell} {c.Label} {c.Role} {c.Current}→{c.Proposed} w {c.Weight:R} [{string.Join(", ", c.Evidence.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Kind} {x.Text.Zh} / {x.Text.En} {x.Weight:R}")))}]")));
}
