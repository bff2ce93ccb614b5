using GovStatsValidation.CrossReport.Facts;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;
using static GovStatsValidation.CrossReport.Tests.TestSupport;

namespace GovStatsValidation.CrossReport.Tests.Facts;

[TestFixture]
public sealed class SharedFactsTests
{
    // The public-resource trading sentence as both 桐乡 reports print it (seed 000 / 003), with the city's figure to vary.
    private static string Trading(int landNotices) =>
        $"在桐乡市公共资源交易中心网站发布了公共资源建设工程招标公告245件、中标公告238件、交易结果公告233件；政府采购公告117件、中标公告162件；土地交易公告{landNotices}件、交易结果公告67件。";

    private static List<CrossReportFinding> CheckTexts(string departmentText, string cityText)
    {
        var department = Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019);
        var city = Report("桐乡市人民政府", 2017, SchemaVersion.Pre2019);
        var checker = new CrossReportChecker(new CrossReportOptions { TextProvider = r => r == department ? departmentText : r == city ? cityText : null });
        return checker.Check([department, city]).Rule(SharedFacts.RuleId);
    }

    [Test]
    public void Check_SharedFactsAgree_GivesOneInfoAndNoWarning()
    {
        var findings = CheckTexts(Trading(70), Trading(70));

        var info = findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(info.Finding.Severity, Is.EqualTo(Severity.Info));
            Assert.That(info.Finding.Passed, Is.True);
            Assert.That(info.Finding.Message.En, Does.StartWith("7 fact(s)"));
            Assert.That(info.Subject.Agency, Is.EqualTo("桐乡市行政审批服务中心"));
            Assert.That(info.Finding.RelatedSources, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Check_SharedFactDisagrees_GivesExactlyOneWarningForThatFact()
    {
        var findings = CheckTexts(Trading(70), Trading(71));

        var warning = findings.Where(f => f.Finding.Severity == Severity.Warning).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(warning, Has.Count.EqualTo(1));
            Assert.That(warning[0].Finding.Instance, Is.EqualTo("fact=土地交易公告件"));
            Assert.That(warning[0].Finding.Actual, Is.EqualTo(70));
            Assert.That(warning[0].Finding.Expected, Is.EqualTo(71));
            Assert.That(findings.Single(f => f.Finding.Severity == Severity.Info).Finding.Message.En, Does.StartWith("6 fact(s)"));
        });
    }

    [Test]
    public void Pair_SameNumberDifferentLabel_IsNotPaired()
    {
        var a = FactExtractor.BuiltIn.Extract("发布土地交易公告70件、交易结果公告67件。", 2017);
        var b = FactExtractor.BuiltIn.Extract("发布土地出让公告70个、土地成交结果公示67个。", 2017);

        Assert.That(SharedFacts.Pair(a, b), Is.Empty);
    }

    [Test]
    public void Pair_RepeatedLabel_PairsByItsList()
    {
        var a = FactExtractor.BuiltIn.Extract("产权交易公告7件、交易结果公告6件；土地交易公告70件、交易结果公告67件。", 2017);
        var b = FactExtractor.BuiltIn.Extract("土地交易公告70件、交易结果公告67件；产权交易公告7件、交易结果公告6件。", 2017);

        var pairs = SharedFacts.Pair(a, b);

        Assert.That(pairs.Select(p => (p.First.Display, p.Second.Display, p.Agrees)), Is.EquivalentTo(new[]
        {
            ("产权交易公告7件", "产权交易公告7件", true), ("交易结果公告6件", "交易结果公告6件", true),
            ("土地交易公告70件", "土地交易公告70件", true), ("交易结果公告67件", "交易结果公告67件", true),
        }));
    }

    [Test]
    public void Extract_DifferentPeriodOrApproximate_NotComparable()
    {
        var facts = FactExtractor.BuiltIn.Extract("今年申请数量为224件，比2016年(435件)减少了48%。发布重点建设项目文件70余条。", 2017);

        Assert.Multiple(() =>
        {
            Assert.That(facts.Single(f => f.Value == 224).Period, Is.EqualTo(2017));
            Assert.That(facts.Any(f => f.Value == 435), Is.False, "a bare figure in brackets has no label");
            Assert.That(facts.Any(f => f.Value == 70), Is.False, "70余条 is approximate");
        });
    }

    [Test]
    public void Check_Seeds000And003_ReportSharedFactsAgreeingAndDoNotPairLandSaleWithLandTrading()
    {
        var department = Report("桐乡市行政审批服务中心", 2017, SchemaVersion.Pre2019);
        department.Source = Shared("seeds/000_de0a7de45780bd08.txt");
        var city = Report("桐乡市人民政府", 2017, SchemaVersion.Pre2019);
        city.Source = Shared("seeds/003_1a63cabe0a2d3b9a.txt");

        var findings = new CrossReportChecker(new CrossReportOptions { TextProvider = ReportText.FromSource }).Check([department, city]).Rule(SharedFacts.RuleId);
        var facts003 = FactExtractor.BuiltIn.Extract(ReportText.FromSource(city)!, 2017);
        var pairs = SharedFacts.Pair(FactExtractor.BuiltIn.Extract(ReportText.FromSource(department)!, 2017), facts003);

        var info = findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(info.Finding.Severity, Is.EqualTo(Severity.Info));
            foreach (var fact in new[] { "部门38个", "本地保留权力事项3650项", "共性权力事项0项", "审核转报64项", "取消和调整行政权力事项9648项", "相关部门的责任清单33个" })
            {
                Assert.That(info.Finding.Message.Zh, Does.Contain(fact));
            }

            Assert.That(pairs.Where(p => p.First.Unit == "件").Select(p => p.First.Value).Order(),
                Is.EqualTo(new decimal[] { 6, 7, 67, 70, 117, 162, 233, 238, 245, 1011, 1488 }), "the public-resource trading counts");
            Assert.That(pairs.All(p => p.Agrees), Is.True);
            Assert.That(facts003.Select(f => f.Label), Does.Contain("土地出让公告"), "003's land-sale notices are read");
            Assert.That(pairs.Any(p => p.First.Label.Contains("出让", StringComparison.Ordinal) || p.Second.Label.Contains("出让", StringComparison.Ordinal)), Is.False);
            Assert.That(info.Sources.Select(s => s.Source), Is.EqualTo(new[] { department.Source, city.Source }));
        });
    }
}
