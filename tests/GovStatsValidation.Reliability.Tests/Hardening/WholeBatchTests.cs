using System.Text;
using GovStatsValidation.Cli;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, the whole-batch guarantee: one folder of good reports mixed with every hostile input of the catalogue
/// (FIFOs, device links, link loops, nesting and span bombs, impossible years, copies, control characters in names, bad
/// bytes); every good report is checked and reported, every hostile input ends as an input error or a report, nothing hangs
/// or crashes, and the run's output is valid.
/// </summary>
public class WholeBatchTests
{
    private const string Title = "示例县人民政府2021年政府信息公开工作年度报告";

    [Test]
    public void Check_GoodReportsMixedWithEveryHostileInput_EveryGoodReportChecked()
    {
        using var dir = new TempDir();
        var good = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            good.Add(Path.GetFileName(dir.Write($"in/good-{i:D2}.json", Samples.Json2021(year: 2015 + i))));
            good.Add(Path.GetFileName(dir.Write($"in/good-{i:D2}.txt", Samples.Pre2019Text($"示例{i}县人民政府", 2014 + (i % 5), 41 + i, 7, 34 + i, 9, 3))));
        }

        var fifos = new List<string>();
        if (Posix.Available)
        {
            fifos.Add(Posix.MakeFifo(dir.File("in/hostile-pipe.json")));
            File.CreateSymbolicLink(dir.File("in/hostile-zero.txt"), "/dev/zero");
            File.CreateSymbolicLink(dir.File("in/hostile-urandom.json"), "/dev/urandom");
            Posix.WriteRawName(dir.File("in"), [0x67, 0x6F, 0x6F, 0x64, 0xFF, 0x2E, 0x6A, 0x73, 0x6F, 0x6E], Samples.Utf8(Samples.Json2021(year: 2030)));
            good.Add("good\\xFF.json");
        }

        File.CreateSymbolicLink(dir.File("in/loop"), dir.File("in"));
        Directory.CreateDirectory(dir.File("in/sub"));
        File.CreateSymbolicLink(dir.File("in/sub/self"), dir.File("in/sub"));
        File.CreateSymbolicLink(dir.File("in/dangling.json"), dir.File("nowhere.json"));
        dir.Write("in/hostile-divs.html", $"<html><body>{string.Concat(Enumerable.Repeat("<div>", 100_000))}{Title}</body></html>");
        dir.Write("in/hostile-spans.html", $"<html><body><p>{Title}</p><table><tr>{string.Concat(Enumerable.Repeat("<td colspan=100 rowspan=200>1</td>", 2_000))}</tr></table></body></html>");
        dir.Write("in/hostile-tables.docx", Docx.Make(Docx.Title + Docx.NestedTables(10_000)));
        dir.Write("in/hostile-links.docx", Docx.Make(Docx.Title + Docx.NestedHyperlinks(10_000)));
        dir.Write("in/hostile-gridspan.docx", Docx.Make(Docx.Title + Docx.GridSpan(100_000_000)));
        dir.Write("in/hostile-altchunk.docx", Docx.Make(Docx.Title + "<w:altChunk r:id=\"rIdChunk\"/>",
            "<Relationship Id=\"rIdChunk\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" Target=\"chunk.html\"/>",
            ("word/chunk.html", Encoding.UTF8.GetBytes("<html><body>x</body></html>"))));
        dir.Write("in/hostile-minyear.json", Samples.Json2021(year: int.MinValue));
        dir.Write("in/hostile-year0.json", Samples.Json2021(year: 0));
        dir.Write("in/hostile-\u001b]0;owned\u0007-\u001b[2J.json", Samples.Json2021(year: 2031));
        dir.Write("in/hostile-binary.json", Enumerable.Range(0, 4096).Select(i => unchecked((byte)(i * 7))).ToArray());
        dir.Write("in/hostile-truncated.json", Samples.Json2021()[..60]);
        dir.Write("in/hostile-nested.json", new string('[', 200_000));
        for (var i = 0; i < 50; i++)
        {
            dir.Write($"in/copies/copy-{i:D2}.json", Samples.Json2021(year: 2040));
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Bounded.Run(() => CliApp.Run(["check", dir.File("in"), "--format", "json"], stdout, stderr), 120, [.. fifos]);
        var json = Newtonsoft.Json.Linq.JObject.Parse(stdout.ToString());
        var checkedNames = json["reports"]!.Select(r => Path.GetFileName((string)r["source"]!)).ToList();
        var errors = json["inputErrors"]!.Select(e => $"{Path.GetFileName((string)e["source"]!)}: {(string)e["message"]!}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable), stderr.ToString());
            Assert.That(checkedNames, Is.SupersetOf(good), "every good report is checked and reported");
            Assert.That(checkedNames.Count(n => n.StartsWith("copy-", StringComparison.Ordinal)), Is.EqualTo(50), "each copy checked once, through no loop twice");
            Assert.That(checkedNames, Has.Exactly(1).EqualTo("good-00.json"), "the loops add no second visit");
            Assert.That(errors, Has.Some.StartsWith("hostile-divs.html: HTML elements nest more than 256 deep"));
            Assert.That(errors, Has.Some.StartsWith("hostile-spans.html: "));
            Assert.That(errors, Has.Some.StartsWith("hostile-tables.docx: The .docx word/document.xml nests elements more than 256 deep"));
            Assert.That(errors, Has.Some.StartsWith("hostile-gridspan.docx: A Word table row at line 2 spans 100,000,000 columns"));
            Assert.That(errors, Has.Some.StartsWith("dangling.json: a symbolic link to nothing"));
            if (Posix.Available)
            {
                Assert.That(errors, Has.Some.StartsWith("hostile-pipe.json: not a regular file but a FIFO"));
                Assert.That(errors, Has.Some.StartsWith("hostile-zero.txt: not a regular file but a character device"));
            }

            Assert.That(json["crossReport"]!.SelectMany(g => g["findings"]!).Count(), Is.LessThan(200), "copies do not multiply cross-report findings");
            Assert.That(stdout.ToString().Contains('\u001b', StringComparison.Ordinal), Is.False, "JSON output escapes the control characters of file names");
        });
    }
}
