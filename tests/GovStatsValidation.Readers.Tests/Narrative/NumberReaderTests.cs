using GovStatsValidation.Readers.Narrative;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

public class NumberReaderTests
{
    [TestCase("三十八", 38)]
    [TestCase("两千", 2000)]
    [TestCase("一万二千", 12000)]
    [TestCase("十", 10)]
    [TestCase("十五", 15)]
    [TestCase("一百零五", 105)]
    [TestCase("三亿", 300_000_000)]
    public void TryChinese_Numeral_ReadsValue(string text, int expected)
    {
        Assert.That(NumberReader.TryChinese(text, out var value, out _), Is.True);
        Assert.That(value, Is.EqualTo((decimal)expected));
    }

    [TestCase("共计536万条", 5_360_000, 10_000)]
    [TestCase("共1.03万人次", 10_300, 100)]
    [TestCase("共12,345件", 12_345, 1)]
    [TestCase("办结率99.6%", 99.6, 0.1)]
    [TestCase("收到申请三十八件", 38, 1)]
    public void Tokens_NumberWithUnit_ReadsValueAndPrecision(string text, decimal value, decimal precision)
    {
        var token = NumberReader.Tokens(text).Single();
        Assert.That(token.Value, Is.EqualTo(value));
        Assert.That(token.Precision, Is.EqualTo(precision));
    }

    [TestCase("约120条", "约")]
    [TestCase("近万份", "近")]
    [TestCase("5500余条", "余")]
    [TestCase("100多条", "多")]
    [TestCase("超过300条", "超过")]
    public void Tokens_Hedged_KeepsHedge(string text, string hedge) =>
        Assert.That(NumberReader.Tokens(text).Single().Hedge, Is.EqualTo(hedge));

    [TestCase("2017年1月1日至12月31日")]
    [TestCase("桐政办发〔2017〕52号")]
    [TestCase("推进“最多跑一次”改革")]
    [TestCase("一是加强机制建设")]
    public void Tokens_DatesNumbersAndIdioms_AreNotCounts(string text) =>
        Assert.That(NumberReader.Tokens(text).Where(t => t.IsCount), Is.Empty);
}

public class FigureIntervalTests
{
    [TestCase(48, 1, 47.5, true)]
    [TestCase(48, 1, 48.5057, true)] // truncated to the printed precision (003: (435-224)/435)
    [TestCase(48, 1, 47.49, false)]
    [TestCase(48, 1, 49, false)]
    [TestCase(99.6, 0.1, 99.6004, true)]
    [TestCase(99.6, 0.1, 99.55, true)]
    [TestCase(99.6, 0.1, 99.54, false)]
    [TestCase(99.6, 0.1, 99.7, false)]
    [TestCase(793, 1, 793, true)]
    [TestCase(793, 1, 794, false)]
    public void For_PrintedPrecision_BoundsValue(decimal printed, decimal precision, decimal actual, bool contained) =>
        Assert.That(FigureInterval.For(printed, precision, null).Contains(actual), Is.EqualTo(contained));

    [TestCase("近", 10000, 9500, true)]
    [TestCase("近", 10000, 10000, false)]
    [TestCase("超过", 300, 301, true)]
    [TestCase("超过", 300, 300, false)]
    [TestCase("余", 400, 450, true)]
    [TestCase("余", 400, 500, false)]
    [TestCase("余", 5500, 5550, true)]
    [TestCase("余", 5500, 5600, false)]
    [TestCase("约", 120, 130, true)]
    [TestCase("约", 120, 140, false)]
    public void For_Hedge_WidensOrBounds(string hedge, decimal printed, decimal actual, bool contained) =>
        Assert.That(FigureInterval.For(printed, 1, hedge).Contains(actual), Is.EqualTo(contained));
}
