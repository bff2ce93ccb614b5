using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>
/// The narrative and structure findings on the real texts (../shared/seeds, ../shared/corpus), as EXPECTED.md and
/// INDEX.md state them. Table cells and headings are the hand-read ones of tests/data/extraction; the claims are read
/// from the text by the narrative reader; the whole checker (core table rules included) runs.
/// </summary>
public class RealReportNarrativeTests
{
    private static IReadOnlyList<Finding> Narrative(IReadOnlyList<Finding> findings) =>
        findings.Where(f => f.RuleId.StartsWith("narrative.", StringComparison.Ordinal) || f.RuleId.StartsWith("structure.", StringComparison.Ordinal)).ToList();

    [Test]
    public void Seed002_Narrative793_WarnsAndPointsAtWebsiteChannel()
    {
        var (report, findings) = NarrativeRun.Check("seeds/002_e99a8cc1a0651ffc.txt", "江北区审管办", 2017, SchemaVersion.Pre2019);
        var f = Narrative(findings).Where(x => x.Severity >= Severity.Warning).Single();
        Assert.That((f.RuleId, f.Severity, f.Line, f.Actual, f.Expected), Is.EqualTo(("narrative.figure.table", Severity.Warning, (int?)26, (decimal?)793m, (decimal?)803m)));
        Assert.That(f.Suspect?.Cell, Is.EqualTo(new CellId("active.channels.website")));
        Assert.That(f.Message.En, Does.Contain("active.channels.website"));
        Assert.That(findings.Where(x => x.Severity == Severity.Error), Is.Empty);

        // 办结数44868 / 受理45048 = 99.6% is read and holds; its 其中 list sums to 793 and holds; 未收到申请 agrees with 0.
        var pct = report.Claims.Single(c => c.Kind == ClaimKind.Percentage);
        Assert.That((pct.Value, pct.Parts[0].Value, pct.Parts[1].Value), Is.EqualTo(((decimal?)99.6m, (decimal?)44868m, (decimal?)45048m)));
        Assert.That(report.Claims.Single(c => c.Kind == ClaimKind.Enumeration).Parts.Sum(p => p.Value), Is.EqualTo(793m));
        Assert.That(report.Claims.Any(c => c.Kind == ClaimKind.Statement && c.Concept == "requests.received"), Is.True);
    }

    [Test]
    public void Seed003_WebsiteFigureAndChannelList_WarnAndAgreeingFiguresDoNot()
    {
        var (report, findings) = NarrativeRun.Check("seeds/003_1a63cabe0a2d3b9a.txt", "桐乡市人民政府", 2017, SchemaVersion.Pre2019);
        var warnings = Narrative(findings).Where(x => x.Severity >= Severity.Warning).OrderBy(x => x.RuleId).ToList();
        Assert.That(warnings.Select(x => (x.RuleId, x.Line, x.Actual, x.Expected)), Is.EqualTo(new[]
        {
            ("narrative.channels.cover", (int?)12, (decimal?)14271m, (decimal?)20160m),
            ("narrative.figure.table", (int?)12, (decimal?)6767m, (decimal?)12760m),
        }));

        // The agreeing figures were read and compared (224, 18/131/75, 办结 224, replies, 复议 10 = 5+1+4, 诉讼 5), none flagged.
        var compared = report.Claims.Where(c => c.Kind == ClaimKind.Figure && c.Cell is not null).Select(c => c.Concept).ToHashSet();
        Assert.That(compared, Is.SupersetOf(new[]
        {
            "requests.received", "requests.received.in_person", "requests.received.online", "requests.received.letter", "requests.completed",
            "requests.replies.already_public", "result.granted", "result.partial", "result.withheld", "requests.replies.not_exist",
            "review.total", "review.upheld", "review.corrected", "review.other", "litigation.total", "active.total",
        }));

        // 比2016年(435件)减少了48% and 93495 / 103653 = 90.2% are read and hold.
        var change = report.Claims.Single(c => c.Kind == ClaimKind.Change);
        Assert.That((change.Value, change.ReferenceYear), Is.EqualTo(((decimal?)-48m, (int?)2016)));
        Assert.That(report.Claims.Any(c => c.Kind == ClaimKind.Percentage && c.Value == 90.2m), Is.True);
        Assert.That(findings.Where(x => x.RuleId is "narrative.change" or "narrative.percentage"), Is.Empty);

        // The second heading lost its numeral (info).
        Assert.That(findings.Single(x => x.RuleId == "structure.heading.numeral-missing").Line, Is.EqualTo(10));
    }

