using System.Globalization;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.NUnit;

/// <summary>
/// Text forms of findings: a stable, line-oriented form for snapshots (<see cref="Format(ReportCheckResult)"/>) and the
/// short readable form used in assertion failure messages.
/// </summary>
public static class FindingsText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The stable text of a report's findings: a header (agency, year, format, counts), then one block per finding in
    /// <see cref="FindingOrder"/> with rule id, severity, instance, line, messages in Chinese and English, formula,
    /// expected, actual, difference, the cells with their values, suspect and quote. Lines end in <c>\n</c>; numbers are
    /// invariant and without trailing zeros; the report's file path is not included, so the text does not depend on
    /// where it was checked.
    /// </summary>
    /// <param name="result">The result of checking one report.</param>
    /// <returns>The text, without a final newline.</returns>
    public static string Format(ReportCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Format(result.Report, result.Findings);
    }

    /// <summary>The stable text of findings not tied to one report (see <see cref="Format(ReportCheckResult)"/>).</summary>
    /// <param name="findings">The findings.</param>
    /// <returns>The text, without a final newline.</returns>
    public static string Format(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return Format(null, findings.ToList());
    }

    internal static string Format(AnnualReport? report, IReadOnlyList<Finding> findings)
    {
        var sb = new StringBuilder();
        if (report is not null)
        {
            sb.Append("report: ").Append(report.Agency?.Name).Append(' ').Append(report.Year.ToString(Invariant))
                .Append(" (").Append(report.Schema.ToToken()).Append(")\n");
        }

        sb.Append("findings: ").Append(Counts(findings)).Append('\n');
        foreach (var f in findings.Order(FindingOrder.Instance))
        {
            sb.Append('\n').Append(Word(f.Severity)).Append(' ').Append(f.RuleId).Append('\n');
            Field(sb, "instance", f.Instance);
            Field(sb, "line", f.Line?.ToString(Invariant));
            Field(sb, "message.zh", f.Message.Zh);
            Field(sb, "message.en", f.Message.En);
            Field(sb, "formula", f.Formula);
            Field(sb, "expected", Number(f.Expected));
            Field(sb, "actual", Number(f.Actual));
            Field(sb, "difference", Number(f.Difference));
            if (f.Cells.Count > 0)
            {
                sb.Append("  cells:\n");
                foreach (var c in f.Cells)
                {
                    sb.Append("    ").Append(c.Id.Value).Append(" = ").Append(c.State == CellState.Number ? Number(c.Value) : c.Display);
                    if (c.State != CellState.Number && c.Raw is { Length: > 0 } raw && raw != c.Display)
                    {
                        sb.Append(" \"").Append(raw).Append('"');
                    }

                    if (c.Line is { } line)
                    {
                        sb.Append(" (line ").Append(line.ToString(Invariant)).Append(')');
                    }

                    sb.Append('\n');
                }
            }

            if (f.Suspect is { } s)
            {
                Field(sb, "suspect", s.CorrectedValue is { } v ? $"{s.Cell.Value} (corrected {Number(v)})" : s.Cell.Value);
            }

            Field(sb, "quote", f.Quote);
        }

        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>One finding in a few readable lines: severity, rule, instance, line, message, formula, expected/actual, cells.</summary>
    internal static IEnumerable<string> Describe(Finding f, string language)
    {
        var head = new StringBuilder().Append(Word(f.Severity)).Append(' ').Append(f.RuleId);
        if (f.Instance.Length > 0)
        {
            head.Append(" [").Append(f.Instance).Append(']');
        }

        if (f.Line is { } line)
        {
            head.Append(" (line ").Append(line.ToString(Invariant)).Append(')');
        }

        yield return head.Append(": ").Append(f.Message.In(language)).ToString();
        if (f.Formula is { Length: > 0 } formula)
        {
            var numbers = f.Expected is not null || f.Actual is not null
                ? $"; expected {Number(f.Expected) ?? "—"}, actual {Number(f.Actual) ?? "—"}"
                : "";
            yield return $"    formula: {formula}{numbers}";
        }

        if (f.Cells.Count > 0)
        {
            const int shown = 6;
            var cells = string.Join(", ", f.Cells.Take(shown).Select(c => $"{c.Id.Value}={c.Display}"));
            yield return $"    cells: {cells}{(f.Cells.Count > shown ? $", … (+{f.Cells.Count - shown})" : "")}";
        }
    }

    internal static string Counts(IReadOnlyCollection<Finding> findings) =>
        string.Create(Invariant, $"{findings.Count(f => f.Severity == Severity.Error)} error(s), {findings.Count(f => f.Severity == Severity.Warning)} warning(s), {findings.Count(f => f.Severity == Severity.Info)} info");

    internal static string Word(Severity severity) => severity.ToString().ToLowerInvariant();

    internal static string? Number(decimal? value) =>
        value?.ToString("0.############################", Invariant);

    private static void Field(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sb.Append("  ").Append(name).Append(": ").Append(value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }
    }
}
