using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;
using GovStatsValidation.Validation;
using NUnit.Framework;

namespace GovStatsValidation.Tests.Checking;

/// <summary>The shortcuts of the public <see cref="ReportChecker.Check"/> path give what the long way gives.</summary>
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
}
