using GovStatsValidation.Reporting;
using GovStatsValidation.Schemas;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class JsonOutputTests
{
    [Test]
    public void ToJson_RunWithCrossReport_HasTopLevelArrayGroupedByJurisdictionWithSources()
    {
        var findings = new CrossReportChecker(new CrossReportOptions { TextProvider = _ => null }).Check([
            Report("宿迁市人民政府", 2023, SchemaVersion.Format2021, Applications(3511, 96, 3486, 121)),
            Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, Applications(3525, 112, 3537, 100))]);
        var run = new CheckRun([], [])
        {
            CrossReport = findings.Select(c => new CrossReportEntry(c.Jurisdiction, c.Subject.Source, c.Subject.Agency, c.Subject.Year, c.Finding,
                c.Sources.Select(s => s.ToString()).ToList())).ToList(),
        };

        var json = JsonRenderer.ToJson(run, new RenderOptions { Language = "en" });
        var withoutCross = JsonRenderer.ToJson(new CheckRun([], []), new RenderOptions());

        var group = (JObject)json["crossReport"]!.Single();
        var carry = group["findings"]!.First(f => (string?)f["instance"] == "col=total");
        Assert.Multiple(() =>
        {
            Assert.That((string?)group["jurisdiction"], Is.EqualTo("宿迁市"));
            Assert.That((string?)carry["rule"], Is.EqualTo("cross.carry-over"));
            Assert.That(carry["sources"]!.Select(s => (string?)s), Is.EqualTo(new[] { "宿迁市人民政府-2024.json", "宿迁市人民政府-2023.json" }));
            Assert.That((int?)carry["subject"]!["year"], Is.EqualTo(2024));
            Assert.That(withoutCross.ContainsKey("crossReport"), Is.False, "the array appears only when cross-report checks ran");
        });
    }
}
