using GovStatsValidation.Checking;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules;

/// <summary>What kind of check a rule is, and so which package runs it.</summary>
public enum RuleKind
{
    /// <summary>A rule of a table rule set (<c>rules/*.rules.json</c>), run by the checker on the statistics tables.</summary>
    Table,

    /// <summary>A check of the input itself (metadata, cells that could not be read, corrections), run by the checker.</summary>
    Input,

    /// <summary>A narrative check (prose figures against the tables), run by GovStatsValidation.Readers.</summary>
    Narrative,

    /// <summary>A section-structure check (headings, numbering, missing sections), run by GovStatsValidation.Readers.</summary>
    Structure,

    /// <summary>A check across reports (previous year, counterpart reports), run by GovStatsValidation.CrossReport.</summary>
    Cross,
}

/// <summary>One rule as the catalogue lists it: every id a finding can carry has one.</summary>
/// <param name="Id">The rule id findings carry.</param>
/// <param name="Kind">The kind of check.</param>
/// <param name="Severity">The severity of its findings (some input and cross-report checks report a lower severity when nothing is wrong).</param>
/// <param name="Title">The title in Chinese and English.</param>
/// <param name="Source">Where the rule is defined: a rule file (<c>rules/…</c>) or the package that implements it.</param>
public sealed record RuleDescription(string Id, RuleKind Kind, Severity Severity, LocalizedText Title, string Source)
{
    /// <summary>
    /// The rule as its rule file writes it (table rules and cross-report rules: expression, formats, messages, relation), or
    /// <see langword="null"/> for a check implemented in code.
    /// </summary>
    public RuleDefinition? Definition { get; init; }

    /// <summary>The formats the rule applies to (the report checked): its definition's, or every format for a check in code.</summary>
    public IReadOnlyList<SchemaVersion> Schemas => Definition?.Schemas ?? SchemaVersions.All;
}

/// <summary>
/// Contributes rule descriptions to the <see cref="IRuleCatalog"/>. Each package registers one (through
/// <c>TryAddEnumerable</c>, so registering twice is harmless): the core for table and input rules, the readers for narrative
/// and structure checks, the cross-report package for cross-report rules.
/// </summary>
public interface IRuleDescriptionSource
{
    /// <summary>The rules this source contributes.</summary>
    /// <returns>The descriptions, in a stable order.</returns>
    IEnumerable<RuleDescription> Describe();
}

/// <summary>Every rule of every kind that the registered packages run: what <c>govstats rules</c>, <c>--disable</c> and <c>docs/rules.md</c> list.</summary>
public interface IRuleCatalog
{
    /// <summary>Every rule, grouped by kind (table, input, narrative, structure, cross) and in definition order within a kind; each id once.</summary>
    IReadOnlyList<RuleDescription> Rules { get; }

    /// <summary>The rule with this id, or <see langword="null"/>.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>The description or <see langword="null"/>.</returns>
    RuleDescription? Find(string id);
}

/// <summary>The catalogue over every registered <see cref="IRuleDescriptionSource"/>; the first description of an id wins.</summary>
internal sealed class RuleDescriptionCatalog : IRuleCatalog
{
    private readonly Lazy<(IReadOnlyList<RuleDescription> Rules, Dictionary<string, RuleDescription> ById)> _rules;

    public RuleDescriptionCatalog(IEnumerable<IRuleDescriptionSource> sources)
    {
        var list = sources.ToList();
        _rules = new(() =>
        {
            var byId = new Dictionary<string, RuleDescription>(StringComparer.Ordinal);
            var ordered = new List<RuleDescription>();
            foreach (var rule in list.SelectMany(s => s.Describe()).OrderBy(r => r.Kind))
            {
                if (byId.TryAdd(rule.Id, rule))
                {
                    ordered.Add(rule);
                }
            }

            return (ordered, byId);
        });
    }

    public IReadOnlyList<RuleDescription> Rules => _rules.Value.Rules;

    public RuleDescription? Find(string id) => _rules.Value.ById.GetValueOrDefault(id ?? throw new ArgumentNullException(nameof(id)));
}

/// <summary>The core's rules: the table rule sets in force and the input checks.</summary>
internal sealed class CoreRuleDescriptions(RuleCatalog catalog) : IRuleDescriptionSource
{
    private const string Package = "GovStatsValidation";

    /// <summary>The input checks of the core (model validation, unread tables, cells out of range, reviewer corrections).</summary>
    internal static IReadOnlyList<RuleDescription> Input { get; } =
    [
        new("input.agency", RuleKind.Input, Severity.Error, new("报告未注明机关名称", "The report names no agency"), Package),
        new("input.year", RuleKind.Input, Severity.Error, new("报告年度缺失或超出范围", "The report year is missing or out of range"), Package),
        new("input.schema-year", RuleKind.Input, Severity.Warning, new("报告格式与年度不符", "The report's format does not match its year"), Package),
        new("input.table.unread", RuleKind.Input, Severity.Warning, Messages.MessageCatalog.Text("input.table-unread.title"), Package),
        new("input.unknown-cell", RuleKind.Input, Severity.Error, TableRules.UnknownCellTitle, Package),
        new("input.unrepresentable", RuleKind.Input, Severity.Error, TableRules.UnrepresentableTitle, Package),
        new("input.precision", RuleKind.Input, Severity.Info, TableRules.PrecisionTitle, Package),
        new(CorrectionRules.CorrectedRule, RuleKind.Input, Severity.Info, CorrectionRules.CorrectedTitle, Package),
        new(CorrectionRules.NotAppliedRule, RuleKind.Input, Severity.Warning, CorrectionRules.NotAppliedTitle, Package),
    ];

    public IEnumerable<RuleDescription> Describe() =>
        catalog.Sets.SelectMany(set => set.Rules.Select(rule => new RuleDescription(rule.Id, RuleKind.Table, rule.Severity, rule.Title, rule.DefinedIn ?? set.Source) { Definition = rule }))
            .Concat(Input);
}
