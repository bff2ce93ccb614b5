using System.Collections.Concurrent;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>
/// The table rule sets in force (built-in plus user folders, merged) and their compiled form per schema. Compilation happens
/// once per schema, on first use or at <see cref="CompileAll"/>; every problem is thrown at once. Cross-report rules (rules
/// with a <see cref="RuleDefinition.Relation"/>, read by the same <see cref="RuleSetLoader"/>) are not part of it: the
/// cross-report checker runs them.
/// </summary>
public sealed class RuleCatalog
{
    private readonly ConcurrentDictionary<(SchemaVersion, string?), Lazy<CompiledRuleSet>> _compiled = new();
    private readonly IReadOnlyDictionary<string, Severity> _severityOverrides;
    private readonly HashSet<string> _disabled;

    /// <summary>Builds the catalog from options.</summary>
    /// <exception cref="RuleLoadException">A rule file is broken; every problem is listed.</exception>
    public RuleCatalog(GovStatsValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<RuleSet> sets = options.UseBuiltInRules ? RuleSetLoader.LoadEmbedded() : [];
        foreach (var folder in options.RuleFolders)
        {
            sets = RuleSetLoader.Merge(sets, RuleSetLoader.LoadFolder(folder));
        }

        sets = RuleSetLoader.Merge(sets, options.RuleSets);
        // Sets of table rules only; a set with no rules at all stays (it replaces a built-in set of its id).
        Sets = sets.Where(s => s.Rules.Count == 0 || s.Rules.Any(r => r.Relation is null))
            .Select(s => s.Rules.All(r => r.Relation is null) ? s : s with { Rules = s.Rules.Where(r => r.Relation is null).ToList() })
            .ToList();
        _severityOverrides = new Dictionary<string, Severity>(options.SeverityOverrides, StringComparer.Ordinal);
        _disabled = new HashSet<string>(options.DisabledRules, StringComparer.Ordinal);
    }

    /// <summary>A catalog of the built-in rules only.</summary>
    public static RuleCatalog BuiltIn { get; } = new(new GovStatsValidationOptions());

    /// <summary>The merged table rule sets.</summary>
    public IReadOnlyList<RuleSet> Sets { get; }

    /// <summary>All table rules of all sets.</summary>
    public IEnumerable<RuleDefinition> Rules => Sets.SelectMany(s => s.Rules);

    /// <summary>Compiles the rules of every schema now, so that broken rules fail at start-up rather than at first use.</summary>
    /// <exception cref="RuleLoadException">A rule does not compile; every problem is listed.</exception>
    public void CompileAll()
    {
        var problems = new List<DataFileProblem>();
        foreach (var version in SchemaVersions.All)
        {
            try
            {
                For(version);
                foreach (var variant in SchemaCatalog.Get(version).Variants)
                {
                    For(variant);
                }
            }
            catch (RuleLoadException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        RuleSetLoader.ThrowIfAny(problems);
    }

    /// <summary>How many compiled rule instances a schema has (forEach expanded).</summary>
    public int InstanceCount(SchemaVersion version) => For(version).Rules.Count;

    /// <summary>Per cell of a format, which rule instances read it and how (identity, one-way bound, other, a test of the cell alone).</summary>
    /// <exception cref="RuleLoadException">A rule does not compile.</exception>
    public IReadOnlyList<Localization.CellCoverage> Coverage(SchemaVersion version) => Localization.RuleCoverage.For(For(version));

    /// <summary>Per cell of a format or one of its variants, which rule instances read it and how.</summary>
    /// <exception cref="RuleLoadException">A rule does not compile.</exception>
    public IReadOnlyList<Localization.CellCoverage> Coverage(ReportSchema schema) => Localization.RuleCoverage.For(For(schema ?? throw new ArgumentNullException(nameof(schema))));

    internal CompiledRuleSet For(SchemaVersion version) => For(SchemaCatalog.Get(version));

    /// <summary>The compiled rules of a format or of one of its variants.</summary>
    internal CompiledRuleSet For(ReportSchema schema) =>
        _compiled.TryGetValue((schema.Version, schema.Variant?.Id), out var compiled) ? compiled.Value : Add(schema);

    /// <summary>Compiles on first use (apart from <see cref="For(ReportSchema)"/>, whose hit path must not allocate the closure).</summary>
    private CompiledRuleSet Add(ReportSchema schema) =>
        _compiled.GetOrAdd((schema.Version, schema.Variant?.Id), _ => new Lazy<CompiledRuleSet>(() => Compile(schema))).Value;

    private CompiledRuleSet Compile(ReportSchema schema)
    {
        var problems = new List<DataFileProblem>();
        var rules = RuleCompiler.Compile(Sets, schema, _severityOverrides, _disabled, problems);
        RuleSetLoader.ThrowIfAny(problems);
        return new CompiledRuleSet(schema, rules);
    }
}
