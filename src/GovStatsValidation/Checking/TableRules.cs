using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>The compiled table rules as a finding source.</summary>
internal sealed class TableRules(RuleCatalog catalog, GovStatsValidationOptions options) : IFindingSource
{
    /// <summary>Whether failing rules' findings are explained when first read (the default) rather than at check time.</summary>
    public bool Defer { get; init; } = true;

    internal static LocalizedText UnknownCellTitle => Messages.MessageCatalog.Words("input.unknown-cell.title");
    internal static LocalizedText UnrepresentableTitle => Messages.MessageCatalog.Words("input.unrepresentable.title");
    internal static LocalizedText PrecisionTitle => Messages.MessageCatalog.Words("input.precision.title");

    [ThreadStatic]
    private static Dictionary<ReportSchemaKey, ReportFrame>? _frames;

    public string Name => "table-rules";

    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        var frame = Frame(report);
        frame.Load(report);
        foreach (var unknown in frame.UnknownCells)
        {
            findings.Add(new Finding
            {
                RuleId = "input.unknown-cell",
                Severity = Severity.Error,
                Title = UnknownCellTitle,
                Message = Messages.MessageCatalog.Text("input.unknown-cell.message", ("schema", report.Schema.ToToken()), ("cell", unknown.Value)),
                Line = report.Cells[unknown].Location?.Line,
            });
        }

        foreach (var id in frame.UnrepresentableCells)
        {
            var value = report.Cells[id];
            var shown = value.Raw ?? value.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!Fixed.TooLarge(value.Number!.Value))
            {
                // More decimals than any report prints (万元 to the cent is six): a note on the reading, not a fault of the report.
                findings.Add(new Finding
                {
                    RuleId = "input.precision",
                    Severity = Severity.Info,
                    Title = PrecisionTitle,
                    Message = Messages.MessageCatalog.Text("input.precision.message", ("cell", id.Value), ("value", shown), ("decimals", Fixed.Decimals)),
                    Line = value.Location?.Line,
                });
                continue;
            }

            findings.Add(new Finding
            {
                RuleId = "input.unrepresentable",
                Severity = Severity.Error,
                Title = UnrepresentableTitle,
                Message = Messages.MessageCatalog.Text("input.unrepresentable.message", ("cell", id.Value), ("value", shown)),
                Line = value.Location?.Line,
            });
        }

        catalog.For(report.SchemaDefinition).Evaluate(frame, options.MinimumSeverity, findings, Defer);
        if (HasUnreadTable(report))
        {
            RemoveNotRead(report, findings);
        }

        if (frame.UnrepresentableCells.Count > 0)
        {
            RemoveUnrepresentable(frame, findings);
        }
    }

    // The two clean-ups below are methods of their own: their lambdas capture the report and the frame, and a closure
    // object is made when the method that holds it is entered, so inline they would cost every report an allocation.

    /// <summary>A cell the reader could not read (unreadable, no printed text) is reported once per table as input.table.unread.</summary>
    private static void RemoveNotRead(AnnualReport report, ICollection<Finding> findings)
    {
        foreach (var notRead in findings.Where(f => f.RuleId == "common.unreadable" && f.Cells.Count > 0
            && report.Cells[f.Cells[0].Id] is { State: CellState.Unreadable, Raw: null }).ToList())
        {
            findings.Remove(notRead);
        }
    }

    /// <summary>input.unrepresentable / input.precision say why such a cell took part as unreadable; "not a number" would be wrong.</summary>
    private static void RemoveUnrepresentable(ReportFrame frame, ICollection<Finding> findings)
    {
        foreach (var duplicate in findings.Where(f => f.RuleId == "common.unreadable" && f.Cells.Count > 0 && frame.UnrepresentableCells.Contains(f.Cells[0].Id)).ToList())
        {
            findings.Remove(duplicate);
        }
    }

    internal IEnumerable<RuleEvaluation> Explain(AnnualReport report)
    {
        var frame = new ReportFrame(report.SchemaDefinition);
        frame.Load(report);
        return catalog.For(report.SchemaDefinition).Explain(frame).ToList();
    }

    private static ReportFrame Frame(AnnualReport report)
    {
        _frames ??= [];
        var key = new ReportSchemaKey(report.Schema, report.Variant);
        if (!_frames.TryGetValue(key, out var frame))
        {
            frame = new ReportFrame(report.SchemaDefinition);
            _frames[key] = frame;
        }

        return frame;
    }

    private readonly record struct ReportSchemaKey(Schemas.SchemaVersion Version, string? Variant);

    private static bool HasUnreadTable(AnnualReport report)
    {
        for (var i = 0; i < report.Tables.Count; i++)
        {
            if (report.Tables[i].Unread is not null)
            {
                return true;
            }
        }

        return false;
    }
}
