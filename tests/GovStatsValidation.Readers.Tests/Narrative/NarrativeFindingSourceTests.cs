using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>Narrative vs table and narrative vs itself, on synthetic texts and figures.</summary>
public class NarrativeFindingSourceTests
{
    private static List<Finding> Check(AnnualReport report, string text)
    {
        new NarrativeReader().Fill(report, text.Split('\n'));
        var findings = new List<Finding>();
        new NarrativeFindingSource().Check(report, findings);
        return findings;
    }

    private static AnnualReport Pre2019(decimal total, decimal website, decimal weibo = 0)
    {
        var r = NarrativeReaderTests.Report();
        r.Cells[new CellId("active.total")] = total;
        r.Cells[new CellId("active.channels.website")] = website;
        r.Cells[new CellId("active.channels.weibo")] = weibo;
        return r;
    }

    [Test]
    public void Check_FigureAgreesWithTable_NoFinding() =>
        Assert.That(Check(Pre2019(120, 100), "二、主动公开情况\n主动公开政府信息120条。"), Is.Empty);

    [Test]
    public void Check_FigureDiffers_WarningNamesTheCellItEquals()
    {
        var f = Check(Pre2019(120, 100, 20), "二、主动公开情况\n主动公开政府信息100条。").Single();
        Assert.That(f.RuleId, Is.EqualTo("narrative.figure.table"));
        Assert.That(f.Severity, Is.EqualTo(Severity.Warning));
        Assert.That((f.Actual, f.Expected, f.Line), Is.EqualTo(((decimal?)100m, (decimal?)120m, (int?)2)));
        Assert.That(f.Suspect?.Cell, Is.EqualTo(new CellId("active.channels.website")));
        Assert.That(f.Quote, Does.Contain("主动公开政府信息100条"));
    }

    [Test]
    public void Check_FullWidthText_QuotesTheSentenceAsPrinted()
    {
        // Full-width digits, comma and parentheses, an ideographic space, and the sentence wrapped over two lines.
        const string printed = "二、主动公开情况\n本年度主动公开政府信息１００条，\u3000（含通过网站公开的信息），\n全部按时公开。";
        var f = Check(Pre2019(120, 100, 20), printed).Single();

        Assert.Multiple(() =>
        {
            Assert.That(f.RuleId, Is.EqualTo("narrative.figure.table"));
            Assert.That(f.Quote, Is.EqualTo("本年度主动公开政府信息１００条，\u3000（含通过网站公开的信息），全部按时公开。"));
        });
    }

    [Test]
    public void Check_BlankFigureInFullWidthText_QuotesTheBlankAsPrinted()
    {
        var r = NarrativeReaderTests.Report();
        var f = Check(r, "三、依申请公开情况\n本年度共收到申请共计  件，已全部办结。").Single(x => x.RuleId == "narrative.blank-figure");

        Assert.That(f.Quote, Is.EqualTo("本年度共收到申请共计  件，已全部办结。"));
    }

    [Test]
    public void Check_FigureDiffersAndEqualsNothing_WarningWithoutCause()
    {
        var f = Check(Pre2019(120, 100, 20), "二、主动公开情况\n主动公开政府信息111条。").Single();
        Assert.That(f.Suspect, Is.Null);
    }

    [Test]
    public void Check_ReceivedMayIncludeCarriedOver_Agrees()
    {
        var r = NarrativeReaderTests.Report(SchemaVersion.Format2021, 2024);
        r.Cells[new CellId("requests.new[total]")] = 30;
        r.Cells[new CellId("requests.carried_over[total]")] = 5;
        Assert.That(Check(r, "三、收到和处理政府信息公开申请情况\n全年收到政府信息公开申请35件。"), Is.Empty);
    }

    [Test]
    public void Check_HedgedFigure_AgreesWithinHedge()
    {
        var r = Pre2019(5560, 0);
        Assert.That(Check(r, "一、概述\n主动公开政府信息5500余条。"), Is.Empty);
    }

