using GovStatsValidation.Schemas;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests.Agencies;

/// <summary>Issue 11, item 8: names lose the debris of their source, and OCR variants of one name are one agency — conservatively.</summary>
[TestFixture]
public sealed class AgencyNameVariantTests
{
    [TestCase("标题:平潭综合实验区管委会")]
    [TestCase("标题：平潭综合实验区管委会")]
    [TestCase("# 平潭综合实验区管委会")]
    [TestCase("**平潭综合实验区管委会**")]
    [TestCase("> <b>平潭综合实验区管委会</b>")]
    public void Build_NameWithFieldLabelOrMarkup_SameAgencyAsTheCleanName(string printed)
    {
        var set = ReportSet.Build([
            Report("平潭综合实验区管委会", 2013, SchemaVersion.Pre2019),
            Report(printed, 2014, SchemaVersion.Pre2019),
        ]);

        Assert.That(set.Jurisdictions.SelectMany(j => j.Agencies).Select(a => a.Count()), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Build_OcrVariantOfAPlaceInAnotherYear_OneAgencyWithANote()
    {
        var set = ReportSet.Build([
            Report("沭阳县人民政府", 2022, SchemaVersion.Format2021),
            Report("沭阳县人民政府", 2023, SchemaVersion.Format2021),
            Report("#沐阳县人民政府", 2024, SchemaVersion.Format2021),
        ]);

        var agencies = set.Jurisdictions.SelectMany(j => j.Agencies).ToList();
        Assert.That(agencies, Has.Count.EqualTo(1));
        Assert.That(agencies[0].Select(e => e.Report.Year), Is.EqualTo(new[] { 2022, 2023, 2024 }));
        var variant = agencies[0].Single(e => e.Report.Year == 2024);
        Assert.That(variant.Identity.Name, Is.EqualTo("#沐阳县人民政府"), "the name as printed is kept");
        Assert.That(variant.Identity.Notes, Has.Some.Contains("沭/沐"));
    }

    [Test]
    public void Build_OcrVariantsThatBothReportTheSameYear_TwoAgencies()
    {
        // Two reports of one year under the two spellings are two bodies: never merged.
        var set = ReportSet.Build([
            Report("沭阳县人民政府", 2023, SchemaVersion.Format2021),
            Report("沐阳县人民政府", 2023, SchemaVersion.Format2021),
        ]);

        Assert.That(set.Jurisdictions.SelectMany(j => j.Agencies).Count(), Is.EqualTo(2));
    }

    [TestCase("沭阳县人民政府", "泗阳县人民政府")]
    [TestCase("桐乡市综合行政执法局", "桐乡市综合行政审批局")]
    public void Build_NamesDifferingOtherwise_NotMerged(string a, string b)
    {
        // 沭/泗 is no OCR confusion (two real counties); bodies that differ in more than one character are two bodies.
        var set = ReportSet.Build([
            Report(a, 2023, SchemaVersion.Format2021),
            Report(b, 2024, SchemaVersion.Format2021),
        ]);

        Assert.That(set.Jurisdictions.SelectMany(j => j.Agencies).Count(), Is.EqualTo(2));
    }
}
