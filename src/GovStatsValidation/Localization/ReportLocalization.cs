using GovStatsValidation.Schemas;

namespace GovStatsValidation.Localization;

/// <summary>How sure a localization is.</summary>
public enum LocalizationConfidence
{
    /// <summary>Two or more corrections are equally supported: the result names all of them ("one of A or B").</summary>
    Ambiguous,

    /// <summary>The best correction is ahead of the next, but not by much.</summary>
    Low,

    /// <summary>The best correction is clearly ahead of the next.</summary>
    Medium,

    /// <summary>The correction is the only one of its size, or far ahead of the next.</summary>
    High,
}

/// <summary>The part a cell plays in the identities that read it.</summary>
public enum CellRole
{
    /// <summary>A part that adds up into totals and is a total of nothing.</summary>
    Leaf,

    /// <summary>A total of parts that is itself a part of another total.</summary>
    Subtotal,

    /// <summary>A total of parts that is part of nothing.</summary>
    Total,

    /// <summary>A term of an identity that is neither a part nor a total (e.g. the flow 新收 + 结转 = 办结 + 结转下年度).</summary>
    Term,
}

/// <summary>One piece of evidence about a cell, with the weight it adds (positive: less likely wrong, negative: more likely).</summary>
/// <param name="Kind">A stable code: <c>digit-changed</c>, <c>digits-swapped</c>, <c>digit-dropped</c>, <c>digit-added</c>, <c>neighbour-copied</c>,
/// <c>part-as-total</c>, <c>no-typing-shape</c>, <c>narrative-confirms</c>, <c>narrative-supports-correction</c>, <c>previous-year-confirms</c>,
/// <c>previous-year-supports-correction</c>, <c>identities</c>.</param>
/// <param name="Text">The evidence in words.</param>
/// <param name="Weight">Its weight in natural-log units of likelihood.</param>
public sealed record LocalizationEvidence(string Kind, LocalizedText Text, double Weight);

/// <summary>A cell the localization changes: its value now and the value that makes every rule hold.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Label">Its label.</param>
/// <param name="Role">Its part in the identities.</param>
/// <param name="Current">The value as printed.</param>
/// <param name="Proposed">The value the identities imply.</param>
/// <param name="Evidence">Why this cell, each reason with its weight.</param>
/// <param name="Weight">The cell's total weight: the lower, the more likely wrong.</param>
public sealed record CellCorrection(CellId Cell, string Label, CellRole Role, decimal Current, decimal Proposed, IReadOnlyList<LocalizationEvidence> Evidence, double Weight);

/// <summary>
/// One error located: the smallest set of cells whose change makes every failing rule of its group hold without breaking
/// a rule that holds (Fellegi–Holt), ranked by evidence; with the equally good alternatives when there is a tie.
/// </summary>
public sealed record LocatedError
{
    /// <summary>The best set of cells to change, with their corrections.</summary>
    public required IReadOnlyList<CellCorrection> Cells { get; init; }

    /// <summary>Other sets that are exactly as well supported (a tie); empty when the best set is ahead.</summary>
    public IReadOnlyList<IReadOnlyList<CellCorrection>> TiedWith { get; init; } = [];

    /// <summary>The next best set when it is not tied, for the record.</summary>
    public IReadOnlyList<CellCorrection>? RunnerUp { get; init; }

    /// <summary>How sure the result is.</summary>
    public required LocalizationConfidence Confidence { get; init; }

    /// <summary>Why that confidence, in words.</summary>
    public required LocalizedText Why { get; init; }

    /// <summary>The failing rules this error explains, as <c>rule-id</c> or <c>rule-id [instance]</c>.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>How many candidate sets were feasible at the smallest size.</summary>
    public int Candidates { get; init; }

    /// <summary>Whether this is a tie ("one of A or B").</summary>
    public bool IsAmbiguous => TiedWith.Count > 0;
}

/// <summary>
/// The localization of one report: for each group of failing rules that share cells, which cell is most likely wrong and
/// what it should be. Rules that failed but could not be localized (not linear, or more than three cells would have to
/// change) are listed in <see cref="Unresolved"/>.
/// </summary>
public sealed record ReportLocalization
{
    /// <summary>The located errors, in the order of their first cell in the schema.</summary>
    public required IReadOnlyList<LocatedError> Errors { get; init; }

    /// <summary>Failing rules no correction of up to three cells explains (as <c>rule-id [instance]</c>).</summary>
    public IReadOnlyList<string> Unresolved { get; init; } = [];

    /// <summary>Every corrected cell of the best sets, in order.</summary>
    public IEnumerable<CellCorrection> Cells => Errors.SelectMany(e => e.Cells);
}
