using GovStatsValidation.Cli;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Limits;

/// <summary>The CLI writes only its --out file, never over an input, and atomically.</summary>
public class OutputFileTests
{
    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Check_OutIsAnInputFile_RefusedInputUntouched()
    {
        using var dir = new TempDir();
        var input = dir.Write("report.json", Samples.Json2021());
        var before = File.ReadAllBytes(input);
        var (exit, _, err) = Cli("check", input, "--out", input);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.Contain("is one of the input files; refusing to overwrite an input"));
            Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
            Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { input }), "nothing written beside the input");
        });
    }

    [Test]
    public void Check_OutIsAnInputFoundInAFolder_Refused()
    {
        using var dir = new TempDir();
        var input = dir.Write("reports/a.json", Samples.Json2021());
        var before = File.ReadAllBytes(input);
        var (exit, _, err) = Cli("check", dir.File("reports"), "--out", input);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.Contain("refusing to overwrite an input"));
            Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
        });
    }

    [Test]
    public void Check_OutIsAFolder_CleanError()
    {
        using var dir = new TempDir();
        var input = dir.Write("a.json", Samples.Json2021());
        var (exit, _, err) = Cli("check", input, "--out", dir.Path);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.Contain("is a folder; name a file"));
        });
    }

    [Test]
    public void Check_OutElsewhere_WrittenWholeNoTempLeft()
    {
        using var dir = new TempDir();
        var input = dir.Write("in/a.json", Samples.Json2021());
        var output = dir.Write("out/report.txt", "old report\n");
        var (exit, stdout, _) = Cli("check", input, "--out", output, "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitFindings));
            Assert.That(stdout, Is.Empty);
            Assert.That(Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(output))["reports"]!.Count(), Is.EqualTo(1));
            Assert.That(Directory.GetFiles(dir.File("out")), Is.EqualTo(new[] { output }), "no temporary file left");
            Assert.That(Directory.GetFiles(dir.File("in")), Is.EqualTo(new[] { input }), "nothing written beside the input");
        });
    }

    [Test]
    public void Write_RenderInterrupted_OldFileKeptNoTempLeft()
    {
        using var dir = new TempDir();
        var output = dir.Write("report.txt", "old report\n");
        Assert.Throws<OutputWriteException>(() => OutputWriter.Write(output, TextWriter.Null, w =>
        {
            w.Write(new string('x', 100_000));
            throw new IOException("interrupted");
        }));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(output), Is.EqualTo("old report\n"));
            Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { output }));
        });
    }

    [Test]
    public void Write_Completed_NewFileWhole()
    {
        using var dir = new TempDir();
        var output = dir.Write("report.txt", "old report\n");
        OutputWriter.Write(output, TextWriter.Null, w => w.Write("new report\n"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(output), Is.EqualTo("new report\n"));
            Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { output }));
        });
    }

    [Test]
    public void Write_ReaderDuringWrite_SeesOldOrNewNeverPartial()
    {
        using var dir = new TempDir();
        var output = dir.Write("report.txt", new string('o', 200_000));
        var seen = new HashSet<string>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var text = File.ReadAllText(output);
                    seen.Add(text.Length == 0 ? "empty" : $"{text[0]}{text.Length}");
                }
                catch (IOException)
                {
                    // the rename may race a read on some systems; never a partial file
                }
            }
        });
        for (var i = 0; i < 20; i++)
        {
            var c = i % 2 == 0 ? 'n' : 'o';
            OutputWriter.Write(output, TextWriter.Null, w =>
            {
                for (var k = 0; k < 200; k++)
                {
                    w.Write(new string(c, 1000));
                    w.Flush();
                }
            });
        }

        stop.Cancel();
        reader.Wait();
        Assert.That(seen, Is.SubsetOf(new[] { "o200000", "n200000" }));
    }
}