    [Test]
    public void Check_AllCompletedButCarriedForward_Warning()
    {
        var r = NarrativeReaderTests.Report(SchemaVersion.Format2021, 2024);
        r.Cells[new CellId("requests.carry_forward[natural_person]")] = 1;
        r.Cells[new CellId("requests.carry_forward[total]")] = CellValue.Blank;
        var f = Check(r, "三、收到和处理政府信息公开申请情况\n所有申请均已办结。").Single();
        Assert.That(f.RuleId, Is.EqualTo("narrative.statement.table"));
        Assert.That(f.Actual, Is.EqualTo(1m)); // the blank 总计 read as the sum of its columns
    }

    [TestCase(0.5, true)]
    [TestCase(0, false)]
    public void Check_SectionSaysNoFeesTableShowsFee_WarningOnlyWhenTheTableHasOne(decimal fee, bool warned)
    {
        var r = Pre2019(120, 100, 20);
        r.Cells[new CellId("fees.total")] = fee;
        var findings = Check(r, "二、主动公开情况\n主动公开政府信息120条。\n六、政府信息公开的收费及减免情况\n本年度未收取任何费用。");
        var statements = findings.Where(f => f.RuleId == "narrative.statement.table").ToList();
        Assert.That(statements, warned ? Has.Count.EqualTo(1) : Is.Empty);
        if (warned)
        {
            Assert.Multiple(() =>
            {
                Assert.That(statements[0].Actual, Is.EqualTo(fee));
                Assert.That(statements[0].Expected, Is.EqualTo(0m));
                Assert.That(statements[0].Cells.Select(c => c.Id.Value), Does.Contain("fees.total"));
            });
        }
    }

    [TestCase("主动公开政府信息39条，其中A类1条，B类3条，C类35条。", null)]
    [TestCase("主动公开政府信息39条，其中A类10条，B类30条。", "narrative.enumeration.sum")]
    [TestCase("主动公开政府信息39条，其中A类10条，B类20条。", "narrative.enumeration.partial")]
    [TestCase("主动公开政府信息200条，其中政府网站发布150条，微博发布30条，其他20。", null)]
    [TestCase("主动公开政府信息200条，其中政府网站发布150条，微博发布60条，其他20。", null)]
    [TestCase("主动公开政府信息200条，其中政府网站发布100条，微博发布30条，其他20。", "narrative.channels.cover")]
    public void Check_Enumeration_PartsAgainstTotal(string sentence, string? rule)
    {
        var findings = Check(NarrativeReaderTests.Report(SchemaVersion.Format2021, 2024), "二、主动公开政府信息情况\n" + sentence);
        Assert.That(findings.Select(f => f.RuleId), rule is null ? Is.Empty : Is.EqualTo(new[] { rule }));
    }

    [TestCase("共公布政府信息100条，(其中甲类信息20条，乙类信息30条，其他信息50条)对于主动公开的政府信息，主要通过网站发布。", null)]
    [TestCase("共公布政府信息100条，(其中甲类信息20条，乙类信息30条，其他信息40条)对于主动公开的政府信息，主要通过网站发布。", "narrative.enumeration.short")]
    [TestCase("共公布政府信息100条，(其中甲类信息20条，乙类信息30条，丙类信息40条)对于主动公开的政府信息，主要通过网站发布。", "narrative.enumeration.partial")]
    [TestCase("共公布政府信息100条，(其中甲类信息20条，乙类信息30条，其他信息60条)。", "narrative.enumeration.sum")]
    public void Check_ParenthesisedList_PartsInsideAgainstTotal(string sentence, string? rule)
    {
        var findings = Check(NarrativeReaderTests.Report(SchemaVersion.Format2021, 2024), "二、主动公开政府信息情况\n" + sentence);
        Assert.That(findings.Select(f => f.RuleId), rule is null ? Is.Empty : Is.EqualTo(new[] { rule }));
    }

    [TestCase("今年主动公开政府信息100条。其中，区直部门主动公开政府信息60条，占60%。主动公开政府信息的主要类别有：甲类信息20条，乙类信息30条，其他信息50条。", null)]
    [TestCase("今年主动公开政府信息100条。其中，区直部门主动公开政府信息60条，占60%。主动公开政府信息的主要类别有：甲类信息20条，乙类信息30条，其他信息70条。", "narrative.enumeration.sum")]
    [TestCase("今年主动公开政府信息100条。主动公开政府信息的主要类别有：甲类信息20条，乙类信息30条，其他信息40条。", "narrative.enumeration.short")]
    [TestCase("主动公开政府信息的主要类别有：甲类信息20条，乙类信息30条，其他信息70条。", null)]
    public void Check_ListOfKindsAfterTheFigure_PartsAgainstThatFigure(string text, string? rule)
    {
        // One long line, as a crawled page: sentences are split at 。 within it.
        var findings = Check(NarrativeReaderTests.Report(SchemaVersion.Pre2019, 2014), "二、主动公开政府信息情况 " + text);
        Assert.That(findings.Select(f => f.RuleId), rule is null ? Is.Empty : Is.EqualTo(new[] { rule }));
    }

