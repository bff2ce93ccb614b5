namespace GovStatsValidation.Synthetic;

/// <summary>The kinds of error the generator injects, each the kind of slip seen in real reports.</summary>
public enum InjectedErrorKind
{
    /// <summary>A part of a total mistyped by one keystroke (a digit changed, two neighbours swapped): the parts no longer add up.</summary>
    PartTypo,

    /// <summary>A total left blank while its parts are not all zero.</summary>
    TotalLeftBlank,

    /// <summary>The applications carried into next year off by one, in a column and the 总计 column: the flow no longer balances.</summary>
    CarryForwardOffByOne,

    /// <summary>An "其中" figure larger than the figure it is part of.</summary>
    OfWhichExceedsTotal,

    /// <summary>One publication channel larger than all items published.</summary>
    ChannelExceedsTotal,

    /// <summary>A count entered as a negative number.</summary>
    NegativeCount,

    /// <summary>A count entered with a fraction (12.5 applications).</summary>
    FractionalCount,

    /// <summary>A cell holding text that is not a number (a mangled number such as <c>1,23</c>).</summary>
    UnreadableText,

    /// <summary>A zero printed as a placeholder (——); reported for the record, read as zero.</summary>
    Placeholder,

    /// <summary>More documents issued this year than are in force or repealed (2021 format).</summary>
    IssuedAboveStock,

    /// <summary>A stock of items that goes below zero after this year's change (2019 format).</summary>
    StockBelowZero,
}

/// <summary>One error put into a generated report on purpose, and the rule that must find it.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="CellId">The cell changed.</param>
/// <param name="ExpectedRuleId">The rule that must fail because of it (other rules may fail as a consequence).</param>
/// <param name="Description">What was changed, with the values before and after.</param>
public sealed record InjectedError(InjectedErrorKind Kind, string CellId, string ExpectedRuleId, string Description);
