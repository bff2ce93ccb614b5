using GovStatsValidation.Model;
using GovStatsValidation.NUnit;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace ReportPipeline.Tests;

/// <summary>A pipeline that produces the figures itself (not from a file) checks what it built.</summary>
[TestFixture]
public sealed class TypedReportTests
{
    private static AnnualReport Build(decimal newTotal)
    {
        var report = new AnnualReport { Agency = new Agency("示例县统计局", AgencyLevel.Department, "示例县"), Year = 2023, Schema = SchemaVersion.Format2021 };
        report.Cells["requests.new[natural_person]"] = 3m;
        report.Cells["requests.new[org.commercial]"] = 1m;
        report.Cells["requests.new[org.research]"] = 0m;
        report.Cells["requests.new[org.social_welfare]"] = 0m;
        report.Cells["requests.new[org.legal_service]"] = 0m;
        report.Cells["requests.new[org.other]"] = 0m;
        report.Cells["requests.new[total]"] = newTotal;
        return report;
    }

    [Test]
    public void TypedReport_DocsExample_MissingTablesReportedPartialRowNotJudged()
    {
        var report = new AnnualReport { Agency = new Agency("示例县统计局"), Year = 2023, Schema = SchemaVersion.Format2021 };
        report.Cells["requests.new[natural_person]"] = 3m;
        report.Cells["requests.new[org.commercial]"] = 1m;
        report.Cells["requests.new[total]"] = 5m;   // cells not set are absent

        Assert.That(report, Reports.HaveFinding("2021.table.missing").WithSeverity(Severity.Error));
        Assert.That(report, !Reports.HaveFinding("2021.applications.row-total"), "four applicant columns are absent: the row total is not judged");
    }

    [Test]
    public void TypedReport_TotalDisagreesWithColumns_RowTotalErrorOnTheTotal() =>
        Assert.That(Build(newTotal: 5m), Reports.HaveFinding("2021.applications.row-total").On("requests.new[total]").WithSeverity(Severity.Error));

    [Test]
    public void TypedReport_TotalAgrees_NoRowTotalFinding() =>
        Assert.That(Build(newTotal: 4m), !Reports.HaveFinding("2021.applications.row-total"));

    [Test]
    public void TypedReport_OnlyOneTable_MissingTablesAreErrors()
    {
        var report = Build(newTotal: 4m);

        Assert.That(report, !Reports.AreConsistent);
        Assert.That(report, Reports.HaveFinding("2021.table.missing"));
        Assert.That(report, Reports.HaveFinding("2021.article20.missing"));
    }

    [Test]
    public void TypedReport_FailureMessage_ListsRuleSeverityMessageAndFormula()
    {
        var e = Assert.Throws<AssertionException>(() => Assert.That(Build(newTotal: 5m), Reports.HaveNoFindingsAtOrAbove(Severity.Warning)));

        Assert.That(e!.Message, Does.Contain("Expected: no findings at or above warning"));
        Assert.That(e.Message, Does.Contain("error 2021.applications.row-total [row=requests.new]"));
        Assert.That(e.Message, Does.Contain("formula: 5 ≠ 3 + 1 + 0 + 0 + 0 + 0 (= 4); expected 4, actual 5"));
    }
}