    [Test]
    public void Read_ApprovalsAtAServiceCentre_NotReadAsDisclosureRequests()
    {
        var report = NarrativeReaderTests.Report(SchemaVersion.Pre2019, 2014);
        new NarrativeReader().Fill(report, ["一、概述 目前，已入驻审批服务部门和单位13个，开设窗口26个，共受理申请121510件。全年共受理政府信息公开申请5件。"]);

        Assert.That(report.Claims.Where(c => c.Concept == "requests.received").Select(c => c.Value), Is.EqualTo(new decimal?[] { 5 }));
    }

    [TestCase("共受理1000件，办结数996件，办结率99.6%。", false)]
    [TestCase("共受理1000件，办结数990件，办结率99.6%。", true)]
    [TestCase("今年申请数量为224件，比2016年(435件)减少了48%。", false)]
    [TestCase("今年申请数量为224件，比2016年(435件)减少了40%。", true)]
    [TestCase("今年申请数量为224件，比2016年(435件)增加了48%。", true)]
    public void Check_PercentagesAndChanges_WithinPrintedPrecision(string sentence, bool flagged)
    {
        var findings = Check(NarrativeReaderTests.Report(), "三、依申请公开情况\n" + sentence);
        Assert.That(findings.Any(f => f.RuleId is "narrative.percentage" or "narrative.change"), Is.EqualTo(flagged));
    }

    [Test]
    public void Check_BlankFigure_WarningWithHint()
    {
        var f = Check(NarrativeReaderTests.Report(), "二、主动公开情况\n在网站上公开信息共计 条。在网站上公开信息，要闻10条，公告5条。").Single();
        Assert.That(f.RuleId, Is.EqualTo("narrative.blank-figure"));
        Assert.That(f.Expected, Is.EqualTo(15m));
        Assert.That(f.Formula, Is.EqualTo("10 + 5 = 15"));
    }

    [Test]
    public void Parse_TableComparisonAsError_IsRejected()
    {
        const string json = """{ "checks": [ { "id": "x", "kind": "figure-vs-table", "severity": "error", "title": { "zh": "a", "en": "a" }, "message": { "zh": "a", "en": "a" } } ] }""";
        Assert.That(() => NarrativeCheckSet.Parse(json), Throws.InstanceOf<DataFileLoadException>().With.Message.Contains("may not be an error"));
    }

    [Test]
    public void Parse_LexiconWithUnknownCell_IsRejected()
    {
        const string json = """{ "concepts": [ { "id": "x", "phrases": ["某某"], "cells": { "2021": ["no.such.cell"] } } ] }""";
        Assert.That(() => NarrativeLexicon.Parse(json), Throws.InstanceOf<DataFileLoadException>().With.Message.Contains("no.such.cell"));
    }

    [Test]
    public void Default_LexiconAndChecks_LoadAndCoverEveryKind()
    {
        Assert.That(NarrativeLexicon.Default.Concepts, Is.Not.Empty);
        Assert.That(NarrativeCheckSet.Default.Checks.Select(c => c.Kind).Distinct(), Is.EquivalentTo(NarrativeCheckSet.Kinds));
    }

    [Test]
    public void Lexicon_AddedConcept_IsReadWithoutCodeChanges()
    {
        const string json = """
            { "sectionScopes": { "any": ["概述"] },
              "concepts": [ { "id": "training.classes", "phrases": ["举办培训班"], "units": ["次", "期"], "scope": "any", "cells": { "pre2019": ["training.classes"] } } ] }
            """;
        var report = NarrativeReaderTests.Report();
        report.Cells[new CellId("training.classes")] = 3;
        new NarrativeReader(NarrativeLexicon.Parse(json)).Fill(report, ["一、概述", "全年举办培训班4期。"]);
        var findings = new List<Finding>();
        new NarrativeFindingSource(lexicon: NarrativeLexicon.Parse(json)).Check(report, findings);
        Assert.That(findings.Single().Formula, Is.EqualTo("4 ≠ training.classes 3"));
    }
}

