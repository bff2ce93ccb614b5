using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

/// <summary>The NUnit lines shown in README.md, kept compiling and true.</summary>
public sealed class ReadmeSnippetTests
{
    [Test]
    public void ReadmeNUnitSnippet_CleanAndBrokenReports_AssertAsShown()
    {
        var report = ReportBuilder.Clean2021().Build();
        Assert.That(report, Reports.AreConsistent);
        Assert.That(report, Reports.HaveNoFindingsAtOrAbove(Severity.Warning));

        var broken = ReportBuilder.Clean2021().Set("result.total[total]", 999m).Build();
        var result = new ReportChecker().Check(broken);
        Assert.That(result, Reports.HaveFinding("2021.applications.flow-total").On("result.total[total]"));
        Assert.That(broken, !Reports.AreConsistent);
    }
}
