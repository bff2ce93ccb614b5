using GovStatsValidation.CrossReport.Agencies;
using GovStatsValidation.Model;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests.Agencies;

[TestFixture]
public sealed class AgencyResolverTests
{
    private static readonly AgencyResolver Resolver = new();

    [TestCase("桐乡市行政审批服务中心", "桐乡市", "桐乡|行政审批服务中心", AgencyLevel.Office)]
    [TestCase("桐乡市综合行政执法局", "桐乡市", "桐乡|综合行政执法局", AgencyLevel.Department)]
    [TestCase("上海市科学技术委员会", "上海市", "上海|科学技术委员会", AgencyLevel.Department)]
    [TestCase("桐乡市住房和城乡建设局", "桐乡市", "桐乡|住房和城乡建设局", AgencyLevel.Department)]
    [TestCase("桐乡市市场监督管理局", "桐乡市", "桐乡|市场监督管理局", AgencyLevel.Department)]
    [TestCase("江北区审管办（行政服务中心）", "江北区", "江北|行政审批服务管理办公室", AgencyLevel.Department)]
    [TestCase("上海市人民政府办公厅", "上海市", "上海|人民政府办公厅", AgencyLevel.Department)]
    public void Identify_Department_BelongsToThePlaceInItsName(string name, string jurisdiction, string key, AgencyLevel level)
    {
        var identity = Resolver.Identify(new Agency(name));

        Assert.Multiple(() =>
        {
            Assert.That(identity.Jurisdiction, Is.EqualTo(jurisdiction));
            Assert.That(identity.Key, Is.EqualTo(key));
            Assert.That(identity.Level, Is.EqualTo(level));
            Assert.That(identity.IsGovernment, Is.False);
        });
    }

    [TestCase("桐乡市人民政府")]
    [TestCase("桐乡市政府")]
    [TestCase("浙江省桐乡市人民政府")]
    [TestCase(" 桐乡市 人民政府 ")]
    public void Identify_GovernmentSpellings_GiveOneKey(string name)
    {
        var identity = Resolver.Identify(new Agency(name));

        Assert.Multiple(() =>
        {
            Assert.That(identity.Key, Is.EqualTo("桐乡|人民政府"));
            Assert.That(identity.IsGovernment, Is.True);
            Assert.That(identity.JurisdictionKey, Is.EqualTo("桐乡"));
        });
    }

    [Test]
    public void Identify_GovernmentInsideProvince_KnowsTheHigherJurisdiction()
    {
        Assert.That(Resolver.Identify(new Agency("浙江省桐乡市人民政府")).HigherJurisdiction, Is.EqualTo("浙江省"));
        Assert.That(Resolver.Identify(new Agency("桐乡市人民政府", AgencyLevel.County, "嘉兴市")).HigherJurisdiction, Is.EqualTo("嘉兴市"));
    }

    [Test]
    public void Identify_ShortAndFullBodyNames_GiveOneKey()
    {
        Assert.That(Resolver.Identify(new Agency("桐乡市审批中心")).Key, Is.EqualTo(Resolver.Identify(new Agency("桐乡市行政审批服务中心")).Key));
        Assert.That(Resolver.Identify(new Agency("桐乡市执法局")).Key, Is.EqualTo(Resolver.Identify(new Agency("桐乡市综合行政执法局")).Key));
    }

    [Test]
    public void Identify_BareCityPrefix_TakesJurisdictionFromReportOrMapping()
    {
        var fromReport = Resolver.Identify(new Agency("市行政审批服务中心", AgencyLevel.Unknown, "桐乡市"));
        var fromMap = new AgencyResolver(AgencyMap.Parse("""{"agencies": {"市行政审批服务中心": {"jurisdiction": "桐乡市"}}}""")).Identify(new Agency("市行政审批服务中心"));
        var unknown = Resolver.Identify(new Agency("市行政审批服务中心"));

        Assert.Multiple(() =>
        {
            Assert.That(fromReport.Key, Is.EqualTo("桐乡|行政审批服务中心"));
            Assert.That(fromMap.Key, Is.EqualTo("桐乡|行政审批服务中心"));
            Assert.That(unknown.Jurisdiction, Is.Null);
            Assert.That(unknown.JurisdictionKey, Does.StartWith("?"));
        });
    }

    [Test]
    public void Identify_RenamedBodyInAliasFile_GroupsWithItsNewName()
    {
        var resolver = new AgencyResolver(AgencyMap.Parse("""{"aliases": {"桐乡市行政审批服务中心": "桐乡市行政审批局"}}"""));

        var old = resolver.Identify(new Agency("桐乡市行政审批服务中心"));

        Assert.That(old.Key, Is.EqualTo(resolver.Identify(new Agency("桐乡市行政审批局")).Key));
        Assert.That(old.Notes, Has.Some.Contains("alias"));
    }

    [Test]
    public void Parse_UnknownLevelAndProperty_ListsEveryProblem()
    {
        var e = Assert.Throws<DataFileLoadException>(() => AgencyMap.Parse("""{"agencies": {"x": {"level": "city"}}, "agencys": {}}"""));

        Assert.That(e!.Message, Does.Contain("unknown level 'city'").And.Contain("unknown property 'agencys'"));
        Assert.That(e.Problems.Select(p => p.Item), Is.EqualTo(new[] { null, "x" }).Or.EqualTo(new[] { "x", null }));
    }
}
