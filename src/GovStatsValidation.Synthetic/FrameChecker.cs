using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>
/// Checks generated reports in memory on the engine's hot path: the compiled rule set of the report's format evaluated
/// over the report's frame, with no model objects in between. This is what the throughput figures measure.
/// </summary>
public sealed class FrameChecker
{
    private readonly CompiledRuleSet[] _sets;

    /// <summary>A checker over a rule catalog, reporting rules at or above <paramref name="minimum"/>.</summary>
    public FrameChecker(RuleCatalog catalog, Severity minimum = Severity.Info)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalog.CompileAll();
        _sets = SchemaVersions.All.Select(catalog.For).ToArray();
        Minimum = minimum;
    }

    /// <summary>The lowest severity counted.</summary>
    public Severity Minimum { get; }

    /// <summary>How many rule instances fail (the throughput path: no finding is built, nothing is allocated).</summary>
    public int CountFailures(SyntheticReport report) => _sets[(int)report.Schema].CountFailures(report.Frame, Minimum);

    /// <summary>The findings of a report, explained (built only for rules that fail or always report).</summary>
    public void Evaluate(SyntheticReport report, ICollection<Finding> findings) => _sets[(int)report.Schema].Evaluate(report.Frame, Minimum, findings);

    /// <summary>The ids of the rules that fail on a report, sorted and distinct.</summary>
    public IReadOnlyList<string> FailingRules(SyntheticReport report)
    {
        var findings = new List<Finding>();
        Evaluate(report, findings);
        return findings.Where(f => !f.Passed).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>CountFailures one instance at a time (the reference the fused function is tested against).</summary>
    internal int CountFailuresPerInstance(SyntheticReport report) => _sets[(int)report.Schema].CountFailuresPerInstance(report.Frame, Minimum);

    /// <summary>How many findings Evaluate builds, by the fused function and by walking the instances.</summary>
    internal (int Fused, int PerInstance) CountReported(SyntheticReport report)
    {
        var set = _sets[(int)report.Schema];
        var findings = new List<Finding>();
        set.EvaluatePerInstance(report.Frame, Minimum, findings);
        return (set.CountReported(report.Frame, Minimum), findings.Count);
    }

    /// <summary>How many compiled rule instances the format has (forEach expanded).</summary>
    public int InstanceCount(SchemaVersion version) => _sets[(int)version].Rules.Count;

    /// <summary>
    /// Whether the failing rules are what the injected errors predict: every injected error's rule among them, and none
    /// at all for a clean report. A check that finds less is wrong, however fast.
    /// </summary>
    public static bool Confirms(SyntheticReport report, IReadOnlyCollection<string> failingRules, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(failingRules);
        if (report.IsClean && failingRules.Count > 0)
        {
            problem = $"{report.Name}: clean report, but {string.Join(", ", failingRules)} failed";
            return false;
        }

        foreach (var error in report.Errors)
        {
            if (!failingRules.Contains(error.ExpectedRuleId))
            {
                problem = $"{report.Name}: injected {error.Kind} ({error.Description}) not found by {error.ExpectedRuleId}; failing: {string.Join(", ", failingRules)}";
                return false;
            }
        }

        problem = null;
        return true;
    }
}
