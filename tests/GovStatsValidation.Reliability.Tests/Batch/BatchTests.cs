using GovStatsValidation.Cli;
using GovStatsValidation.Reliability.Tests.Support;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Reliability.Tests.Batch;

/// <summary>One bad file among many: reported with its reason, every other report checked and reported, exit code 2.</summary>
public class BatchTests
{
    [Test]
    public void Check_TwoBadFilesAmong200Good_AllOthersReportedExit2()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 200; i++)
        {
            dir.Write($"reports/r{i:D3}.json", Samples.Json2021($"\"review[total]\": {i % 7}", 2021 + i % 4));
        }

        var binary = new byte[3000];
        new Random(5).NextBytes(binary);
        binary[100] = 0;
        dir.Write("reports/r050-scan.bin", binary);
        var truncated = Samples.Json2021();
        dir.Write("reports/r120-cut.json", truncated[..(truncated.Length / 2)]);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(["check", dir.File("reports"), "--format", "json"], stdout, stderr);
        var output = JObject.Parse(stdout.ToString());
        var errors = output["inputErrors"]!.Select(e => $"{Path.GetFileName((string)e["source"]!)}: {(string?)e["message"]}").ToList();
        var skipped = output["skipped"]!.Select(e => $"{Path.GetFileName((string)e["source"]!)}: {(string?)e["message"]}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable), "input errors happened");
            Assert.That(output["reports"]!.Count(), Is.EqualTo(200), "every good report checked and reported");
            Assert.That(output["reports"]!.Select(r => Path.GetFileName((string)r["source"]!)), Is.Unique);
            // The truncated report is an input error (exit 2); random binary content is no report format at all: listed as skipped.
            Assert.That(errors, Has.Count.EqualTo(1));
            Assert.That(errors, Has.One.StartsWith("r120-cut.json: not valid JSON"));
            Assert.That(skipped, Is.EqualTo(new[] { "r050-scan.bin: Binary data: NUL byte at offset 100; not a text report (a .docx or .pdf must be read by its own reader)." }));
            Assert.That(stderr.ToString(), Is.Empty);
        });
    }

    [Test]
    public void Check_ReportThatCrashedTheCheckerBefore_OthersStillChecked()
    {
        // Before the fix, a count beyond the fixed-point range threw OverflowException out of Parallel.For and the whole run died.
        using var dir = new TempDir();
        dir.Write("a.json", Samples.Json2021());
        dir.Write("b.json", Samples.Json2021("\"review[total]\": 9999999999999999"));
        dir.Write("c.json", Samples.Json2021());
        var run = Pipeline.Run(Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal).ToList());
        Assert.Multiple(() =>
        {
            Assert.That(run.Results, Has.Count.EqualTo(3));
            Assert.That(run.Results[1].Findings.Select(f => f.RuleId), Does.Contain("input.unrepresentable"));
        });
    }
}
