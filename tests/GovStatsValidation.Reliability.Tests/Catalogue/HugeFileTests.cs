using System.Text;
using GovStatsValidation.Reliability.Tests.Support;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Reliability.Tests.Catalogue;

/// <summary>Files over the size limits, generated at test time into a temp folder (never stored in the repository).</summary>
public class HugeFileTests
{
    private const int FortyMegabytes = 40 * 1024 * 1024;

    private static string Generate(TempDir dir, string name, string head, char filler, int size)
    {
        var path = dir.File(name);
        using var stream = File.Create(path);
        var bytes = Encoding.UTF8.GetBytes(head);
        stream.Write(bytes);
        var block = Enumerable.Repeat((byte)filler, 1 << 16).ToArray();
        for (var written = bytes.Length; written < size; written += block.Length)
        {
            stream.Write(block, 0, Math.Min(block.Length, size - written));
        }

        return path;
    }

    [Test]
    public void Check_FortyMegabyteJson_SizeLimit()
    {
        using var dir = new TempDir();
        Snapshot.Match(Pipeline.Describe(Generate(dir, "huge.json", "{\"cells\": {}, \"pad\": \"", 'x', FortyMegabytes)));
    }

    [Test]
    public void Check_FortyMegabyteText_SizeLimit()
    {
        using var dir = new TempDir();
        Snapshot.Match(Pipeline.Describe(Generate(dir, "huge.txt", "2020年政府信息公开工作年度报告\n", ' ', FortyMegabytes)));
    }

    [Test]
    public void Check_TwentyMegabyteJson_OverJsonLimitUnderFileLimit()
    {
        using var dir = new TempDir();
        Snapshot.Match(Pipeline.Describe(Generate(dir, "big.json", "{\"cells\": {}, \"pad\": \"", 'x', 20 * 1024 * 1024)));
    }

    [Test]
    public void Check_LongCellText_KeptWithinLimits()
    {
        using var dir = new TempDir();
        var path = dir.Write("long-cell.json", Samples.Json2021("\"review[total]\": \"" + new string('无', 100_000) + "x\""));
        var text = Pipeline.Describe(path);
        Assert.That(text, Does.Contain("cell review[total] = unreadable raw=\"" + new string('无', 100_000) + "x\""));
    }
}
