using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using NUnit.Framework.Constraints;
using NUnit.Framework.Internal;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class ReportsTests
{
    private const string RowTotal = "2021.applications.row-total";
    private const string Flow = "2021.applications.flow-total";

    [Test]
    public void AreConsistent_CleanReport_Passes() =>
        Assert.That(ReportBuilder.Clean2021().Build(), Reports.AreConsistent);

    [Test]
    public void AreConsistent_BrokenReport_FailsListingFindingsReadably()
    {
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        var e = Assert.Throws<AssertionException>(() => Assert.That(report, Reports.AreConsistent));

        var message = e!.Message;
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain("Expected: a consistent report (no error findings)"));
            Assert.That(message, Does.Contain("示例市交通运输局 2023 (2021): 2 error(s), 0 warning(s), 0 info"));
            Assert.That(message, Does.Contain("error 2021.applications.row-total [row=requests.new]: 本年新收政府信息公开申请数量：总计 160，各类申请人之和 159"));
            Assert.That(message, Does.Contain("formula: 160 ≠ 118 + 24 + 2 + 1 + 10 + 4 (= 159); expected 159, actual 160"));
            Assert.That(message, Does.Contain("cells: requests.new[natural_person]=118, requests.new[org.commercial]=24"));
            Assert.That(message, Does.Contain("error 2021.applications.flow-total [col=total]"));
        });
    }

    [Test]
    public void AreConsistent_WarningsOnly_Passes()
    {
        var findings = new[] { MakeFinding("x.warn", Severity.Warning), MakeFinding("x.info", Severity.Info) };

        Assert.That(findings, Reports.AreConsistent);
        Assert.That(findings, Reports.HaveNoFindingsAtOrAbove(Severity.Error));
    }

    [Test]
    public void HaveNoFindingsAtOrAbove_Warning_FailsOnWarningAndListsOnlyOffendingFindings()
    {
        var findings = new[] { MakeFinding("x.warn", Severity.Warning), MakeFinding("x.info", Severity.Info) };

        var result = Reports.HaveNoFindingsAtOrAbove(Severity.Warning).ApplyTo(findings);

        Assert.That(result.IsSuccess, Is.False);
        var message = Message(result);
        Assert.That(message, Does.Contain("Expected: no findings at or above warning"));
        Assert.That(message, Does.Contain("findings: 0 error(s), 1 warning(s), 1 info"));
        Assert.That(message, Does.Contain("warning x.warn: x.warn 的消息"));
        Assert.That(message, Does.Not.Contain("x.info"));
    }

    [Test]
    public void HaveNoFindings_InfoFinding_Fails()
    {
        var result = Reports.HaveNoFindings.ApplyTo(new[] { MakeFinding("x.info", Severity.Info) });

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(Reports.HaveNoFindings.ApplyTo(Array.Empty<Finding>()).IsSuccess, Is.True);
    }

    [Test]
    public void Constraints_CheckResultActual_UsesItsFindingsWithoutRechecking()
    {
        var result = new ReportCheckResult(ReportBuilder.Clean2021().Build(), [MakeFinding("x.error", Severity.Error)]);

        Assert.That(result, !Reports.AreConsistent);
        Assert.That(result, Reports.HaveFinding("x.error"));
    }

    [Test]
    public void Constraints_UnsupportedActual_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Reports.AreConsistent.ApplyTo("report.json"));

        Assert.That(e!.Message, Does.Contain("but was System.String"));
    }

    [Test]
    public void CheckedBy_CheckerFromContainer_AppliesItsOptions()
    {
        using var provider = new ServiceCollection()
            .AddGovStatsValidation(o =>
            {
                o.DisabledRules.Add(RowTotal);
                o.SeverityOverrides[Flow] = Severity.Warning;
                o.Language = "en";
            })
            .BuildServiceProvider();
        var reports = Reports.CheckedBy(provider.GetRequiredService<IReportChecker>());
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        Assert.That(report, reports.AreConsistent);
        Assert.That(report, !reports.HaveFinding(RowTotal));
        var result = reports.HaveNoFindingsAtOrAbove(Severity.Warning).ApplyTo(report);
        Assert.That(reports.Language, Is.EqualTo("en"));
        Assert.That(Message(result), Does.Contain("warning 2021.applications.flow-total [col=total]: total column: new plus carried over is 173"));
    }

    [Test]
    public void Negation_OfPassingConstraint_FailsWithSummary()
    {
        var e = Assert.Throws<AssertionException>(() => Assert.That(ReportBuilder.Clean2021().Build(), !Reports.AreConsistent));

        Assert.That(e!.Message, Does.Contain("not a consistent report (no error findings)"));
        Assert.That(e.Message, Does.Contain("示例市交通运输局 2023 (2021): 0 error(s), 0 warning(s), 0 info"));
    }

    [Test]
    public void AreConsistent_ReportBuiltInCode_ReportsMissingTables()
    {
        var report = new AnnualReport { Agency = new Agency("某县统计局"), Year = 2023, Schema = Schemas.SchemaVersion.Format2021 };
        report.Cells["requests.new[total]"] = 5m;

        Assert.That(report, !Reports.AreConsistent);
        Assert.That(report, Reports.HaveFinding("2021.table.missing").WithSeverity(Severity.Error));
    }

    internal static Finding MakeFinding(string ruleId, Severity severity, params string[] cells) => new()
    {
        RuleId = ruleId,
        Severity = severity,
        Title = new LocalizedText("标题", "title"),
        Message = new LocalizedText($"{ruleId} 的消息", $"message of {ruleId}"),
        Cells = cells.Select(c => new FindingCell(c, c, CellState.Number, 1m, null, null)).ToList(),
    };

    internal static string Message(ConstraintResult result)
    {
        var writer = new TextMessageWriter();
        result.WriteMessageTo(writer);
        return writer.ToString();
    }
}
