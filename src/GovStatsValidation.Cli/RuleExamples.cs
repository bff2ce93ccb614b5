using System.Text.RegularExpressions;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Cli;

/// <summary>A report on which a rule fails, built from a clean all-zero report by a small change.</summary>
/// <param name="Schema">The format.</param>
/// <param name="Year">The report year used.</param>
/// <param name="Change">The change made to the all-zero report, or <see langword="null"/> when it already fails.</param>
/// <param name="Evaluation">The failed evaluation, with the formula filled in.</param>
/// <param name="Finding">The finding the checker gives, when the rule's severity produces one.</param>
internal sealed record RuleExample(SchemaVersion Schema, int Year, string? Change, RuleEvaluation Evaluation, Finding? Finding);

/// <summary>
/// Generates an example that fails for a rule: start from a report of the format whose every cell is 0 (all identities
/// hold), then try small changes — the cells the rule's expressions name first — until the rule fails. Uses only the
/// public checker, so the example shows exactly what <c>check</c> would report.
/// </summary>
internal static partial class RuleExamples
{
    private const int MaxAttempts = 3000;

    /// <summary>One value a cell is set to (<see langword="null"/>: removed, i.e. absent), and how it is shown.</summary>
    private static readonly (CellValue? Value, string Shown)[] Values =
    [
        (CellValue.Of(1), "1"),
        (CellValue.Of(1000), "1000"),
        (CellValue.Of(-1), "-1"),
        (CellValue.Of(0.5m), "0.5"),
        (CellValue.Blank, "(blank)"),
        (null, "(absent)"),
        (CellValue.Parse("——"), "——"),
        (CellValue.Parse("见附件"), "见附件"),
    ];

    /// <summary>Searches an example for one rule and format.</summary>
    /// <param name="catalog">The rules in force.</param>
    /// <param name="ruleId">The rule.</param>
    /// <param name="version">The format.</param>
    /// <param name="instances">How many instances the rule has in the format (0: it does not apply to any cell there).</param>
    public static RuleExample? Find(RuleCatalog catalog, string ruleId, SchemaVersion version, out int instances)
    {
        var definition = catalog.Rules.LastOrDefault(r => r.Id == ruleId);
        var schema = SchemaCatalog.Get(version);
        var year = Math.Min(schema.LastYear, Math.Max(schema.FirstYear, 2023));
        var checker = new ReportChecker(catalog, new GovStatsValidationOptions { MinimumSeverity = Severity.Info }, []);
        var clean = new AnnualReport { Agency = new Agency("示例单位"), Year = year, Schema = version, Source = "example" };
        foreach (var cell in schema.Cells)
        {
            clean.Cells[cell.Id] = CellValue.Of(0);
        }

        var evaluations = checker.Explain(clean).Where(e => e.RuleId == ruleId).ToList();
        instances = evaluations.Count;
        if (evaluations.Count == 0)
        {
            return null;
        }

        if (evaluations.FirstOrDefault(e => e.Outcome == RuleOutcome.Failed) is { } failedAtOnce)
        {
            return new RuleExample(version, year, null, failedAtOnce, FindingFor(checker, clean, failedAtOnce));
        }

        var attempts = 0;
        foreach (var change in Changes(schema, evaluations, definition))
        {
            if (++attempts > MaxAttempts)
            {
                return null;
            }

            var changed = Copy(clean);
            foreach (var (id, value) in change.Cells)
            {
                if (value is null)
                {
                    changed.Cells.Remove(id);
                }
                else
                {
                    changed.Cells[id] = value;
                }
            }

            var failed = checker.Explain(changed).FirstOrDefault(e => e.RuleId == ruleId && e.Outcome == RuleOutcome.Failed);
            if (failed is not null)
            {
                return new RuleExample(version, year, change.Description, failed, FindingFor(checker, changed, failed));
            }
        }

        return null;
    }

    private sealed record Change(IReadOnlyList<(CellId Id, CellValue? Value)> Cells, string Description);

