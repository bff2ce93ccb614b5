using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary>Which other report a cross-report rule compares a report with.</summary>
public enum CrossRelation
{
    /// <summary>The same agency's report of the previous year; its cells are named with <c>prev.</c>.</summary>
    PreviousYear,

    /// <summary>The jurisdiction-wide report of the jurisdiction a department belongs to, same year; cells named with <c>parent.</c>.</summary>
    Parent,

    /// <summary>A jurisdiction-wide report against all its departments' reports of the same year: <c>sum(children.X)</c>, <c>max(children.X)</c>.</summary>
    Children,
}

/// <summary>
/// A rule over two or more reports, written in the rule language with references into the other reports
/// (<c>prev.requests.carry_forward[total]</c>, <c>parent.applications.received</c>, <c>sum(children.reviews.total)</c>)
/// and to concepts that every table format has (<c>applications.received</c>). Data, in <c>rules/cross/*.cross.json</c>.
/// </summary>
public sealed record CrossRuleDefinition
{
    /// <summary>Stable id, e.g. <c>cross.carry-over</c>; the finding code.</summary>
    public required string Id { get; init; }

    /// <summary>Which report the rule compares with.</summary>
    public required CrossRelation Relation { get; init; }

    /// <summary>Severity of a failure.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Short title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Message template: {actual}, {expected}, {difference}, {formula}, {col}, {colLabel}, {row}, {rowLabel}, {concept}, {conceptLabel}, {agency}, {year}, {other}.</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>The condition that must hold.</summary>
    public required string Expression { get; init; }

    /// <summary>A condition under which the rule applies, or <see langword="null"/>.</summary>
    public string? When { get; init; }

    /// <summary>An expression shown as the actual value when not the left side of the comparison.</summary>
    public string? Actual { get; init; }

    /// <summary>An expression shown as the expected value when not the right side of the comparison.</summary>
    public string? Expected { get; init; }

    /// <summary>Cells (possibly prefixed) that must hold reported numbers.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>Absolute tolerance of <c>==</c>. Default 0.</summary>
    public decimal Tolerance { get; init; }

    /// <summary>How non-numeric cells are read.</summary>
    public MissingPolicy Missing { get; init; } = MissingPolicy.Default;

    /// <summary>Placeholder expansions (<c>@columns:TABLE</c>, <c>@concepts:additive</c>, <c>@concepts:all</c>, or a list).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ForEach { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The formats of the report checked.</summary>
    public IReadOnlyList<SchemaVersion> Schemas { get; init; } = SchemaVersions.All;

    /// <summary>The formats of the other report(s) the rule is defined for.</summary>
    public IReadOnlyList<SchemaVersion> CounterpartSchemas { get; init; } = SchemaVersions.All;

    /// <summary>
    /// The printed variants of the report checked that the rule applies to (e.g. <c>two-column</c>); empty: every
    /// form. A report in another form is not checked by the rule, silently, as a report of another format.
    /// </summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Whether the rule applies to a report in the given printed variant (<see langword="null"/>: the national form).</summary>
    public bool AppliesToVariant(string? variant) => Variants.Count == 0 || (variant is not null && Variants.Contains(variant));

    /// <summary>Whether both reports must use the same format.</summary>
    public bool SamePairOnly { get; init; }

    /// <summary>Why the rule does not apply to a pair of formats outside <see cref="Schemas"/> × <see cref="CounterpartSchemas"/>.</summary>
    public LocalizedText? NotApplicable { get; init; }

    /// <summary>Where the rule was defined: file and line.</summary>
    public string? DefinedIn { get; init; }

    /// <summary>Whether the rule's formats admit a pair.</summary>
    public bool Covers(SchemaVersion self, SchemaVersion other) =>
        Schemas.Contains(self) && CounterpartSchemas.Contains(other) && (!SamePairOnly || self == other);
}

/// <summary>A file of cross-report rules.</summary>
/// <param name="Id">The set's id.</param>
/// <param name="Title">The set's title.</param>
/// <param name="Source">The file.</param>
/// <param name="Rules">The rules.</param>
public sealed record CrossRuleSet(string Id, LocalizedText Title, string Source, IReadOnlyList<CrossRuleDefinition> Rules);
