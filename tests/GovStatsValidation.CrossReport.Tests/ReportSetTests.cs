using GovStatsValidation.Schemas;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class ReportSetTests
{
    [Test]
    public void Build_CityAndDepartmentsOverYears_GroupsByJurisdictionAndAgency()
    {
        var set = ReportSet.Build([
            Report("桐乡市人民政府", 2017, SchemaVersion.Pre2019),
            Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019),
            Report("桐乡市综合行政执法局", 2020, SchemaVersion.Format2019),
            Report("桐乡市综合行政执法局", 2021, SchemaVersion.Format2021),
            Report("淮安市人民政府", 2024, SchemaVersion.Format2021),
        ]);

        Assert.That(set.Jurisdictions.Select(j => j.Name), Is.EquivalentTo(new[] { "桐乡市", "淮安市" }));
        var tongxiang = set.Jurisdictions.Single(j => j.Name == "桐乡市");
        Assert.Multiple(() =>
        {
            Assert.That(tongxiang.Reports, Has.Count.EqualTo(4));
            Assert.That(tongxiang.Government(2017)!.Report.Agency.Name, Is.EqualTo("桐乡市人民政府"));
            Assert.That(tongxiang.Departments(2017).Select(d => d.Report.Agency.Name), Is.EqualTo(new[] { "桐乡市行政审批服务中心" }));
            Assert.That(tongxiang.Agencies.Single(a => a.Key == "桐乡|综合行政执法局").Select(e => e.Report.Year), Is.EqualTo(new[] { 2020, 2021 }));
            Assert.That(tongxiang.Find("桐乡|综合行政执法局", 2020), Is.Not.Null);
        });
    }
}
