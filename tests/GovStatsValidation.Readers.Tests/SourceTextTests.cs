using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

public class SourceTextTests
{
    [Test]
    public void Normalize_FullWidthAndSpaces_HalfWidth()
    {
        Assert.That(TextNormalizer.Normalize("（一）１２３ＡＢ：“三安全一稳定”\u3000a\u00A0b、。"),
            Is.EqualTo("(一)123AB:\"三安全一稳定\" a b、。"));
    }

    [Test]
    public void Normalize_NothingToChange_SameInstance()
    {
        const string s = "plain 一、总体情况";
        Assert.That(TextNormalizer.Normalize(s), Is.SameAs(s));
    }

    [Test]
    public void FromString_MixedLineBreaks_NumbersLikeTheFile()
    {
        var text = SourceText.FromString("a\r\nb\nc\rd\r\n\r\ne");
        Assert.That(text.LineCount, Is.EqualTo(6));
        Assert.That(text.GetOriginalLine(4), Is.EqualTo("d"));
        Assert.That(text.GetOriginalLine(5), Is.EqualTo(""));
        Assert.That(text.GetOriginalLine(6), Is.EqualTo("e"));
    }

    [Test]
    public void FromString_KeepsOriginalAlongsideNormalised()
    {
        var text = SourceText.FromString("x\n\t（一）主动公开政府信息数");
        Assert.That(text.GetOriginalLine(2), Is.EqualTo("\t（一）主动公开政府信息数"));
        Assert.That(text.GetNormalizedLine(2), Is.EqualTo("\t(一)主动公开政府信息数"));
        Assert.That(text.OriginalLineNumber(2), Is.EqualTo(2));
    }

    [Test]
    public void FromLines_MapsBackToSourceLines()
    {
        var text = SourceText.FromLines([("标题", 3), ("一、总体情况", 17)]);
        Assert.That(text.OriginalLineNumber(2), Is.EqualTo(17));
    }
}
