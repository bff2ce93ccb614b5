using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>Claim extraction on small synthetic texts (written for these tests).</summary>
public class NarrativeReaderTests
{
    internal static AnnualReport Report(SchemaVersion schema = SchemaVersion.Pre2019, int year = 2017) =>
        new() { Agency = new Agency("某某局"), Year = year, Schema = schema };

    internal static IReadOnlyList<NarrativeClaim> Read(string text, SchemaVersion schema = SchemaVersion.Pre2019, int year = 2017) =>
        new NarrativeReader().Read(text.Split('\n'), Report(schema, year));

    [Test]
    public void Read_FigureAfterLexiconPhrase_MapsToCell()
    {
        var claims = Read("二、主动公开政府信息情况\n本年度主动公开政府信息120条。");
        var figure = claims.Single(c => c.Kind == ClaimKind.Figure);
        Assert.That(figure.Concept, Is.EqualTo("active.total"));
        Assert.That(figure.Cell, Is.EqualTo(new CellId("active.total")));
        Assert.That(figure.Value, Is.EqualTo(120m));
        Assert.That(figure.Unit, Is.EqualTo("条"));
        Assert.That(figure.Text, Is.EqualTo("主动公开政府信息120条"));
        Assert.That(figure.Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void Read_PartsGivenWithTheirShareOfTheFigureJustStated_OnlyTheWholeIsAFigure()
    {
        var claims = Read("二、主动公开政府信息情况\n2014年主动公开政府信息2543条。其中，区直各部门主动公开政府信息1687条，占66%。各乡镇主动公开政府信息856条，占34%。");

        Assert.That(claims.Where(c => c.Kind == ClaimKind.Figure && c.Concept == "active.total").Select(c => c.Value), Is.EqualTo(new decimal?[] { 2543 }));
    }

    [Test]
    public void Read_FigureGivenWithItsShareOfAnotherConcept_StillItsOwnFigure()
    {
        // 42 is 51.85% of the 81 requests handled, and is itself the count of requests granted.
        var claims = Read("三、依申请公开情况\n全年共收到政府信息公开申请81件。予以公开42件，占51.85%。", SchemaVersion.Format2021, 2023);

        Assert.That(claims.Where(c => c.Kind == ClaimKind.Figure).Select(c => c.Value), Does.Contain(42m).And.Contain(81m));
    }

    [Test]
    public void Read_ChineseNumeral_IsRead()
    {
        var figure = Read("三、依申请公开情况\n全年共收到政府信息公开申请三十八件。").Single(c => c.Kind == ClaimKind.Figure);
        Assert.That(figure.Concept, Is.EqualTo("requests.received"));
        Assert.That(figure.Value, Is.EqualTo(38m));
    }

    [Test]
    public void Read_FigureWrappedOverLines_KeepsFirstLine()
    {
        var figure = Read("三、依申请公开情况\n全年共收到政府信息公开申\n请 38 件，均已答复。").Single(c => c.Concept == "requests.received");
        Assert.That(figure.Value, Is.EqualTo(38m));
        Assert.That(figure.Location.Line, Is.EqualTo(2));
    }

    [Test]
    public void Read_FigureOutsideItsSection_IsNotMapped()
    {
        var claims = Read("一、重点领域信息公开\n通过微博发布信息88条。\n二、主动公开情况\n通过政务微博发布信息90条。");
        Assert.That(claims.Where(c => c.Kind == ClaimKind.Figure).Select(c => c.Value), Is.EqualTo(new decimal?[] { 90 }));
    }

    [Test]
    public void Read_OtherScope_IsNotRead()
    {
        // formats.md §5 X4: filings of other bodies are a different scope.
        var claims = Read("四、行政复议、行政诉讼情况\n全年备案下级机关行政复议案件134件。", SchemaVersion.Format2021, 2024);
        Assert.That(claims, Is.Empty);
    }

    [Test]
    public void Read_CountOfAList_IsNotTheItem()
    {
        var claims = Read("一、总体情况\n刊登市政府规章、行政规范性文件等243件。", SchemaVersion.Format2021, 2024);
        Assert.That(claims.Where(c => c.Concept == "active.normative_docs"), Is.Empty);
    }

    [Test]
    public void Read_SharedPhrase_TakesConceptFromContext()
    {
        var claims = Read("四、行政复议、行政诉讼情况\n行政复议3件，其中维持2件，纠错1件；行政诉讼4件，其中维持3件，纠错1件。", SchemaVersion.Format2021, 2024);
        var upheld = claims.Where(c => c.Kind == ClaimKind.Figure && c.Text.Contains("维持")).Select(c => (c.Concept, c.Value)).ToList();
        Assert.That(upheld, Is.EqualTo(new[] { ("review.upheld", (decimal?)2m), ("litigation.upheld", (decimal?)3m) }));
    }

    [Test]
    public void Read_Enumeration_HasTotalAndParts()
    {
        var e = Read("二、主动公开情况\n主动公开政府信息39条，其中机构概况1条，政策文件3条，工作信息35条；另有其他信息5条。")
            .Single(c => c.Kind == ClaimKind.Enumeration);
        Assert.That(e.Value, Is.EqualTo(39m));
        Assert.That(e.Parts.Select(p => p.Value), Is.EqualTo(new decimal?[] { 1, 3, 35 }));
    }

    [Test]
    public void Read_EnumerationWithOtherUnits_IsNotAnEnumeration()
    {
        var claims = Read("二、推进改革\n事项共计738项，其中小项1371项，296个明细事项实现零跑次。");
        Assert.That(claims.Where(c => c.Kind == ClaimKind.Enumeration), Is.Empty);
    }

    [Test]
    public void Read_ChannelEnumeration_PartsCarryChannelConcepts()
    {
        var e = Read("二、主动公开情况\n全市共主动公开信息200条，其中政府网站发布150条，微博发布30条，其他20。").Single(c => c.Kind == ClaimKind.Enumeration);
        Assert.That(e.Parts.Select(p => p.Concept), Is.EqualTo(new[] { "active.channels.website", "active.channels.weibo", "active.channels.other" }));
        Assert.That(e.Parts[2].Unit, Is.EqualTo("条"));
    }

    [Test]
    public void Read_BlankFigure_HasHintFromFollowingList()
    {
        var claims = Read("二、主动公开情况\n主动在门户网站上公开信息共计  条。在门户网站上公开信息，公布要闻10条，通知公告5条，简报2期。");
        var blank = claims.Single(c => c.Kind == ClaimKind.BlankFigure);
        Assert.That(blank.Location.Line, Is.EqualTo(2));
        Assert.That(blank.Unit, Is.EqualTo("条"));
        Assert.That(blank.Parts.Select(p => p.Value), Is.EqualTo(new decimal?[] { 10, 5, 2 }));
    }

    [Test]
    public void Read_Percentage_HasNumeratorAndDenominator()
    {
        var p = Read("一、概述\n共受理45048件，办结数44868件，办结率99.6%。").Single(c => c.Kind == ClaimKind.Percentage);
        Assert.That(p.Value, Is.EqualTo(99.6m));
        Assert.That(p.Precision, Is.EqualTo(0.1m));
        Assert.That(p.Parts.Select(x => x.Value), Is.EqualTo(new decimal?[] { 44868, 45048 }));
    }

    [Test]
    public void Read_PercentageWithoutStatedFigures_IsNotAClaim()
    {
        var claims = Read("一、概述\n承办部门按时办结率99.8%，满意率95.2%。");
        Assert.That(claims.Where(c => c.Kind == ClaimKind.Percentage), Is.Empty);
    }

    [Test]
    public void Read_Change_HasEarlierYearAndSign()
    {
        var c = Read("三、依申请公开情况\n今年申请数量为224件，比 2016年(435件) 减少了48%。").Single(x => x.Kind == ClaimKind.Change);
        Assert.That(c.Value, Is.EqualTo(-48m));
        Assert.That(c.ReferenceYear, Is.EqualTo(2016));
        Assert.That(c.Parts.Select(x => x.Value), Is.EqualTo(new decimal?[] { 435, 224 }));
    }

    [Test]
    public void Read_Statements_ImplyValues()
    {
        var claims = Read("三、依申请公开情况\n本年度未收到任何形式的申请。所有申请均已办结。", SchemaVersion.Format2021, 2024);
        Assert.That(claims.Where(c => c.Kind == ClaimKind.Statement).Select(c => (c.Concept, c.Value)),
            Is.EqualTo(new[] { ("requests.received", (decimal?)0m), ("requests.carry_forward", (decimal?)0m) }));
    }

    [Test]
    public void Read_HedgedFigure_KeepsHedge()
    {
        var f = Read("一、总体情况\n主动公开各类政府信息5500余条。", SchemaVersion.Pre2019).Single(c => c.Kind == ClaimKind.Figure);
        Assert.That(f.Hedge, Is.EqualTo("余"));
    }

    [Test]
    public void Read_FigureOfAnotherYear_HasReferenceYear()
    {
        var f = Read("三、依申请公开情况\n2016年共收到政府信息公开申请435件。").Single(c => c.Kind == ClaimKind.Figure);
        Assert.That(f.ReferenceYear, Is.EqualTo(2016));
    }
}
