using System.Text;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

public class TextDecodingTests
{
    private const string Sample = "一、总体情况\r\n主动公开政府信息数 803 条";

    [Test]
    public void Decode_Utf8WithBom_ReportsBomAndStripsIt()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();
        var result = TextDecoding.Decode(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo(Sample));
            Assert.That(result.EncodingName, Is.EqualTo("utf-8"));
            Assert.That(result.Decision, Is.EqualTo(EncodingDecision.ByteOrderMark));
            Assert.That(result.Issues, Is.Empty);
        });
    }

    [Test]
    public void Decode_Utf8WithoutBom_ValidUtf8()
    {
        var result = TextDecoding.Decode(Encoding.UTF8.GetBytes(Sample));
        Assert.That(result.Decision, Is.EqualTo(EncodingDecision.ValidUtf8));
        Assert.That(result.Text, Is.EqualTo(Sample));
        Assert.That(result.Reason, Does.Contain("valid UTF-8"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Decode_Utf16WithBom_ByteOrderMark(bool littleEndian)
    {
        var enc = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: true);
        var bytes = enc.GetPreamble().Concat(enc.GetBytes(Sample)).ToArray();
        var result = TextDecoding.Decode(bytes);
        Assert.That(result.Text, Is.EqualTo(Sample));
        Assert.That(result.Decision, Is.EqualTo(EncodingDecision.ByteOrderMark));
        Assert.That(result.EncodingName, Is.EqualTo(littleEndian ? "utf-16LE" : "utf-16BE"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Decode_Utf16WithoutBom_Heuristic(bool littleEndian)
    {
        var enc = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: false);
        var text = "2020 report\n" + Sample + "\n";
        var result = TextDecoding.Decode(enc.GetBytes(text));
        Assert.That(result.Decision, Is.EqualTo(EncodingDecision.Utf16Heuristic));
        Assert.That(result.Text, Is.EqualTo(text));
    }

    [Test]
    public void Decode_Gb18030Bytes_FallbackWithReason()
    {
        var gb = TextDecoding.Gb18030;
        var result = TextDecoding.Decode(gb.GetBytes(Sample));
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo(Sample));
            Assert.That(result.EncodingName, Is.EqualTo("GB18030"));
            Assert.That(result.Decision, Is.EqualTo(EncodingDecision.FallbackGb18030));
            Assert.That(result.Reason, Does.Contain("not valid UTF-8"));
            Assert.That(result.Issues, Is.Empty);
        });
    }

    [Test]
    public void Decode_InvalidGb18030Byte_ReportedWithOffset()
    {
        var bytes = TextDecoding.Gb18030.GetBytes("统计数").Concat(new byte[] { 0x41, 0xFF, 0x42 }).ToArray();
        var result = TextDecoding.Decode(bytes);
        Assert.That(result.Decision, Is.EqualTo(EncodingDecision.FallbackGb18030));
        Assert.That(result.Issues.Select(i => i.ByteOffset), Is.EqualTo(new long[] { 7 }));
    }

    [Test]
    public void Decode_InvalidSequenceAfterUtf8Bom_ReportedWithOffset()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0x28, 0x62 };
        var result = TextDecoding.Decode(bytes);
        Assert.That(result.Decision, Is.EqualTo(EncodingDecision.ByteOrderMark));
        Assert.That(result.Issues, Has.Count.EqualTo(1));
        Assert.That(result.Issues[0].ByteOffset, Is.EqualTo(4));
    }

    [Test]
    public void Decode_NulBytes_Throws()
    {
        var bytes = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x9C, 0x00, 0x11 };
        var ex = Assert.Throws<ReportReadException>(() => TextDecoding.Decode(bytes));
        Assert.That(ex!.Message, Does.Contain("Binary"));
    }

    [Test]
    public void Decode_ExplicitGbk_ReadsAsGb18030()
    {
        var result = TextDecoding.Decode(TextDecoding.Gb18030.GetBytes(Sample), "gbk");
        Assert.That(result.Decision, Is.EqualTo(EncodingDecision.Explicit));
        Assert.That(result.Text, Is.EqualTo(Sample));
    }
}
