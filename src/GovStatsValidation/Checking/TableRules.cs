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

    internal static readonly LocalizedText UnknownCellTitle = new("未知单元格", "Unknown cell id");
    internal static readonly LocalizedText UnrepresentableTitle = new("数值超出可核对范围", "Number beyond what the rules can check exactly");
    internal static readonly LocalizedText PrecisionTitle = new("小数位数超出可核对精度", "More decimals than the rules hold");

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
                Message = new LocalizedText($"格式 {report.Schema.ToToken()} 中没有单元格 {unknown}，其值未被检查", $"schema {report.Schema.ToToken()} has no cell {unknown}; its value was not checked"),
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
                    Message = new LocalizedText(
                        $"单元格 {id} 的数值 {shown} 超过{Fixed.Decimals}位小数，规则无法精确核对；使用该单元格的核对已跳过（数值未被舍入）",
                        $"cell {id} holds {shown}, with more than {Fixed.Decimals} decimals, which the rules cannot hold exactly; checks that use it were skipped (the value was not rounded)"),
                    Line = value.Location?.Line,
                });
                continue;
            }

            findings.Add(new Finding
            {
                RuleId = "input.unrepresentable",
                Severity = Severity.Error,
                Title = UnrepresentableTitle,
                Message = new LocalizedText(
                    $"单元格 {id} 的数值 {shown} 超出 ±10^10，无法精确核对；相关核对已跳过（数值未被舍入）",
                    $"cell {id} holds {shown}, beyond ±10^10, which the rules cannot hold exactly; checks that use it were skipped (the value was not rounded)"),
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
