using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Localization;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Cli;

/// <summary>
/// <c>govstats rules coverage</c>: per format, every cell and the rule instances that read it (identity, one-way bound,
/// other, a test of the cell alone); cells read by no rule beyond tests of the cell alone, and cells read only by one-way
/// bounds, are flagged: an error there cannot be seen (or only in one direction).
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext context, Func<string[]?, RuleCatalog> catalogFor, Option<string[]> rules)
    {
        var schema = new Option<string?>("--schema") { Description = "Only this format" };
        schema.AcceptOnlyFromAmong("pre2019", "2019", "2021");
        var flagged = new Option<bool>("--flagged") { Description = "Only the cells no rule covers or only one-way bounds cover" };
        var command = new Command("coverage", "Per format, every cell and which rules read it; flags cells read by no rule and cells read only by one-way bounds") { rules, schema, flagged };
        command.SetAction(parse =>
        {
            var catalog = catalogFor(parse.GetValue(rules));
            var versions = SchemaVersions.TryParse(parse.GetValue(schema), out var v) ? [v] : SchemaVersions.All;
            Write(context.Out, catalog, versions, parse.GetValue(flagged));
            return CliApp.ExitOk;
        });
        return command;
    }

    internal static void Write(TextWriter w, RuleCatalog catalog, IEnumerable<SchemaVersion> versions, bool flaggedOnly)
    {
        foreach (var version in versions)
        {
            var coverage = catalog.Coverage(version);
            w.WriteLine($"{version.ToToken()}: {coverage.Count} cells, {coverage.Count(c => c.Equalities >= 2)} in ≥2 identities, {coverage.Count(c => c.Equalities == 1)} in 1, "
                + $"{coverage.Count(c => c.BoundsOnly)} only in one-way bounds, {coverage.Count(c => c.Uncovered)} read by no rule");
            foreach (var cell in coverage)
            {
                var flag = cell.Uncovered ? "UNCOVERED" : cell.BoundsOnly ? "BOUNDS-ONLY" : "";
                if (flaggedOnly && flag.Length == 0)
                {
                    continue;
                }

                var uses = cell.Rules.Where(r => r.Kind != RuleUseKind.Sanity)
                    .Select(r => $"{r.RuleId}{(r.Instance.Length > 0 ? $"[{r.Instance}]" : "")}:{Kind(r.Kind)}");
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {flag,-11} {cell.Cell.Value,-48} {cell.Role.ToString().ToLowerInvariant(),-8} ={cell.Equalities} {string.Join(", ", uses)}"));
            }
        }
    }

    private static string Kind(RuleUseKind kind) => kind switch
    {
        RuleUseKind.Equality => "identity",
        RuleUseKind.Bound => "bound",
        _ => "other",
    };
}
