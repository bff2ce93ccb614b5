using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;
using GovStatsValidation.Validation;

namespace GovStatsValidation.Tests.Checking;

/// <summary>The shortcuts of the public <c>ReportChecker.Check</c> path give what the long way gives.</summary>
[TestFixture]
public sealed class PublicPathTests
{
    private static readonly decimal[] Values =
    [
        0m, 1m, -1m, 42m, 5.0m, 0.5m, 1234.5678m, 1234.56789m, 999_999_999_999m, 1_000_000_000_000m, 1_000_000_000_001m,
        -1_000_000_000_001m, 10_000_000_000m, 10_000_000_001m, 123.456789m, 4_294_967_296m, 18_446_744_073_709_551_616m, decimal.MaxValue, decimal.MinValue,
    ];

    [TestCaseSource(nameof(Values))]
    public void TryScale_AnyDecimal_SameAsFixedTryFromDecimal(decimal value)
    {
        var expected = Fixed.TryFromDecimal(value, out var expectedScaled);
        var actual = ReportFrame.TryScale(value, out var actualScaled);
        Assert.That((actual, actual ? actualScaled : 0), Is.EqualTo((expected, expected ? expectedScaled : 0)));
    }

    private static IEnumerable<AnnualReport> Metadata()
    {
        foreach (var name in new[] { "示例县人民政府", "", " ", null })
        {
            foreach (var year in new[] { 0, 2007, 2008, 2016, 2019, 2021, 2100, 2101, -5 })
            {
                foreach (var schema in SchemaVersions.All)
                {
                    yield return new AnnualReport { Agency = name is null ? null! : new Agency(name), Year = year, Schema = schema };
                }
            }
        }
    }

    [Test]
    public void InputRulesHolds_EveryMetadataCombination_AgreesWithTheValidator()
    {
        var validator = new AnnualReportInputValidator();
        var disagreements = Metadata()
            .Where(r => InputRules.Holds(r) != validator.Validate(r).IsValid)
            .Select(r => $"{r.Agency?.Name ?? "(null)"} {r.Year} {r.Schema}")
            .ToList();
        Assert.That(disagreements, Is.Empty);
    }

    [Test]
    public void ReportCells_SetInAnyOrder_EnumeratedInIdOrderAfterEveryChange()
    {
        var cells = new ReportCells { { new CellId("b"), 2m }, { new CellId("a"), 1m } };
        Assert.That(cells.Select(c => c.Key.Value), Is.EqualTo(new[] { "a", "b" }));
        cells[new CellId("Z")] = 3m;
        cells.Remove(new CellId("a"));
        Assert.That(cells.Select(c => c.Key.Value), Is.EqualTo(new[] { "Z", "b" }));
    }

    public static IEnumerable<SchemaVersion> Formats => SchemaVersions.All;

    [TestCaseSource(nameof(Formats))]
    public void FrameLoad_SecondLoadOfUnchangedCells_SameFrameAsAFreshLoad(SchemaVersion schema)
    {
        var report = TestUtils.ReportBuilder.Clean(schema).Build();
        report.Cells[new CellId("no.such.cell")] = CellValue.Of(7m);
        report.Cells[report.SchemaDefinition.Cells[0].Id] = CellValue.Of(20_000_000_000m);
        var first = new ReportFrame(report.SchemaDefinition);
        first.Load(report);
        var again = new ReportFrame(report.SchemaDefinition);
        again.Load(report); // from the cells' kept frame

        var fresh = new ReportFrame(report.SchemaDefinition);
        fresh.Load(TestUtils.ReportBuilder.From(report).Build()); // a copy of the cells: nothing kept yet

        Assert.That(report.Cells.FrameCache, Is.Not.Null, "the first load keeps the frame with the cells");
        Assert.That(again.Values, Is.EqualTo(fresh.Values));
        Assert.That(again.States, Is.EqualTo(fresh.States));
        Assert.That(again.UnknownCells, Is.EqualTo(fresh.UnknownCells).And.Not.Empty);
        Assert.That(again.UnrepresentableCells, Is.EqualTo(fresh.UnrepresentableCells).And.Not.Empty);
    }

    [TestCaseSource(nameof(Formats))]
    public void Check_CellEditedAfterACheck_NextCheckSeesTheEditAndTheEarlierFindingsStay(SchemaVersion schema)
    {
        var report = TestUtils.ReportBuilder.Clean(schema).Build();
        var checker = new ReportChecker(new GovStatsValidationOptions { MinimumSeverity = GovStatsValidation.Rules.Severity.Warning });
        Assert.That(checker.Check(report).Findings, Is.Empty);
        Assert.That(checker.Check(report).Findings, Is.Empty, "checked again from the kept frame");

        // Each kind of edit: set, remove, add.
        var target = report.SchemaDefinition.Cells.First(c => report.Cells[c.Id].State == CellState.Number).Id;
        report.Cells[target] = CellValue.Of(-1m);
        var afterSet = checker.Check(report);
        Assert.That(afterSet.Findings.Select(f => f.RuleId), Does.Contain("common.count.non-negative"));

        report.Cells.Remove(target);
        var afterRemove = checker.Check(report);
        Assert.That(afterRemove.Findings.Select(f => f.RuleId), Does.Not.Contain("common.count.non-negative"));

        report.Cells.Add(new CellId("no.such.cell"), CellValue.Of(1m));
        Assert.That(checker.Check(report).Findings.Select(f => f.RuleId), Does.Contain("input.unknown-cell"));

        // What was returned before the edits describes the report as it was then.
        var negative = afterSet.Findings.First(f => f.RuleId == "common.count.non-negative");
        Assert.That(negative.Cells.Single(c => c.Id == target).Value, Is.EqualTo(-1m));
    }
}
