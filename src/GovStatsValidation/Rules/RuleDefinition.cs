using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules;

/// <summary>How serious a finding is.</summary>
public enum Severity
{
    /// <summary>Shown for the record (a comparison auditors ask for, a plausible but unusual figure).</summary>
    Info = 0,

    /// <summary>Very likely wrong or missing; a person must look.</summary>
    Warning = 1,

    /// <summary>The table's own figures cannot all be true, or a part the format requires is missing.</summary>
    Error = 2,
}

/// <summary>How a cell that is not a number is read by a rule.</summary>
public enum MissingTreatment
{
    /// <summary>The cell counts as missing: a rule that uses its value is not applicable (no finding).</summary>
    Missing,

    /// <summary>The cell counts as zero.</summary>
    Zero,
}

/// <summary>
/// How blank, absent, placeholder and unreadable cells are read by a rule (after VTL's hierarchy modes). The default
/// reads blank and placeholder cells as zero (they are common for zero in real tables) and absent or unreadable
/// cells as missing; a rule lists in <see cref="RuleDefinition.Requires"/> the cells that must be reported numbers
/// (a blank total is "not reported", not zero).
/// </summary>
/// <param name="Blank">Treatment of printed empty cells. Default <see cref="MissingTreatment.Zero"/>.</param>
/// <param name="Absent">Treatment of cells not printed at all. Default <see cref="MissingTreatment.Missing"/>.</param>
/// <param name="Placeholder">Treatment of ——, /, 无. Default <see cref="MissingTreatment.Zero"/>.</param>
/// <param name="Unreadable">Treatment of non-numeric text. Default <see cref="MissingTreatment.Missing"/>.</param>
public sealed record MissingPolicy(
    MissingTreatment Blank = MissingTreatment.Zero,
    MissingTreatment Absent = MissingTreatment.Missing,
    MissingTreatment Placeholder = MissingTreatment.Zero,
    MissingTreatment Unreadable = MissingTreatment.Missing)
{
    /// <summary>The default policy.</summary>
    public static MissingPolicy Default { get; } = new();

    /// <summary>The treatment of a cell state.</summary>
    public MissingTreatment For(CellState state) => state switch
    {
        CellState.Number => MissingTreatment.Zero,
        CellState.Blank => Blank,
        CellState.Absent => Absent,
        CellState.Placeholder => Placeholder,
        _ => Unreadable,
    };
}

/// <summary>When a rule produces a finding.</summary>
public enum EmitMode
{
    /// <summary>Only when the condition fails.</summary>
    OnFailure,

    /// <summary>Always when applicable: the comparison is shown even when it holds (as an info finding when it holds).</summary>
    Always,
}

/// <summary>Which other report a cross-report rule compares the report checked with.</summary>
public enum RuleRelation
{
    /// <summary>The same agency's report of the previous year; its cells are named with <c>prev.</c>.</summary>
    PreviousYear,

    /// <summary>The jurisdiction-wide report of the jurisdiction a department belongs to, same year; cells named with <c>parent.</c>.</summary>
    Parent,

    /// <summary>A jurisdiction-wide report against all its departments' reports of the same year: <c>sum(children.X)</c>, <c>max(children.X)</c>.</summary>
    Children,
}

/// <summary>
/// One rule as written in a rule file: an expression that must hold, with its severity, messages and missing-value
/// policy. A table rule (<c>rules/*.rules.json</c>, no <see cref="Relation"/>) reads the cells of one report and is
/// compiled once per schema by the checker; a cross-report rule (<c>rules/cross/*.cross.json</c>) has a
/// <see cref="Relation"/> and reads the other report's cells too (<c>prev.</c>, <c>parent.</c>, <c>children.</c>), run by
/// GovStatsValidation.CrossReport. Both are read by <see cref="RuleSetLoader"/>.
/// </summary>
public sealed record RuleDefinition
{
    /// <summary>Stable id, e.g. <c>pre2019.requests.received.parts</c>; the finding code.</summary>
    public required string Id { get; init; }

    /// <summary>Severity of a failure.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Short title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Message template with named placeholders: {actual}, {expected}, {difference}, {formula}, {col}, {colLabel}, {row}, {rowLabel}, {cell}, {cellLabel}.</summary>
    public required LocalizedText Message { get; init; }

    /// <summary>The condition that must hold, e.g. <c>requests.received == sum(children(requests.received))</c>.</summary>
    public required string Expression { get; init; }

    /// <summary>A condition under which the rule applies at all (e.g. <c>year &gt;= 2015</c>), or <see langword="null"/>.</summary>
    public string? When { get; init; }