/// <summary>Section and numbering checks on synthetic headings.</summary>
public class StructureFindingSourceTests
{
    private static List<Finding> Check(AnnualReport report)
    {
        var findings = new List<Finding>();
        new StructureFindingSource().Check(report, findings);
        return findings;
    }

    private static AnnualReport Format2021(params (string? Numeral, string Title)[] headings)
    {
        var r = NarrativeReaderTests.Report(SchemaVersion.Format2021, 2024);
        var line = 1;
        foreach (var (n, t) in headings)
        {
            r.Sections.Add(new Model.ReportSection(n, t, line += 10));
        }

        return r;
    }

    private static readonly (string?, string)[] Six =
    [
        ("一", "一、总体情况"), ("二", "二、主动公开政府信息情况"), ("三", "三、收到和处理政府信息公开申请情况"),
        ("四", "四、政府信息公开行政复议、行政诉讼情况"), ("五", "五、存在的主要问题及改进情况"), ("六", "六、其他需要报告的事项"),
    ];

    [Test]
    public void Check_AllSixSections_NoFinding() => Assert.That(Check(Format2021(Six)), Is.Empty);

    [Test]
    public void Check_SectionAndItsTableMissing_Error()
    {
        var f = Check(Format2021([.. Six.Where(s => s.Item1 != "四")])).Single();
        Assert.That((f.RuleId, f.Severity), Is.EqualTo(("structure.section.missing", Severity.Error)));
        Assert.That(f.Line, Is.EqualTo(41)); // the heading after the gap
    }

    [Test]
    public void Check_HeadingMissingButTablePresent_Warning()
    {
        var r = Format2021([.. Six.Where(s => s.Item1 != "四")]);
        r.Cells[new CellId("review[total]")] = 0;
        var f = Check(r).Single();
        Assert.That((f.RuleId, f.Severity), Is.EqualTo(("structure.section.heading-missing", Severity.Warning)));
    }

    [Test]
    public void Check_HeadingLostNumeral_Info()
    {
        var f = Check(Format2021([Six[0], (null, "、主动公开政府信息情况"), .. Six[2..]])).Single();
        Assert.That((f.RuleId, f.Severity, f.Arguments["numeral"]), Is.EqualTo(("structure.heading.numeral-missing", Severity.Info, "二")));
    }

    [Test]
    public void Check_NumberingRestarts_Warning()
    {
        var f = Check(Format2021([.. Six, ("一", "一、附表说明")])).Single();
        Assert.That((f.RuleId, f.Severity), Is.EqualTo(("structure.numbering.restart", Severity.Warning)));
    }

    [Test]
    public void Check_Pre2019NumberingSkips_Warning()
    {
        var r = NarrativeReaderTests.Report();
        r.Sections.Add(new Model.ReportSection("一", "一、概述", 1));
        r.Sections.Add(new Model.ReportSection("三", "三、依申请公开情况", 5));
        Assert.That(Check(r).Single().RuleId, Is.EqualTo("structure.numbering.skip"));
    }
}

public class CellExpressionTests
{
    private static readonly ReportSchema Schema = SchemaCatalog.Get(SchemaVersion.Format2021);

    [Test]
    public void Evaluate_SumWithCellNotRead_IsNull()
    {
        var r = NarrativeReaderTests.Report(SchemaVersion.Format2021, 2024);
        r.Cells[new CellId("result.granted[total]")] = 206;
        var e = CellExpression.Parse("result.granted[total] + result.partial[total]", Schema, "test");
        Assert.That(e.Evaluate(r), Is.Null);
        r.Cells[new CellId("result.partial[total]")] = CellValue.Blank;
        Assert.That(e.Evaluate(r), Is.EqualTo(206m));
    }

    [Test]
    public void Parse_Wildcard_SumsEveryCellUnderTheRow()
    {
        var e = CellExpression.Parse("result.withheld.*[total]", Schema, "test");
        Assert.That(e.AllCells.Count(), Is.EqualTo(8));
    }
}