    [Test]
    public void Seed004_PenaltyFigure_WarnsAndSectionFourMissing_Errors()
    {
        var (report, findings) = NarrativeRun.Check("seeds/004_4624beab2357406a.txt", "桐乡市综合行政执法局", 2020, SchemaVersion.Format2019);
        var narrative = Narrative(findings);
        var penalty = narrative.Single(x => x.RuleId == "narrative.figure.table");
        Assert.That((penalty.Line, penalty.Actual), Is.EqualTo(((int?)11, (decimal?)2492m)));
        Assert.That(penalty.Cells.Select(c => (c.Id.Value, c.Value)), Is.EquivalentTo(new[]
        {
            ("art20_6.penalty[decisions]", (decimal?)3107m), ("art20_6.penalty[change]", (decimal?)2128m),
        }));
        var missing = narrative.Single(x => x.RuleId == "structure.section.missing");
        Assert.That((missing.Severity, missing.Instance), Is.EqualTo((Severity.Error, "review")));

        // 8475 = 2+5869+2492+5+17+90 holds; 规范性文件 2, 行政许可 5869 and 收到申请 2 were compared and agree.
        var e = report.Claims.First(c => c.Kind == ClaimKind.Enumeration && c.Value == 8475m);
        Assert.That(e.Parts.Sum(p => p.Value), Is.EqualTo(8475m));
        Assert.That(report.Claims.Where(c => c.Kind == ClaimKind.Figure && c.Cell is not null).Select(c => c.Concept),
            Is.SupersetOf(new[] { "active.normative_docs", "licensing", "requests.received" }));
        Assert.That(narrative.Where(x => x.Severity >= Severity.Warning).Select(x => x.RuleId), Is.EquivalentTo(new[] { "narrative.figure.table", "structure.section.missing" }));
    }

    [Test]
    public void Seed001_BlankFigure_WarnsOnLine24WithHint493()
    {
        var (_, findings) = NarrativeRun.Check("seeds/001_16354070a9c40620.txt", "台州市人民政府行政服务中心", 2017, SchemaVersion.Pre2019);
        var f = Narrative(findings).Single(x => x.Severity >= Severity.Warning);
        Assert.That((f.RuleId, f.Line, f.Expected), Is.EqualTo(("narrative.blank-figure", (int?)24, (decimal?)493m)));
        Assert.That(f.Formula, Is.EqualTo("133 + 118 + 59 + 33 + 127 + 23 = 493"));
        Assert.That(findings.Any(x => x.RuleId == "pre2019.table.missing" && x.Severity == Severity.Warning), Is.True);
    }

    [Test]
    public void Seed000_Enumeration39_Holds()
    {
        var (report, findings) = NarrativeRun.Check("seeds/000_de0a7de45780bd08.txt", "桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019);
        var e = report.Claims.Single(c => c.Kind == ClaimKind.Enumeration);
        Assert.That((e.Value, e.Parts.Count, e.Parts.Sum(p => p.Value)), Is.EqualTo(((decimal?)39m, 7, (decimal?)39m)));
        Assert.That(Narrative(findings), Is.Empty);
    }

    [Test]
    public void StcsmCorpus_AllCompletedWhileOneCarriedForward_WarnsAndNumberingRestarts()
    {
        var (_, findings) = NarrativeRun.Check("corpus/shanghai_stcsm_2024.txt", "上海市科委", 2024, SchemaVersion.Format2021);
        var statement = findings.Single(x => x.RuleId == "narrative.statement.table");
        Assert.That((statement.Severity, statement.Line, statement.Actual), Is.EqualTo((Severity.Warning, (int?)43, (decimal?)1m)));
        Assert.That(statement.Message.Zh, Does.Contain("第 45 行"));
        Assert.That(findings.Single(x => x.RuleId == "structure.numbering.restart").Line, Is.EqualTo(73));
    }

    [Test]
    public void HuaianCorpus_NarrativeAgrees_NoErrorOrWarning()
    {
        var (report, findings) = NarrativeRun.Check("corpus/huaian_city_2024.txt", "淮安市人民政府", 2024, SchemaVersion.Format2021);
        Assert.That(findings.Where(x => x.Severity >= Severity.Warning), Is.Empty);

        // 46 suits = 25+5+9+7 and 351 reviews = 72+64+178+37 were read and compared with the table.
        Assert.That(report.Claims.Where(c => c.Kind == ClaimKind.Enumeration).Select(c => c.Value), Is.EquivalentTo(new decimal?[] { 351, 46 }));
        Assert.That(report.Claims.Count(c => c.Kind == ClaimKind.Figure && c.Concept is not null), Is.GreaterThanOrEqualTo(12));
    }

    [Test]
    public void GovofficeCorpus_GroupFiguresAndPercentages_Agree()
    {
        var (report, findings) = NarrativeRun.Check("corpus/shanghai_govoffice_2025.txt", "上海市人民政府办公厅", 2025, SchemaVersion.Format2021);
        Assert.That(findings.Where(x => x.RuleId.StartsWith("narrative.", StringComparison.Ordinal)), Is.Empty);
        Assert.That(report.Claims.Count(c => c.Kind == ClaimKind.Percentage), Is.EqualTo(5));
        Assert.That(report.Claims.Single(c => c.Kind == ClaimKind.Enumeration).Parts.Sum(p => p.Value), Is.EqualTo(1191m));
    }
}
