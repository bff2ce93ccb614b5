using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Synthetic.Tests;

public sealed class SyntheticGeneratorTests
{
    private static readonly ReportChecker Checker = new();

    [Test]
    public void Generate_SameSeedAndIndex_SameReport()
    {
        var a = new SyntheticGenerator(new SyntheticOptions { Seed = 7, ErrorRate = 0.3 });
        var b = new SyntheticGenerator(new SyntheticOptions { Seed = 7, ErrorRate = 0.3 });
        var inOrder = a.Generate(200).Select(r => r.ToJson() + ReportText.ToText(r)).ToList();
        var backwards = Enumerable.Range(0, 200).Reverse().Select(i => b.Report(i)).Reverse().Select(r => r.ToJson() + ReportText.ToText(r)).ToList();
        Assert.That(backwards, Is.EqualTo(inOrder));
    }

    [Test]
    public void Generate_DifferentSeeds_DifferentReports()
    {
        var a = new SyntheticGenerator(new SyntheticOptions { Seed = 1 }).Generate(50).Select(r => r.ToJson()).ToList();
        var b = new SyntheticGenerator(new SyntheticOptions { Seed = 2 }).Generate(50).Select(r => r.ToJson()).ToList();
        Assert.That(a.Zip(b).Count(p => p.First == p.Second), Is.LessThan(5));
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Generate_NoErrorsInjected_EveryRuleHolds(SchemaVersion schema)
    {
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 11, ErrorRate = 0, Schemas = [schema] });
        var failures = new List<string>();
        foreach (var report in generator.Generate(1500))
        {
            Assert.That(report.IsClean, Is.True);
            // The public path: typed model → checker → findings. Info findings of always-reporting rules are comparisons, not failures.
            var failed = Checker.Check(report.ToAnnualReport()).Findings.Where(f => !f.Passed).ToList();
            failures.AddRange(failed.Select(f => $"{report.Name}: {f.RuleId} {f.Instance} {f.Formula}"));
        }

        Assert.That(failures, Is.Empty);
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Generate_EveryReportWithAnError_TheInjectedErrorIsFoundByItsRule(SchemaVersion schema)
    {
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 12, ErrorRate = 1, Schemas = [schema] });
        var missed = new List<string>();
        foreach (var report in generator.Generate(1500))
        {
            Assert.That(report.Errors, Has.Count.EqualTo(1), report.Name);
            var failing = Checker.Check(report.ToAnnualReport()).Findings.Where(f => !f.Passed).Select(f => f.RuleId).ToHashSet();
            if (!FrameChecker.Confirms(report, failing, out var problem))
            {
                missed.Add(problem!);
            }
        }

        Assert.That(missed, Is.Empty);
    }

    [TestCase(SchemaVersion.Pre2019)]
    [TestCase(SchemaVersion.Format2019)]
    [TestCase(SchemaVersion.Format2021)]
    public void Generate_ManyReports_EveryErrorKindOfTheFormatOccurs(SchemaVersion schema)
    {
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 13, ErrorRate = 1, Schemas = [schema] });
        var kinds = generator.Generate(1000).SelectMany(r => r.Errors).Select(e => e.Kind).ToHashSet();
        var expected = new List<InjectedErrorKind>
        {
            InjectedErrorKind.PartTypo, InjectedErrorKind.TotalLeftBlank, InjectedErrorKind.NegativeCount, InjectedErrorKind.FractionalCount,
            InjectedErrorKind.UnreadableText, InjectedErrorKind.Placeholder,
        };
        expected.AddRange(schema switch
        {
            SchemaVersion.Pre2019 => [InjectedErrorKind.OfWhichExceedsTotal, InjectedErrorKind.ChannelExceedsTotal],
            SchemaVersion.Format2019 => [InjectedErrorKind.CarryForwardOffByOne, InjectedErrorKind.StockBelowZero],
            _ => [InjectedErrorKind.CarryForwardOffByOne, InjectedErrorKind.IssuedAboveStock],
        });
        Assert.That(kinds, Is.EquivalentTo(expected));
    }

    [Test]
    public void Generate_ErrorRate_IsTheShareOfReportsWithAnError()
    {
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 14, ErrorRate = 0.05 });
        var withError = generator.Generate(20000).Count(r => !r.IsClean);
        Assert.That(withError / 20000.0, Is.InRange(0.045, 0.055));
    }

    [Test]
    public void Generate_DefaultSchemas_AllFormatsInTurnWithTheirYears()
    {
        var reports = new SyntheticGenerator().Generate(300).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(r => r.Schema).Distinct(), Is.EquivalentTo(SchemaVersions.All));
            Assert.That(reports.All(r => SchemaVersions.ForYear(r.Year) == r.Schema), Is.True);
        });
    }

    [Test]
    public void PartTypo_Injected_ChangesOneDigitOrSwapsTwoNeighbours()
    {
        var generator = new SyntheticGenerator(new SyntheticOptions { Seed = 15, ErrorRate = 1 });
        var typos = generator.Generate(3000).SelectMany(r => r.Errors).Where(e => e.Kind == InjectedErrorKind.PartTypo).ToList();
        Assert.That(typos, Has.Count.GreaterThan(100));
        foreach (var typo in typos)
        {
            // "cell before → after (a typing slip)"; a blank before reads as 0.
            var words = typo.Description.Split(' ');
            var before = words[1] == "(blank)" ? "0" : words[1];
            var after = words[3];
            Assert.That(IsOneSlip(before, after), Is.True, typo.Description);
        }
    }

    [Test]
    public void ToJson_ReadBack_SameCells()
    {
        foreach (var report in new SyntheticGenerator(new SyntheticOptions { Seed = 16, ErrorRate = 0.5 }).Generate(300))
        {
            var read = ReportJson.Read(report.ToJson());
            var model = report.ToAnnualReport();
            Assert.That(read.Cells.Select(c => (c.Key, c.Value.State, c.Value.Number, c.Value.Raw)),
                Is.EqualTo(model.Cells.Select(c => (c.Key, c.Value.State, c.Value.Number, c.Value.Raw))), report.Name);
            Assert.That((read.Year, read.Schema, read.Agency), Is.EqualTo((report.Year, report.Schema, report.Agency)));
        }
    }

    [Test]
    public void FrameChecker_SameReports_SameFailingRulesAsThePublicChecker()
    {
        var frames = new FrameChecker(RuleCatalog.BuiltIn);
        foreach (var report in new SyntheticGenerator(new SyntheticOptions { Seed = 17, ErrorRate = 0.5 }).Generate(600))
        {
            var expected = Checker.Check(report.ToAnnualReport()).Findings.Where(f => !f.Passed).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal);
            Assert.That(frames.FailingRules(report), Is.EqualTo(expected), report.Name);
            Assert.That(frames.CountFailures(report) > 0, Is.EqualTo(!report.IsClean), report.Name);
        }
    }

    private static bool IsOneSlip(string a, string b)
    {
        if (a.Length != b.Length || a == b)
        {
            return false;
        }

        var diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return diffs.Count == 1 || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && a[diffs[0]] == b[diffs[1]] && a[diffs[1]] == b[diffs[0]]);
    }
}
