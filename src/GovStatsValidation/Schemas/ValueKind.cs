namespace GovStatsValidation.Schemas;

/// <summary>What kind of number a cell holds.</summary>
public enum ValueKind
{
    /// <summary>A non-negative whole count (件, 条, 次, 人 …).</summary>
    Count,

    /// <summary>A signed whole number, such as the 2019 format's 本年增/减 (+1036, -3).</summary>
    SignedCount,

    /// <summary>A non-negative decimal amount of money (万元 or 元).</summary>
    Amount,
}