    /// <summary>An expression shown as the "actual" value, when not the left side of the top-level comparison.</summary>
    public string? Actual { get; init; }

    /// <summary>An expression shown as the "expected" value, when not the right side of the top-level comparison.</summary>
    public string? Expected { get; init; }

    /// <summary>Cells that must hold reported numbers for the rule to apply (e.g. a total: blank means not reported).</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>Absolute tolerance of <c>==</c> and <c>!=</c> comparisons. Default 0 (exact).</summary>
    public decimal Tolerance { get; init; }

    /// <summary>How non-numeric cells are read.</summary>
    public MissingPolicy Missing { get; init; } = MissingPolicy.Default;

    /// <summary>Placeholder expansions: the rule is instantiated once per value, e.g. <c>col</c> over the applicant columns; <c>$col</c> in the texts is replaced.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ForEach { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>When a finding is produced.</summary>
    public EmitMode Emit { get; init; } = EmitMode.OnFailure;

    /// <summary>The severity of the finding an <see cref="EmitMode.Always"/> rule gives when the condition holds. Default <see cref="Severity.Info"/>.</summary>
    public Severity PassSeverity { get; init; } = Severity.Info;

    /// <summary>Which cell a failure most likely lies in, when the rule knows better than the generic analysis (e.g. a total).</summary>
    public string? Suspect { get; init; }

    /// <summary>The schemas the rule applies to.</summary>
    public IReadOnlyList<SchemaVersion> Schemas { get; init; } = [];

    /// <summary>Where the rule was defined: file and line.</summary>
    public string? DefinedIn { get; init; }

    /// <summary>Whether the rule is switched off (by options or an override file).</summary>
    public bool Disabled { get; init; }

    /// <summary>
    /// Which other report the rule compares with: <see langword="null"/> for a table rule (one report), else a
    /// cross-report rule whose expression names the other report's cells with <c>prev.</c>, <c>parent.</c> or <c>children.</c>.
    /// </summary>
    public RuleRelation? Relation { get; init; }

    /// <summary>The formats of the other report(s) a cross-report rule is defined for. Default: every format.</summary>
    public IReadOnlyList<SchemaVersion> CounterpartSchemas { get; init; } = SchemaVersions.All;

    /// <summary>Whether a cross-report rule needs both reports in the same format.</summary>
    public bool SamePairOnly { get; init; }

    /// <summary>
    /// The printed variants of the report checked that a cross-report rule applies to (e.g. <c>two-column</c>); empty: every
    /// form. A report in another form is not checked by the rule, silently, as a report of another format.
    /// </summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Why a cross-report rule does not apply to a pair of formats outside <see cref="Schemas"/> × <see cref="CounterpartSchemas"/>, or <see langword="null"/>.</summary>
    public LocalizedText? NotApplicable { get; init; }

    /// <summary>Whether the rule applies to a report in the given printed variant (<see langword="null"/>: the national form).</summary>
    /// <param name="variant">The variant id of the report, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when <see cref="Variants"/> is empty or lists it.</returns>
    public bool AppliesToVariant(string? variant) => Variants.Count == 0 || (variant is not null && Variants.Contains(variant));

    /// <summary>Whether the rule's formats admit a pair: the report checked in <paramref name="self"/>, the other in <paramref name="other"/>.</summary>
    /// <param name="self">The format of the report checked.</param>
    /// <param name="other">The format of the other report.</param>
    /// <returns>Whether the pair is within <see cref="Schemas"/> × <see cref="CounterpartSchemas"/> (and the same format when <see cref="SamePairOnly"/>).</returns>
    public bool Covers(SchemaVersion self, SchemaVersion other) =>
        Schemas.Contains(self) && CounterpartSchemas.Contains(other) && (!SamePairOnly || self == other);

    /// <summary>Line and column of the first character of each expression text in the rule file, for error messages.</summary>
    internal IReadOnlyDictionary<string, (int Line, int Column)> TextLocations { get; init; } = new Dictionary<string, (int, int)>();
}

/// <summary>A named group of rules loaded from one file.</summary>
/// <param name="Id">The set's id, e.g. <c>pre2019.table</c>.</param>
/// <param name="Title">The set's title.</param>
/// <param name="Source">The file it came from (an embedded name such as <c>rules/pre2019.rules.json</c>, or a path).</param>
/// <param name="Rules">The rules.</param>
public sealed record RuleSet(string Id, LocalizedText Title, string Source, IReadOnlyList<RuleDefinition> Rules);
