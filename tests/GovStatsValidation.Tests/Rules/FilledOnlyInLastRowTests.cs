using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

/// <summary>
/// Issue 11, item 7: a column filled only in its last row (总计 given for (七)总计, rows (一)–(六) blank), a row filled only
/// in its 总计 column, and a review row filled only in its total are "not filled" (info), never a sum error of 0 against the total.
/// </summary>
[TestFixture]
public sealed class FilledOnlyInLastRowTests
{
    private static readonly string[] Columns = ["natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total"];

    /// <summary>The clean report of the format with every outcome row of the application table blank in every column,
    /// only the (七)总计 row left filled.</summary>
    private static AnnualReport OnlyTotalRowFilled(SchemaVersion schema)
    {
        var builder = ReportBuilder.Clean(schema);
        var table = SchemaCatalog.Get(schema).Tables.Single(t => t.Id == "applications");
        foreach (var cell in table.AllRows.Where(r => r.Id.StartsWith("result.", StringComparison.Ordinal) && r.Id != "result.total").SelectMany(r => r.Cells))
        {
            builder.Blank(cell.Id);
        }

        return builder.Build();
    }

    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Check_OutcomeRowsBlankTotalRowFilled_InfoPerColumnAndNoSumError(SchemaVersion schema)
    {
        var report = OnlyTotalRowFilled(schema);
        var v = schema.ToToken();

        var findings = RuleHarness.BuiltIn.Check(report).Findings.Where(f => !f.Passed).ToList();

        Assert.That(findings.Where(f => f.RuleId == $"{v}.applications.result-total"), Is.Empty, "no column-sum error of 0 against the total");
        var notFilled = findings.Where(f => f.RuleId == $"{v}.applications.result-parts-blank").ToList();
        var filledTotals = Columns.Where(c => report.Cells[new CellId($"result.total[{c}]")] is { State: CellState.Number, Number: > 0 }).ToList();
        Assert.That(filledTotals, Is.Not.Empty);
        Assert.That(notFilled.Select(f => f.Instance), Is.EquivalentTo(filledTotals.Select(c => $"col={c}")));
        Assert.That(notFilled.Select(f => f.Severity), Has.All.EqualTo(Severity.Info));
        Assert.That(notFilled[0].Message.Zh, Does.Contain("各办理结果均未填写"));
    }

    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Check_OneOutcomeFilledButTotalDisagrees_StillAColumnSumError(SchemaVersion schema)
    {
        // The guard only takes a column with no outcome filled at all: one printed outcome that does not add up stays an error.
        var builder = ReportBuilder.From(OnlyTotalRowFilled(schema));
        builder.Set("result.granted[total]", 1);
        var v = schema.ToToken();

        var findings = RuleHarness.BuiltIn.Check(builder.Build()).Findings.Where(f => !f.Passed).ToList();

        Assert.That(findings.Where(f => f.RuleId == $"{v}.applications.result-total" && f.Instance == "col=total").Select(f => f.Severity), Is.EqualTo(new[] { Severity.Error }));
        Assert.That(findings.Where(f => f.RuleId == $"{v}.applications.result-parts-blank" && f.Instance == "col=total"), Is.Empty);
    }
}
