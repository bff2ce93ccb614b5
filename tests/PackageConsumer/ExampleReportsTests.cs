using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.NUnit;
using GovStatsValidation.Rules;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace ReportPipeline.Tests;

/// <summary>The pipeline's checks on the example reports (tests/data/examples), through the packed packages.</summary>
[TestFixture]
public sealed class ExampleReportsTests
{
    private ServiceProvider _services = null!;
    private ReportConstraints _reports = null!;

    [OneTimeSetUp]
    public void BuildContainer()
    {
        _services = PipelineServices.Build();
        _reports = Reports.CheckedBy(_services.Checker());
    }

    [OneTimeTearDown]
    public void DisposeContainer() => _services.Dispose();

    [TestCaseSource(typeof(PipelineServices), nameof(PipelineServices.ExampleNames))]
    public void Example_AnyFile_ReadsAndChecksWithoutThrowing(string fileName)
    {
        var result = _services.Checker().Check(ReportJson.ReadFile(PipelineServices.Example(fileName)));

        Assert.That(result.Report.Year, Is.InRange(2008, 2100));
        Assert.That(result.Findings, Is.Ordered.Using(FindingOrder.Instance));
    }

    [TestCase("seed-002-jiangbei-2017.json")]
    [TestCase("seed-003-tongxiang-2017.json")]
    [TestCase("synthetic-clean-2021-2023.json")]
    [TestCase("synthetic-clean-pre2019-2016.json")]
    public void Example_PublishedConsistently_IsConsistent(string fileName) =>
        Assert.That(ReportJson.ReadFile(PipelineServices.Example(fileName)), _reports.AreConsistent);

    [Test]
    public void Example_Seed004_MissingReviewTableAndBlankTotals()
    {
        var report = ReportJson.ReadFile(PipelineServices.Example("seed-004-tongxiang-enforcement-2020.json"));

        Assert.That(report, !_reports.AreConsistent);
        Assert.That(report, _reports.HaveFinding("2019.table.missing").WithSeverity(Severity.Error));
        Assert.That(report, _reports.HaveFinding("2019.applications.result-total-blank").On("result.total[natural_person]").WithSeverity(Severity.Warning));
        Assert.That(report, !_reports.HaveFinding("2019.applications.flow-with-computed-total"), "disabled in the pipeline's options");
    }

    [Test]
    public void Example_Seed002_SeverityOverrideRaisesInfoToWarning()
    {
        var report = ReportJson.ReadFile(PipelineServices.Example("seed-002-jiangbei-2017.json"));

        Assert.That(report, _reports.HaveFinding("pre2019.normative-docs.more-published").WithSeverity(Severity.Warning));
        Assert.That(report, Reports.HaveFinding("pre2019.normative-docs.more-published").WithSeverity(Severity.Info), "built-in severity without the override");
    }

    [Test]
    public void Example_Seed004_FindingsMatchSnapshot() =>
        Snapshots.MatchFindings(_services.Checker().Check(ReportJson.ReadFile(PipelineServices.Example("seed-004-tongxiang-enforcement-2020.json"))));

    [Test]
    public void Example_OwnValidator_FindingsAppearWithTheBuiltInOnes()
    {
        var result = _services.Checker().Check(ReportJson.ReadFile(PipelineServices.Example("synthetic-clean-2021-2023.json")));

        Assert.That(result, _reports.AreConsistent);
        Assert.That(result, _reports.HaveFinding(PipelineRulesValidator.FeesReview).WithSeverity(Severity.Warning));
        Assert.That(result.Findings.Single(f => f.RuleId == PipelineRulesValidator.FeesReview).Actual, Is.EqualTo(236.4875m));
    }
}
