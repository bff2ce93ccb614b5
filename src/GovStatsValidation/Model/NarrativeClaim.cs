using GovStatsValidation.Schemas;

namespace GovStatsValidation.Model;

/// <summary>What kind of statement a narrative figure is.</summary>
public enum ClaimKind
{
    /// <summary>A figure about a table item: 主动公开政府信息793条.</summary>
    Figure,

    /// <summary>An enumeration 共N…，其中A x条、B y条: <see cref="NarrativeClaim.Parts"/> should add up to the value.</summary>
    Enumeration,

    /// <summary>A number missing before its unit: 共计  条.</summary>
    BlankFigure,

    /// <summary>A percentage with numerator and denominator stated.</summary>
    Percentage,

    /// <summary>A change against a stated earlier figure: 比2016年(435件)减少了48%.</summary>
    Change,

    /// <summary>A statement that everything of a kind is done or absent (未收到任何形式的申请, 均已办结).</summary>
    Statement,
}

/// <summary>A figure stated in the report's prose, with where it was said.</summary>
public sealed record NarrativeClaim
{
    /// <summary>The kind of statement.</summary>
    public required ClaimKind Kind { get; init; }

    /// <summary>The lexicon concept the words name, e.g. <c>active.total</c>, <c>requests.received</c>, <c>penalty.decisions</c>.</summary>
    public string? Concept { get; init; }

    /// <summary>The table cell the concept maps to in this report's schema, when it maps to one.</summary>
    public CellId? Cell { get; init; }

    /// <summary>The stated number (the percentage in percent for <see cref="ClaimKind.Percentage"/> and <see cref="ClaimKind.Change"/>).</summary>
    public decimal? Value { get; init; }

    /// <summary>The unit printed after the number (条, 件, %…).</summary>
    public string? Unit { get; init; }

    /// <summary>The words that carry the claim, e.g. 主动公开政府信息793条.</summary>
    public required string Text { get; init; }

    /// <summary>Where the claim starts in the original text.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>For enumerations, the parts; for percentages and changes, the numerator/denominator or earlier/later figures.</summary>
    public IReadOnlyList<NarrativeClaim> Parts { get; init; } = [];

    /// <summary>A hedge word that widens or bounds the figure (约, 近, 超过, 余), if any.</summary>
    public string? Hedge { get; init; }

    /// <summary>A year the figure refers to when it is not the report year (比2016年…).</summary>
    public int? ReferenceYear { get; init; }

    /// <summary>The place value of the last printed digit (1 for 793条, 0.1 for 99.6%, 10000 for 536万), when a number was printed.</summary>
    public decimal? Precision { get; init; }

    /// <summary>The whole sentence the claim was read from (quoted in findings).</summary>
    public string? Sentence { get; init; }
}
