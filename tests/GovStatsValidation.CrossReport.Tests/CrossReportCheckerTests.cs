using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class CrossReportCheckerTests
{
    private static readonly CrossReportChecker Checker = new(new CrossReportOptions { TextProvider = _ => null });

    // 宿迁市 2023 → 2024 (formats.md §5 X1): 2023 carried 121 into 2024, and 2024 says 121 were carried over.
    private static AnnualReport Suqian2023() => Report("宿迁市人民政府", 2023, SchemaVersion.Format2021, Applications(3511, 96, 3486, 121));

    [Test]
    public void Check_CarryOverMatches_GivesNoWarning()
    {
        var findings = Checker.Check([Suqian2023(), Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, Applications(3525, 121, 3546, 100))]);

        Assert.That(findings.AtLeast(Severity.Warning), Is.Empty, string.Join("\n", findings.Select(f => f.Finding)));
    }

    [Test]
    public void Check_CarryOverBreaks_GivesOneWarningPerColumnThatDiffers()
    {
        var findings = Checker.Check([Suqian2023(), Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, Applications(3525, 112, 3537, 100))]);

        var warnings = findings.AtLeast(Severity.Warning);
        Assert.That(warnings.Select(f => (f.Finding.RuleId, f.Finding.Instance)),
            Is.EquivalentTo(new[] { ("cross.carry-over", "col=natural_person"), ("cross.carry-over", "col=total") }));
        var total = warnings.Single(f => f.Finding.Instance == "col=total").Finding;
        Assert.Multiple(() =>
        {
            Assert.That(total.Actual, Is.EqualTo(112));
            Assert.That(total.Expected, Is.EqualTo(121));
            Assert.That(total.Formula, Is.EqualTo("112 ≠ 121"));
            Assert.That(total.Cells.Select(c => c.Id.Value), Is.EqualTo(new[] { "requests.carried_over[total]", "prev.requests.carry_forward[total]" }));
            Assert.That(total.RelatedSources, Is.EqualTo(new[] { "宿迁市人民政府-2024.json", "宿迁市人民政府-2023.json" }));
            Assert.That(total.Message.En, Does.Contain("宿迁市人民政府 2023"));
        });
    }

    [Test]
    public void Check_CarryOverAcrossFormat2019To2021_IsChecked()
    {
        var findings = Checker.Check([
            Report("宿迁市人民政府", 2020, SchemaVersion.Format2019, Applications(3000, 80, 2984, 96)),
            Report("宿迁市人民政府", 2021, SchemaVersion.Format2021, Applications(3100, 90, 3100, 90))]);

        Assert.That(findings.AtLeast(Severity.Warning).Select(f => f.Finding.Instance), Is.EquivalentTo(new[] { "col=natural_person", "col=total" }));
    }

    [Test]
    public void Check_CarryOverFromPre2019_SaysNotApplicableAndWhy()
    {
        var findings = Checker.Check([
            Report("宿迁市人民政府", 2018, SchemaVersion.Pre2019, ("requests.received", 500)),
            Report("宿迁市人民政府", 2019, SchemaVersion.Format2019, Applications(600, 3, 603, 0))]);

        var carry = findings.Rule("cross.carry-over").Single();
        Assert.Multiple(() =>
        {
            Assert.That(carry.Finding.Severity, Is.EqualTo(Severity.Info));
            Assert.That(carry.Finding.Instance, Is.EqualTo("not-applicable"));
            Assert.That(carry.Finding.Message.En, Does.Contain("no carried-forward row"));
            Assert.That(carry.Sources.Select(s => s.Year), Is.EqualTo(new[] { 2019, 2018 }));
        });
    }

    [Test]
    public void Check_PreviousYearAbsent_GivesMissingCounterpartInfo()
    {
        var findings = Checker.Check([Suqian2023()]);

        // One line for the jurisdiction and year, naming what is absent (last year's report, the government's report).
        var missing = findings.Rule(CrossReportChecker.MissingCounterpartRule).Single();
        Assert.Multiple(() =>
        {
            Assert.That(missing.Finding.Severity, Is.EqualTo(Severity.Info));
            Assert.That(missing.Finding.Instance, Is.EqualTo("year=2023"));
            Assert.That(missing.Finding.Message.En, Does.Contain("no 2022 report"));
            Assert.That(missing.Finding.Message.En, Does.Contain("cross.carry-over"));
            Assert.That(missing.Finding.Message.Zh, Does.Contain("缺少 宿迁市人民政府 的 2022 年度报告"));
        });
    }

    // 桐乡市 2017 (seed 003, city-wide): 收到申请 224, 复议 10, 诉讼 5, 制发规范性文件 49; its department 000 received none.
    private static AnnualReport Tongxiang2017() => Report("桐乡市人民政府", 2017, SchemaVersion.Pre2019,
        ("requests.received", 224), ("review.total", 10), ("litigation.total", 5), ("active.normative_docs_issued", 49));

    private static CrossReportChecker CityWide(int? units = null) => new(new CrossReportOptions
    {
        TextProvider = _ => null,
        AgencyMap = AgencyMap.Parse("{\"agencies\": {\"桐乡市人民政府\": {\"scope\": \"jurisdiction\", \"compilesAll\": true"
            + (units is { } u ? $", \"units\": {u}" : "") + "}}}"),
    });

    [Test]
    public void Check_DepartmentNotAboveCity_GivesNoWarning()
    {
        var findings = CityWide().Check([Tongxiang2017(), Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019,
            ("requests.received", 0), ("review.total", 0), ("litigation.total", 0), ("active.normative_docs_issued", 0))]);

        Assert.That(findings.AtLeast(Severity.Warning), Is.Empty, string.Join("\n", findings.Select(f => f.Finding)));
        Assert.That(findings.Rule("cross.parent-not-below").Single().Finding.Message.En, Does.Contain("penalty decisions"), "concepts the 统计表 lacks are reported as not applicable");
    }

    [Test]
    public void Check_DepartmentAboveCity_GivesOneWarningNamingBothReports()
    {
        var findings = CityWide().Check([Tongxiang2017(), Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019,
            ("requests.received", 230), ("review.total", 0), ("litigation.total", 0), ("active.normative_docs_issued", 0))]);

        var warning = findings.AtLeast(Severity.Warning).Single();
        Assert.Multiple(() =>
        {
            Assert.That(warning.Finding.RuleId, Is.EqualTo("cross.parent-not-below"));
            Assert.That(warning.Finding.Instance, Is.EqualTo("c=applications.received"));
            Assert.That(warning.Finding.Formula, Is.EqualTo("230 > 224"));
            Assert.That(warning.Jurisdiction, Is.EqualTo("桐乡市"));
            Assert.That(warning.Subject.Agency, Is.EqualTo("桐乡市行政审批服务中心"));
            Assert.That(warning.Sources.Select(s => s.Agency), Is.EqualTo(new[] { "桐乡市行政审批服务中心", "桐乡市人民政府" }));
        });
    }

    [Test]
    public void Check_CityNotKnownToBeJurisdictionWide_DoesNotCompareAndSaysWhy()
    {
        var findings = Checker.Check([Tongxiang2017(), Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019, ("requests.received", 230))]);

        Assert.That(findings.AtLeast(Severity.Warning), Is.Empty);
        var why = findings.Rule(CrossReportChecker.MissingCounterpartRule).Single(f => f.Finding.Instance == "year=2017");
        Assert.That(why.Finding.Message.En, Does.Contain("not known to cover the whole jurisdiction"));
        Assert.That(why.Finding.Message.En, Does.Contain("agency file: check --agencies"), "names the file as the CLI takes it");
    }

    [Test]
    public void Check_CityTextSaysCityWide_ComparesWithoutMapping()
    {
        var city = Tongxiang2017();
        var checker = new CrossReportChecker(new CrossReportOptions { TextProvider = r => r == city ? "2017年全市共收到信息公开申请224件。" : null });

        var findings = checker.Check([city, Report("桐乡市综合行政执法局", 2017, SchemaVersion.Pre2019, ("requests.received", 230))]);

        Assert.That(findings.AtLeast(Severity.Warning).Select(f => f.Finding.RuleId), Is.EqualTo(new[] { "cross.parent-not-below" }));
    }

    [Test]
    public void Check_CityBelowSumOfAllDepartments_GivesChildrenSumWarning()
    {
        AnnualReport Dept(string name, decimal received) => Report(name, 2017, SchemaVersion.Pre2019,
            ("requests.received", received), ("review.total", 0), ("litigation.total", 0), ("active.normative_docs_issued", 0));

        var clean = CityWide(units: 2).Check([Tongxiang2017(), Dept("桐乡市行政审批服务中心", 100), Dept("桐乡市综合行政执法局", 124)]);
        var broken = CityWide(units: 2).Check([Tongxiang2017(), Dept("桐乡市行政审批服务中心", 100), Dept("桐乡市综合行政执法局", 125)]);
        var notAll = CityWide(units: 3).Check([Tongxiang2017(), Dept("桐乡市行政审批服务中心", 100), Dept("桐乡市综合行政执法局", 125)]);

        Assert.Multiple(() =>
        {
            Assert.That(clean.AtLeast(Severity.Warning), Is.Empty);
            var warning = broken.AtLeast(Severity.Warning).Single();
            Assert.That(warning.Finding.RuleId, Is.EqualTo("cross.children-sum"));
            Assert.That(warning.Finding.Formula, Is.EqualTo("224 < 225"));
            Assert.That(warning.Sources, Has.Count.EqualTo(3));
            Assert.That(notAll.AtLeast(Severity.Warning), Is.Empty);
            Assert.That(notAll.Rule(CrossReportChecker.MissingCounterpartRule).Single().Finding.Message.En, Does.Contain("only 2 of 3"));
        });
    }

    [Test]
    public void Check_PrevItemsOf2019Format_ComparesWithLastYearsItemsPlusChange()
    {
        // 桐乡市综合行政执法局 2020 (seed 004): 行政处罚 上一年项目数量 979, 本年增 2128.
        var y2019 = Report("桐乡市综合行政执法局", 2019, SchemaVersion.Format2019, ("art20_6.penalty[prev_items]", 900), ("art20_6.penalty[change]", 79));
        var clean = Checker.Check([y2019, Report("桐乡市综合行政执法局", 2020, SchemaVersion.Format2019, ("art20_6.penalty[prev_items]", 979), ("art20_6.penalty[change]", 2128))]);
        var broken = Checker.Check([y2019, Report("桐乡市综合行政执法局", 2020, SchemaVersion.Format2019, ("art20_6.penalty[prev_items]", 970), ("art20_6.penalty[change]", 2128))]);

        Assert.Multiple(() =>
        {
            Assert.That(clean.AtLeast(Severity.Warning), Is.Empty);
            Assert.That(broken.AtLeast(Severity.Warning).Select(f => (f.Finding.RuleId, f.Finding.Instance, f.Finding.Formula)),
                Is.EqualTo(new[] { ("cross.prev-items", "row=art20_6.penalty", "970 ≠ 900 + 79 (= 979)") }));
        });
    }

    [Test]
    public void Check_InForceAcrossYears_FollowsIssuedAndRepealed()
    {
        // 宿迁 2023 → 2024 (formats.md W-C2): 11 + 2 − 1 = 12 and 597 + 50 − 227 = 420.
        var y2023 = Report("宿迁市人民政府", 2023, SchemaVersion.Format2021, ("art20_1.regulations[in_force]", 11), ("art20_1.normative_docs[in_force]", 597));
        (string, decimal)[] Y2024(decimal normativeInForce) =>
        [
            ("art20_1.regulations[issued]", 2), ("art20_1.regulations[repealed]", 1), ("art20_1.regulations[in_force]", 12),
            ("art20_1.normative_docs[issued]", 50), ("art20_1.normative_docs[repealed]", 227), ("art20_1.normative_docs[in_force]", normativeInForce),
        ];

        var clean = Checker.Check([y2023, Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, Y2024(420))]);
        var broken = Checker.Check([y2023, Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, Y2024(430))]);

        Assert.Multiple(() =>
        {
            Assert.That(clean.AtLeast(Severity.Warning), Is.Empty);
            Assert.That(broken.AtLeast(Severity.Warning).Select(f => (f.Finding.RuleId, f.Finding.Instance)),
                Is.EqualTo(new[] { ("cross.in-force", "row=art20_1.normative_docs") }));
        });
    }

    [Test]
    public void Check_InForceFrom2019Format_IsNotApplicable()
    {
        var findings = Checker.Check([
            Report("宿迁市人民政府", 2020, SchemaVersion.Format2019, ("art20_1.normative_docs[published_total]", 500)),
            Report("宿迁市人民政府", 2021, SchemaVersion.Format2021, ("art20_1.normative_docs[in_force]", 520))]);

        var inForce = findings.Rule("cross.in-force").Single();
        Assert.That(inForce.Finding.Severity, Is.EqualTo(Severity.Info));
        Assert.That(inForce.Finding.Message.En, Does.Contain("W-C5"));
    }

    [TestCase(3126, 3126 * 10 + 4, true, TestName = "Check_DecisionsJumpTenfold_Info(digit added)")]
    [TestCase(3126, 312, true, TestName = "Check_DecisionsJumpTenfold_Info(digit dropped)")]
    [TestCase(3126, 4010, false, TestName = "Check_DecisionsJumpTenfold_Info(ordinary change)")]
    [TestCase(3, 60, false, TestName = "Check_DecisionsJumpTenfold_Info(small counts left alone)")]
    [TestCase(0, 5000, false, TestName = "Check_DecisionsJumpTenfold_Info(a year with none left alone)")]
    public void Check_DecisionsJumpTenfold_Info(decimal lastYear, decimal thisYear, bool flagged)
    {
        var findings = Checker.Check([
            Report("宿迁市人民政府", 2023, SchemaVersion.Format2021, ("art20_6.penalty[decisions]", lastYear)),
            Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, ("art20_6.penalty[decisions]", thisYear))]);

        var failed = findings.Rule("cross.decisions.tenfold").Where(f => !f.Finding.Passed && f.Finding.Instance == "row=art20_6.penalty").ToList();
        Assert.That(failed, flagged ? Has.Count.EqualTo(1) : Is.Empty);
        Assert.That(failed.Select(f => f.Finding.Severity), Is.All.EqualTo(Severity.Info), "a judgement is never a warning or an error");
        if (flagged)
        {
            Assert.That(failed[0].Finding.Actual, Is.EqualTo(thisYear));
            Assert.That(failed[0].Finding.Expected, Is.EqualTo(lastYear));
        }
    }

    [TestCase(236.4875, 2364875, true, TestName = "Check_FeesJumpHundredfold_Info(typed in yuan)")]
    [TestCase(236.4875, 2.364875, true, TestName = "Check_FeesJumpHundredfold_Info(point moved two places)")]
    [TestCase(236.4875, 300, false, TestName = "Check_FeesJumpHundredfold_Info(ordinary change)")]
    [TestCase(0, 300, false, TestName = "Check_FeesJumpHundredfold_Info(no fees last year left alone)")]
    public void Check_FeesJumpHundredfold_Info(decimal lastYear, decimal thisYear, bool flagged)
    {
        var findings = Checker.Check([
            Report("宿迁市人民政府", 2023, SchemaVersion.Format2021, ("art20_8.admin_fees[amount]", lastYear)),
            Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, ("art20_8.admin_fees[amount]", thisYear))]);

        var failed = findings.Rule("cross.fees.hundredfold").Where(f => !f.Finding.Passed).ToList();
        Assert.That(failed, flagged ? Has.Count.EqualTo(1) : Is.Empty);
        Assert.That(failed.Select(f => f.Finding.Severity), Is.All.EqualTo(Severity.Info));
    }

    [Test]
    public void Check_IdenticalTablesTwoYears_GivesWarning()
    {
        var cells = Applications(34, 2, 35, 1);
        var findings = Checker.Check([Report("上海市科学技术委员会", 2023, SchemaVersion.Format2021, cells), Report("上海市科学技术委员会", 2024, SchemaVersion.Format2021, cells)]);

        var identical = findings.AtLeast(Severity.Warning).Where(f => f.Finding.RuleId == "cross.identical-tables").ToList();
        Assert.That(identical, Has.Count.EqualTo(1));
        Assert.That(identical[0].Finding.Actual, Is.EqualTo(10));
    }

    [Test]
    public void Check_ClaimAboutPreviousYearAcrossFormats_ComparedThroughConcept()
    {
        // A 2019-format report says 比2018年(435件)…; the 2018 统计表 has requests.received.
        AnnualReport With(decimal stated) => new()
        {
            Agency = new Agency("桐乡市人民政府"), Year = 2019, Schema = SchemaVersion.Format2019, Source = "2019.json",
            Claims =
            [
                new NarrativeClaim
                {
                    Kind = ClaimKind.Change, Concept = "requests.received", Value = 48, Unit = "%", ReferenceYear = 2018,
                    Text = $"比2018年({stated}件)减少了48%", Location = new SourceLocation(12),
                    Parts = [new NarrativeClaim { Kind = ClaimKind.Figure, Value = stated, ReferenceYear = 2018, Text = $"{stated}件", Location = new SourceLocation(12) }],
                },
            ],
        };
        var y2018 = Report("桐乡市人民政府", 2018, SchemaVersion.Pre2019, ("requests.received", 435));

        var agree = Checker.Check([y2018, With(435)]).Rule("cross.claims.earlier-year").Single();
        var differ = Checker.Check([y2018, With(453)]).Rule("cross.claims.earlier-year").Single();
        var alone = Checker.Check([With(435)]).Rule("cross.claims.earlier-year").Single();

        Assert.Multiple(() =>
        {
            Assert.That(agree.Finding.Severity, Is.EqualTo(Severity.Info));
            Assert.That(agree.Finding.Passed, Is.True);
            Assert.That(differ.Finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(differ.Finding.Formula, Is.EqualTo("453 ≠ 435"));
            Assert.That(differ.Finding.Cells.Single().Id.Value, Is.EqualTo("y2018.requests.received"));
            Assert.That(alone.Finding.Severity, Is.EqualTo(Severity.Info));
            Assert.That(alone.Finding.Message.En, Does.Contain("not in the set"));
        });
    }

    [Test]
    public void CheckStreaming_SameReports_GivesSameFindingsAsCheck()
    {
        var reports = new[]
        {
            Suqian2023(), Report("宿迁市人民政府", 2024, SchemaVersion.Format2021, Applications(3525, 112, 3537, 100)),
            Tongxiang2017(), Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019, ("requests.received", 230)),
        };
        var loads = 0;

        var streamed = CityWide().CheckStreaming(reports.Select(r => new CrossReportInput(r.Source, r.Agency, r.Year, () =>
        {
            loads++;
            return r;
        }))).ToList();
        var direct = CityWide().Check(reports);

        Assert.That(streamed.Select(f => f.Finding.ToString()), Is.EqualTo(direct.Select(f => f.Finding.ToString())));
        Assert.That(loads, Is.EqualTo(4));
    }
}
