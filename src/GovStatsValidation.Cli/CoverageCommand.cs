using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Localization;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Cli;

/// <summary>
/// <c>govstats rules coverage</c>: per format, every cell and the rule instances that read it (identity, one-way bound,
/// other, a test of the cell alone); cells read by no rule beyond tests of the cell alone, and cells read only by one-way
/// bounds, are flagged: an error there cannot be seen (or only in one direction). Per format, how many cross-report rules
/// compare it with other reports, and at the end the rules of every kind (from the rule catalogue) that apply.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var schema = new Option<string?>("--schema") { Description = "Only this format" };
        schema.AcceptOnlyFromAmong("pre2019", "2019", "2021");
        var flagged = new Option<bool>("--flagged") { Description = "Only the cells no rule covers or only one-way bounds cover" };
        var command = new Command("coverage", "Per format, every cell and which rules read it; flags cells read by no rule and cells read only by one-way bounds") { rules, schema, flagged };
        command.SetAction(parse =>
        {
            using var services = RulesCommand.Services(parse.GetValue(rules));
            var versions = SchemaVersions.TryParse(parse.GetValue(schema), out var v) ? [v] : SchemaVersions.All;
            Write(context.Out, services.GetRequiredService<RuleCatalog>(), services.GetRequiredService<IRuleCatalog>(), versions, parse.GetValue(flagged));
            return CliApp.ExitOk;
        });
        return command;
    }

    internal static void Write(TextWriter w, RuleCatalog catalog, IRuleCatalog all, IEnumerable<SchemaVersion> versions, bool flaggedOnly)
    {
        var list = versions.ToList();
        foreach (var version in list)
        {
            var coverage = catalog.Coverage(version);
            var cross = all.Rules.Count(r => r.Kind == RuleKind.Cross && r.Definition is { } d && d.Schemas.Contains(version));
            w.WriteLine($"{version.ToToken()}: {coverage.Count} cells, {coverage.Count(c => c.Equalities >= 2)} in ≥2 identities, {coverage.Count(c => c.Equalities == 1)} in 1, "
                + $"{coverage.Count(c => c.BoundsOnly)} only in one-way bounds, {coverage.Count(c => c.Uncovered)} read by no rule (table rules); "
                + $"{cross} cross-report rule(s) compare it with other reports");
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

        // Every kind of rule the packages run on these formats (cross-report rules from rule files and in code alike).
        var rules = all.Rules.Where(r => list.Any(r.Schemas.Contains)).ToList();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rules by kind: {string.Join(", ", Enum.GetValues<RuleKind>().Select(k => $"{rules.Count(r => r.Kind == k)} {k.ToString().ToLowerInvariant()}"))} ({rules.Count} in all)"));
    }

    private static string Kind(RuleUseKind kind) => kind switch
    {
        RuleUseKind.Equality => "identity",
        RuleUseKind.Bound => "bound",
        _ => "other",
    };
}
