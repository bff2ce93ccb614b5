using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Checking;

/// <summary>The suspect analysis of a failed identity points at the cell that is most likely wrong.</summary>
[TestFixture]
public sealed class FindingBuilderTests
{
    // Clean pre2019: requests.received 157 = in_person 41 + fax 2 + online 89 + letter 25.
    // The per-finding analysis of FindingBuilder, without the report-level localization that replaces it in a normal check.
    private static readonly ReportChecker PerFinding = new(new GovStatsValidationOptions { Localize = false });

    private static Suspect? SuspectOf(ReportBuilder builder, string ruleId = "pre2019.parts-sum", string instance = "row=requests.received") =>
        PerFinding.Findings(builder.Build(), ruleId).Single(f => f.Instance == instance).Suspect;

    [Test]
    public void FindSuspect_OneDigitTypoInPart_PointsAtPartWithCorrectedValue()
    {
        var suspect = SuspectOf(ReportBuilder.CleanPre2019().Set("requests.received.online", 80));
        Assert.Multiple(() =>
        {
            Assert.That(suspect?.Cell.Value, Is.EqualTo("requests.received.online"));
            Assert.That(suspect?.CorrectedValue, Is.EqualTo(89));
            Assert.That(suspect?.Reason.En, Does.Contain("one digit away"));
        });
    }

    [Test]
    public void FindSuspect_SwappedDigitsInPart_PointsAtPart()
    {
        var suspect = SuspectOf(ReportBuilder.CleanPre2019().Set("requests.received.online", 98));
        Assert.Multiple(() =>
        {
            Assert.That(suspect?.Cell.Value, Is.EqualTo("requests.received.online"));
            Assert.That(suspect?.CorrectedValue, Is.EqualTo(89));
        });
    }

    [Test]
    public void FindSuspect_SwappedDigitsInTotal_PointsAtTotal()
    {
        var suspect = SuspectOf(ReportBuilder.CleanPre2019().Set("requests.received", 175));
        Assert.Multiple(() =>
        {
            Assert.That(suspect?.Cell.Value, Is.EqualTo("requests.received"));
            Assert.That(suspect?.CorrectedValue, Is.EqualTo(157));
        });
    }

    [Test]
    public void FindSuspect_TotalEqualsAPart_PointsAtTotal()
    {
        var suspect = SuspectOf(ReportBuilder.CleanPre2019().Set("requests.received", 89));
        Assert.Multiple(() =>
        {
            Assert.That(suspect?.Cell.Value, Is.EqualTo("requests.received"));
            Assert.That(suspect?.CorrectedValue, Is.EqualTo(157));
            Assert.That(suspect?.Reason.En, Is.EqualTo("the total equals one of its parts (requests.received.online): a part was probably entered as the total"));
        });
    }

    [Test]
    public void FindSuspect_NoTypoPattern_PointsAtTotalWithDifference()
    {
        var suspect = SuspectOf(ReportBuilder.CleanPre2019().Set("requests.received", 300));
        Assert.Multiple(() =>
        {
            Assert.That(suspect?.Cell.Value, Is.EqualTo("requests.received"));
            Assert.That(suspect?.Reason.En, Is.EqualTo("the total differs from its parts by 143"));
        });
    }

    [Test]
    public void FindSuspect_RuleNamesSuspect_UsesIt()
    {
        var suspect = SuspectOf(ReportBuilder.Clean2021().Blank("result.total[org.commercial]"), "2021.applications.result-total-blank", "col=org.commercial");
        Assert.That(suspect?.Cell.Value, Is.EqualTo("result.total[org.commercial]"));
    }

    [Test]
    public void FindSuspect_InequalityWithoutNamedSuspect_None()
    {
        var suspect = SuspectOf(ReportBuilder.CleanPre2019().Set("response.press_conf_leaders", 15), "pre2019.of-which", "pair=response.press_conf_leaders <= response.press_conf");
        Assert.That(suspect, Is.Null);
    }

    [TestCase(89, 98, true)]
    [TestCase(89, 80, true)]
    [TestCase(89, 189, true)]
    [TestCase(157, 57, true)]
    [TestCase(157, 175, true)]
    [TestCase(157, 166, false)]
    [TestCase(157, 157, false)]
    [TestCase(7, 1, true)]
    [TestCase(2, 11, false)]
    [TestCase(1234, 2134, true)]
    [TestCase(1234, 4231, false)]
    public void IsTypo_Pairs_OneSlipOnly(long a, long b, bool expected)
    {
        Assert.That(GovStatsValidation.Checking.FindingBuilder.IsTypo(a, b), Is.EqualTo(expected));
    }
}
