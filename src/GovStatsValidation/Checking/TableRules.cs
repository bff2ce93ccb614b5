using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Checking;

/// <summary>The compiled table rules as a finding source.</summary>
internal sealed class TableRules(RuleCatalog catalog, GovStatsValidationOptions options) : IFindingSource
{
    private static readonly LocalizedText UnknownCellTitle = new("未知单元格", "Unknown cell id");

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

        catalog.For(report.Schema).Evaluate(frame, options.MinimumSeverity, findings);
    }

    internal IEnumerable<RuleEvaluation> Explain(AnnualReport report)
    {
        var frame = new ReportFrame(report.SchemaDefinition);
        frame.Load(report);
        return catalog.For(report.Schema).Explain(frame).ToList();
    }

    private static ReportFrame Frame(AnnualReport report)
    {
        _frames ??= [];
        var key = new ReportSchemaKey(report.Schema);
        if (!_frames.TryGetValue(key, out var frame))
        {
            frame = new ReportFrame(report.SchemaDefinition);
            _frames[key] = frame;
        }

        return frame;
    }

    private readonly record struct ReportSchemaKey(Schemas.SchemaVersion Version);
}
