namespace GovStatsValidation.CrossReport.Facts;

/// <summary>A labelled figure stated in a report's prose: 土地交易公告70件 → label 土地交易公告, 70, unit 件.</summary>
/// <param name="Label">The words that name the figure, normalised.</param>
/// <param name="Head">For a figure inside a list, the label of the list's first figure (交易结果公告 after 土地交易公告), else <see langword="null"/>.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">The unit printed after it.</param>
/// <param name="Period">The year the figure is about (a year named earlier in the sentence, else the report year).</param>
/// <param name="Line">The 1-based line in the text.</param>
/// <param name="Text">The figure as printed with its label, e.g. 土地交易公告70件.</param>
public sealed record StatedFact(string Label, string? Head, decimal Value, string Unit, int Period, int Line, string Text)
{
    /// <summary>The label of the figure that follows in the same list, if any (tells repeated labels apart).</summary>
    public string? Next { get; init; }

    /// <summary>The list (clauses up to ；or 。) the figure is in, counted from the start of the text.</summary>
    public int Segment { get; init; }

    /// <summary>The figure as shown in messages: label, number and unit.</summary>
    public string Display => $"{Label}{Model.CellValue.Format(Value)}{Unit}";
}
