using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Reporting;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Cli;

/// <summary>What the HTML jurisdiction view shows of the cross-report concepts (the checks themselves run in the library pipeline).</summary>
internal static class CrossReports
{
    /// <summary>The built-in concept map's figures, as rows of the jurisdiction view.</summary>
    public static IReadOnlyList<ViewConcept> ViewConcepts => LazyConcepts.Value;

    private static readonly Lazy<IReadOnlyList<ViewConcept>> LazyConcepts = new(() => Concepts(ConceptMap.BuiltIn));

    /// <summary>
    /// The concepts of a concept map as rows of the jurisdiction view: per format, the cells whose sum the concept is. A
    /// format whose expression is more than a sum of cells is left out (the view shows no figure there rather than a wrong one).
    /// </summary>
    /// <remarks>
    /// The concept map has no concept for applications handled (办结 / 办理结果总计); the view adds it from the core cells
    /// (<see cref="Handled"/>). Rows follow the flow of applications, then reviews, lawsuits and documents, then the rest by id.
    /// </remarks>
    internal static IReadOnlyList<ViewConcept> Concepts(ConceptMap map)
    {
        var concepts = map.Concepts
            .Select(c => new ViewConcept(c.Id, c.Title, c.Expressions
                .Select(kv => (Version: kv.Key, Cells: SumOfCells(kv.Value)))
                .Where(x => x.Cells is not null)
                .ToDictionary(x => x.Version, x => x.Cells!)))
            .Where(c => c.Cells.Count > 0)
            .ToList();
        if (!concepts.Any(c => c.Id == Handled.Id))
        {
            concepts.Add(Handled);
        }

        return concepts
            .OrderBy(c => Array.IndexOf(RowOrder, c.Id) is var i and >= 0 ? i : RowOrder.Length)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static readonly string[] RowOrder =
        ["applications.received", "applications.carried_over", "applications.handled", "applications.carried_forward", "reviews.total", "lawsuits.total", "normative_docs.issued"];

    /// <summary>Applications handled in the year: 申请办结数 in the pre-2019 统计表, 办理结果 总计 in the 2019 and 2021 formats.</summary>
    internal static ViewConcept Handled { get; } = new(
        "applications.handled",
        Messages.MessageCatalog.Text("cross.view.applications-handled"),
        new Dictionary<SchemaVersion, IReadOnlyList<CellId>>
        {
            [SchemaVersion.Pre2019] = [new CellId("requests.completed")],
            [SchemaVersion.Format2019] = [new CellId("result.total[total]")],
            [SchemaVersion.Format2021] = [new CellId("result.total[total]")],
        });

    private static IReadOnlyList<CellId>? SumOfCells(string expression)
    {
        var terms = expression.Split('+', StringSplitOptions.TrimEntries);
        return terms.All(t => t.Length > 0 && t.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '[' or ']') && char.IsAsciiLetter(t[0]))
            ? terms.Select(t => new CellId(t)).ToList()
            : null;
    }
}
