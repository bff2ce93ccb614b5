using GovStatsValidation.Model;

namespace GovStatsValidation.Tests.Model;

[TestFixture]
public sealed class CellValueTests
{
    [TestCase("803", 803)]
    [TestCase("  42  ", 42)]
    [TestCase("1,234", 1234)]
    [TestCase("12,345,678", 12345678)]
    [TestCase("1,234.5", 1234.5)]
    [TestCase("59237.2449", 59237.2449)]
    [TestCase("+5869", 5869)]
    [TestCase("+ 5869", 5869)]
    [TestCase("-3", -3)]
    [TestCase("−3", -3)]
    [TestCase("－3", -3)]
    [TestCase("增5", 5)]
    [TestCase("减3", -3)]
    [TestCase("１２３", 123)]
    [TestCase("１，２３４", 1234)]
    [TestCase("5件", 5)]
    [TestCase("3 件", 3)]
    [TestCase("12.5万元", 12.5)]
    [TestCase("160条", 160)]
    [TestCase("200人", 200)]
    [TestCase("0", 0)]
    public void Parse_NumberText_ReadsNumberAndKeepsRaw(string text, decimal expected)
    {
        var value = CellValue.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(value.State, Is.EqualTo(CellState.Number));
            Assert.That(value.Number, Is.EqualTo(expected));
            Assert.That(value.Raw, Is.EqualTo(text.Trim()));
            Assert.That(value.Note, Is.Null);
        });
    }

    [TestCase("5177（含2019年3527份）", 5177, "含2019年3527份")]
    [TestCase("5177(含2019年3527份)", 5177, "含2019年3527份")]
    [TestCase("12 (其中网上 8)", 12, "其中网上 8")]
    public void Parse_AnnotatedNumber_ReadsNumberWithNote(string text, decimal number, string note)
    {
        var value = CellValue.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(value.State, Is.EqualTo(CellState.Number));
            Assert.That(value.Number, Is.EqualTo(number));
            Assert.That(value.Note, Is.EqualTo(note));
            Assert.That(value.Raw, Is.EqualTo(text));
        });
    }

    [TestCase("—")]
    [TestCase("——")]
    [TestCase("— —")]
    [TestCase("-")]
    [TestCase("－")]
    [TestCase("/")]
    [TestCase("／")]
    [TestCase("无")]
    [TestCase("不适用")]
    [TestCase("———")]
    public void Parse_Placeholder_IsPlaceholderWithRaw(string text)
    {
        var value = CellValue.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(value.State, Is.EqualTo(CellState.Placeholder));
            Assert.That(value.Number, Is.Null);
            Assert.That(value.Raw, Is.EqualTo(text));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\u3000")]
    public void Parse_EmptyText_IsBlank(string text)
    {
        Assert.That(CellValue.Parse(text).State, Is.EqualTo(CellState.Blank));
    }

    [TestCase("1234.567891", "1234.567891")]
    [TestCase("803", "803")]
    [TestCase("803.000", "803")]
    [TestCase("-3.50", "-3.5")]
    [TestCase("0.000001", "0.000001")]
    public void Format_AnyNumber_EveryDecimalNoTrailingZeroNeverRounded(string value, string expected) =>
        Assert.That(CellValue.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));

    [Test]
    public void Parse_Null_IsBlankWithoutRaw()
    {
        var value = CellValue.Parse(null);
        Assert.Multiple(() =>
        {
            Assert.That(value.State, Is.EqualTo(CellState.Blank));
            Assert.That(value.Raw, Is.Null);
        });
    }

    [TestCase("见附件")]
    [TestCase("1,23")]
    [TestCase("1,2345")]
    [TestCase(",123")]
    [TestCase("123,")]
    [TestCase("1.5.2")]
    [TestCase("12a")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("1e5")]
    [TestCase("约100")]
    public void Parse_NotANumber_IsUnreadableWithRawKept(string text)
    {
        var value = CellValue.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(value.State, Is.EqualTo(CellState.Unreadable));
            Assert.That(value.Number, Is.Null);
            Assert.That(value.Raw, Is.EqualTo(text));
        });
    }

    [Test]
    public void Parse_WithLocation_KeepsLocation()
    {
        Assert.That(CellValue.Parse("7", new SourceLocation(38, 5)).Location, Is.EqualTo(new SourceLocation(38, 5)));
    }

    [Test]
    public void ToString_EachState_ShowsWhatWasPrinted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CellValue.Parse("5177（含2019年3527份）").ToString(), Is.EqualTo("5177 (含2019年3527份)"));
            Assert.That(CellValue.Blank.ToString(), Is.EqualTo("(blank)"));
            Assert.That(new ReportCells()["review.total"].ToString(), Is.EqualTo("(absent)"));
            Assert.That(CellValue.Parse("——").ToString(), Is.EqualTo("——"));
        });
    }
}
