using System.Diagnostics;
using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;
using GovStatsValidation.Synthetic;

namespace GovStatsValidation.Benchmarks;

/// <summary>
/// <c>-- profile SCHEMA</c>: where the time of one in-memory check goes, rule by rule: each rule's instances compiled
/// alone into a fused function and timed over the same generated reports. Not a benchmark; a quick profile.
/// </summary>
internal static class Profile
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Loop(CompiledRuleCount f, SyntheticReport[] reports, int rounds)
    {
        var sum = 0;
        for (var k = 0; k < rounds; k++)
        {
            foreach (var r in reports)
            {
                sum += f(r.Frame.Values, r.Frame.States, r.Year);
            }
        }

        return sum;
    }

    public static void Run(SchemaVersion schema, TextWriter output)
    {
        var set = RuleCatalog.BuiltIn.For(schema);
        var reports = new SyntheticGenerator(new SyntheticOptions { Seed = 1, Schemas = [schema] }).Generate(256).ToArray();
        double Time(CompiledRuleCount f)
        {
            Loop(f, reports, 50);
            var best = double.MaxValue;
            for (var round = 0; round < 5; round++)
            {
                var sw = Stopwatch.StartNew();
                Loop(f, reports, 200);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds * 1e6 / (200.0 * reports.Length));
            }

            return best;
        }

        output.WriteLine($"{schema.ToToken()}: whole set {Time(ExpressionCompiler.CompileRuleSet(set.Rules, set.Schema.Cells.Count, Severity.Info, false)):N1} ns/report, {set.Rules.Count} instances");
        foreach (var group in set.Rules.GroupBy(r => r.Definition.Id))
        {
            var rules = group.ToList();
            output.WriteLine($"  {group.Key,-50} {rules.Count,4} instances {Time(ExpressionCompiler.CompileRuleSet(rules, set.Schema.Cells.Count, Severity.Info, false)),8:N1} ns");
        }
    }
}
