using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Schemas;
using GovStatsValidation.Synthetic;
using NUnit.Framework;

namespace GovStatsValidation.FluentBaseline.Tests;

public sealed class BaselineCheckerTests
{
    private static readonly ReportChecker Checker = new();
    private static readonly BaselineChecker Baseline = new();

    private static string ExamplesFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "data", "examples");

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void FailingRules_GeneratedReportsHalfWithErrors_SameRulesAsTheBuiltInRuleSet(SchemaVersion schema)
    {
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 31, ErrorRate = 0.5, Schemas = [schema] });
        var differences = new List<string>();
        var failing = 0;
        foreach (var report in generator.Generate(1200))
        {
            var model = report.ToAnnualReport();
            var ours = Checker.Check(model).Findings.Where(f => !f.Passed).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
            var theirs = Baseline.FailingRules(model);
            failing += ours.Count > 0 ? 1 : 0;
            if (!ours.SequenceEqual(theirs))
            {
                differences.Add($"{report.Name}: built-in [{string.Join(", ", ours)}], baseline [{string.Join(", ", theirs)}]");
            }
        }

        Assert.That(differences, Is.Empty);
        Assert.That(failing, Is.GreaterThan(400), "about half the reports carry an error");
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void FailingRules_FuzzedReports_SameRulesAsTheBuiltInRuleSet(SchemaVersion schema)
    {
        // Cells overwritten at random with negatives, fractions, blanks, placeholders, unreadable text or removed:
        // frames no generator draws, checked by two independent implementations.
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 32, ErrorRate = 0, Schemas = [schema] });
        var random = new Random(32);
        var cells = SchemaCatalog.Get(schema).Cells;
        Model.CellValue[] variants = [-3m, 2.5m, 0m, 7m, 123456m, -0.5m, Model.CellValue.Blank, Model.CellValue.Parse("——"), Model.CellValue.Parse("1,23")];
        var differences = new List<string>();
        foreach (var report in generator.Generate(1500))
        {
            var model = report.ToAnnualReport();
            for (var k = random.Next(1, 5); k > 0; k--)
            {
                var id = cells[random.Next(cells.Count)].Id;
                if (random.Next(6) == 0)
                {
                    model.Cells.Remove(id);
                }
                else
                {
                    model.Cells[id] = variants[random.Next(variants.Length)];
                }
            }

            var ours = Checker.Check(model).Findings.Where(f => !f.Passed).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
            var theirs = Baseline.FailingRules(model);
            if (!ours.SequenceEqual(theirs))
            {
                differences.Add($"{report.Name}: built-in [{string.Join(", ", ours)}], baseline [{string.Join(", ", theirs)}]");
            }
        }

        Assert.That(differences, Is.Empty);
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Maps_EveryCodeOfAFormat_NamesABuiltInRuleOfThatFormat(SchemaVersion schema)
    {
        var ids = RuleCatalog.BuiltIn.Rules.Where(r => r.Schemas.Contains(schema)).Select(r => r.Id).ToHashSet();
        Assert.That(BaselineCodes.Maps[schema].Values.Where(id => !ids.Contains(id)), Is.Empty);
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Maps_EveryBuiltInRuleOfAFormat_HasABaselineCheck(SchemaVersion schema)
    {
        var covered = BaselineCodes.Maps[schema].Values.ToHashSet();
        var hasSigned = SchemaCatalog.Get(schema).Cells.Any(c => c.Kind == ValueKind.SignedCount);
        var rules = RuleCatalog.BuiltIn.Rules
            .Where(r => r.Schemas.Contains(schema))
            .Where(r => hasSigned || r.Id != "common.signed.whole") // the pre-2019 and 2021 tables have no signed cells
            .Select(r => r.Id);
        Assert.That(rules.Where(id => !covered.Contains(id)), Is.Empty);
    }

    [Test]
    public void Formats_EveryFormat_Covered()
    {
        Assert.That(BaselineChecker.Formats, Is.EquivalentTo(SchemaVersions.All));
        Assert.That(BaselineChecker.Formats.Select(f => Baseline.For(f)).Distinct().Count(), Is.EqualTo(SchemaVersions.All.Count));
    }

    [Test]
    public void FailingRules_CleanExample_None()
    {
        var report = ReportJson.ReadFile(Path.Combine(ExamplesFolder, "synthetic-clean-pre2019-2016.json"));
        Assert.That(Baseline.FailingRules(report), Is.Empty);
    }

    [Test]
    public void FailingRules_ExampleWithAPartChanged_PartsSumFails()
    {
        var report = ReportJson.ReadFile(Path.Combine(ExamplesFolder, "synthetic-clean-pre2019-2016.json"));
        report.Cells[Pre2019Cells.RequestsReceivedOnline] = 98; // was 89: the received parts no longer add up to 157
        Assert.That(Baseline.FailingRules(report), Is.EqualTo(new[] { "pre2019.parts-sum" }));
    }
}
