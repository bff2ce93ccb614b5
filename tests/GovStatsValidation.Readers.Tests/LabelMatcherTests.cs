using GovStatsValidation.Readers.Schema;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Schema;

public class LabelMatcherTests
{
    [TestCase("（一）主动公开政府信息数", "主动公开政府信息数")]
    [TestCase("  1. 属于国家秘密", "属于国家秘密")]
    [TestCase("三、本年度办理结果", "本年度办理结果")]
    [TestCase("其中：主动公开规范性文件数", "主动公开规范性文件数")]
    [TestCase("1、申请人无正当理由逾期不补正", "申请人无正当理由逾期不补正")]
    [TestCase("危及“三安全一稳定”", "危及\"三安全一稳定\"")]
    public void NormalizeLabel_Numbering_Stripped(string printed, string expected)
    {
        Assert.That(LabelMatcher.NormalizeLabel(printed), Is.EqualTo(expected));
    }

    [Test]
    public void Match_WrappedLabelWithNote_BareExact()
    {
        var m = new LabelMatcher(TestPaths.Schema("pre2019"));
        var match = m.Match("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
        Assert.That(match.Row?.Id, Is.EqualTo("active.total"));
    }

    [Test]
    public void Match_CorrectedUnderReview_ReviewByContext()
    {
        var m = new LabelMatcher(TestPaths.Schema("pre2019"));
        var upheldReview = m.Match("（一）维持具体行政行为数").Row;
        var upheldSuit = m.Match("（一）维持具体行政行为或者驳回原告诉讼请求数").Row;
        Assert.That(m.Match("（二）被依法纠错数", upheldReview).Row?.Id, Is.EqualTo("review.corrected"));
        Assert.That(m.Match("（二）被依法纠错数", upheldSuit).Row?.Id, Is.EqualTo("litigation.corrected"));
        Assert.That(m.Match("（二）被依法纠错数").Quality, Is.EqualTo(MatchQuality.Ambiguous));
    }

    [Test]
    public void Match_FragmentOfTwoLabels_Ambiguous()
    {
        var m = new LabelMatcher(TestPaths.Schema("2021"));
        Assert.That(m.Match("行政机关不再处理其政府信息公").Row, Is.Null);
        Assert.That(m.Match("逾期未按收费通知要求缴纳费用").Row?.Id, Is.EqualTo("result.other.no_fee"));
    }

    [Test]
    public void MatchColumn_Variant_ColumnId()
    {
        var table = TestPaths.Schema("2019").Tables.Single(t => t.Id == "applications");
        Assert.That(LabelMatcher.MatchColumn("社会组织", table), Is.EqualTo("org.social_welfare"));
        Assert.That(LabelMatcher.MatchColumn("总计", table), Is.EqualTo("total"));
    }
}