    /// <summary>
    /// The changes tried, in order: one named cell set to each value; every cell of a table removed; all named cells
    /// removed; a named cell left blank while another of its table is 1 (a total not filled in); then any other cell set
    /// to each value.
    /// </summary>
    private static IEnumerable<Change> Changes(ReportSchema schema, IReadOnlyList<RuleEvaluation> evaluations, RuleDefinition? rule)
    {
        var named = Named(schema, evaluations, rule);
        foreach (var cell in named)
        {
            foreach (var (value, shown) in Values)
            {
                yield return new Change([(cell.Id, value)], $"{cell.Id} ({cell.Label}) = {shown}");
            }
        }

        foreach (var table in schema.Tables)
        {
            yield return new Change(table.AllRows.SelectMany(r => r.Cells).Select(c => (c.Id, (CellValue?)null)).ToList(), $"table {table.Id} removed");
        }

        if (named.Count > 1)
        {
            yield return new Change(named.Select(c => (c.Id, (CellValue?)null)).ToList(),
                $"every cell of {string.Join(", ", named.Select(c => c.Row.Table.Id).Distinct())} the rule names removed");
        }

        var direct = DirectlyNamed(evaluations, rule);
        foreach (var blank in named.Where(c => direct.Contains(c.Id.Value)))
        {
            var others = named.Where(c => c != blank && c.Row.Table == blank.Row.Table && c.Column?.Id == blank.Column?.Id);
            foreach (var one in others)
            {
                yield return new Change([(blank.Id, CellValue.Blank), (one.Id, CellValue.Of(1))], $"{blank.Id} ({blank.Label}) = (blank), {one.Id} ({one.Label}) = 1");
            }
        }

        foreach (var cell in schema.Cells.Where(c => !named.Contains(c)))
        {
            foreach (var (value, shown) in Values)
            {
                yield return new Change([(cell.Id, value)], $"{cell.Id} ({cell.Label}) = {shown}");
            }
        }
    }

    private static HashSet<string> DirectlyNamed(IReadOnlyList<RuleEvaluation> evaluations, RuleDefinition? rule) =>
        evaluations.SelectMany(e => Texts(e, rule)).SelectMany(t => Identifier().Matches(t).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The instance's expression and, with the forEach placeholders filled, the rule's when, requires, actual, expected and suspect texts.</summary>
    private static IEnumerable<string> Texts(RuleEvaluation evaluation, RuleDefinition? rule)
    {
        yield return evaluation.Expression;
        if (rule is null)
        {
            yield break;
        }

        var bindings = evaluation.Instance.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => b.Split('=', 2)).Where(p => p.Length == 2).ToList();
        foreach (var text in rule.Requires.Append(rule.When).Append(rule.Actual).Append(rule.Expected).Append(rule.Suspect).OfType<string>())
        {
            var filled = text;
            foreach (var pair in bindings.OrderByDescending(p => p[0].Length))
            {
                filled = filled.Replace("$" + pair[0], pair[1], StringComparison.Ordinal);
            }

            yield return filled;
        }
    }

    /// <summary>The cells the rule's instance expressions name, directly or as a row or table prefix (<c>children(result[total])</c>, <c>reported(art20_1)</c>).</summary>
    private static List<CellDefinition> Named(ReportSchema schema, IReadOnlyList<RuleEvaluation> evaluations, RuleDefinition? rule)
    {
        var tokens = DirectlyNamed(evaluations, rule);
        bool Matches(CellDefinition cell)
        {
            foreach (var token in tokens)
            {
                var id = new CellId(token);
                var row = id.Row;
                var column = id.Column;
                var rowMatches = cell.Row.Id == row || cell.Row.Id.StartsWith(row + ".", StringComparison.Ordinal) || cell.Row.Table.Id == row;
                if (rowMatches && (column is null || cell.Column?.Id == column))
                {
                    return true;
                }
            }

            return false;
        }

        return schema.Cells.Where(Matches).ToList();
    }

    private static Finding? FindingFor(IReportChecker checker, AnnualReport report, RuleEvaluation evaluation) =>
        checker.Check(report).Findings.FirstOrDefault(f => f.RuleId == evaluation.RuleId && f.Instance == evaluation.Instance && !f.Passed);

    private static AnnualReport Copy(AnnualReport report)
    {
        var copy = new AnnualReport { Agency = report.Agency, Year = report.Year, Schema = report.Schema, Source = report.Source };
        foreach (var (id, value) in report.Cells)
        {
            copy.Cells[id] = value;
        }

        return copy;
    }

    internal static string Describe(RuleExample example, string language)
    {
        var culture = Messages.MessageCatalog.Culture(language);
        var start = Messages.MessageCatalog.Get(culture, "explain.example", ("schema", example.Schema.ToToken()), ("year", example.Year));
        var change = example.Change is { } c
            ? Messages.MessageCatalog.Get(culture, "explain.changed", ("changes", c))
            : Messages.MessageCatalog.Get(culture, "explain.unchanged");
        return start + change;
    }

    [GeneratedRegex(@"[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*(\[[a-z0-9_.]+\])?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Identifier();
}
