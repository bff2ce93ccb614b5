using GovStatsValidation.Cli;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, cases 1, 2, 3, 14, 22 and 26: the output target resolved and compared with every input by identity, the
/// temporary file exclusive, unpredictable, removed on failure and after a kill, FIFOs and devices written through, a full
/// disk a clean error naming the user's path.
/// </summary>
public class OutputSafetyTests
{
    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // Case 1: the guard compared path strings; a symlinked folder reached the input under another name.
    [TestCase("check")]
    [TestCase("baseline")]
    [TestCase("extract")]
    public void Out_InputReachedThroughSymlinkedFolder_RefusedInputUntouched(string command)
    {
        using var dir = new TempDir();
        var input = dir.Write("reports/a.json", Samples.Json2021());
        File.CreateSymbolicLink(dir.File("alias"), dir.File("reports"));
        var before = File.ReadAllBytes(input);
        var outPath = dir.File("alias/a.json");
        var args = command switch
        {
            "check" => new[] { "check", dir.File("reports"), "--out", outPath },
            "baseline" => ["baseline", "create", dir.File("reports"), "--out", outPath, "--reason", "r", "--accepted-by", "me"],
            _ => ["extract", input, "--out", outPath],
        };
        var (exit, _, err) = Cli(args);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.Contain("refusing to overwrite an input"));
            Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
        });
    }

    [Test]
    public void Out_HardLinkAndDotDotToInput_Refused()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        var input = dir.Write("reports/a.json", Samples.Json2021());
        Directory.CreateDirectory(dir.File("other"));
        Posix.HardLink(input, dir.File("other/b.json"));
        File.CreateSymbolicLink(dir.File("alias"), dir.File("reports"));
        var before = File.ReadAllBytes(input);
        var viaHardLink = Cli("check", input, "--out", dir.File("other/b.json"));
        // alias/../reports is reports/.. lexically but the kernel resolves .. from the link's target folder.
        var viaDotDot = Cli("check", input, "--out", dir.File("alias/../reports/a.json"));
        Assert.Multiple(() =>
        {
            Assert.That(viaHardLink.Exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(viaHardLink.Err, Does.Contain("refusing to overwrite an input"));
            Assert.That(viaDotDot.Exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
        });
    }

    // Case 2: the temporary name was .{name}.{pid}.tmp and a link planted there was followed.
    [Test]
    public void Write_LinkPlantedAtTheOldTemporaryName_VictimUntouched()
    {
        using var dir = new TempDir();
        var victim = dir.Write("victim.txt", "precious\n");
        var output = dir.File("report.txt");
        var planted = dir.File($".report.txt.{Environment.ProcessId}.tmp");
        File.CreateSymbolicLink(planted, victim);
        OutputWriter.Write(output, TextWriter.Null, w => w.Write("the report\n"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(victim), Is.EqualTo("precious\n"));
            Assert.That(File.ReadAllText(output), Is.EqualTo("the report\n"));
            Assert.That(new FileInfo(planted).LinkTarget, Is.EqualTo(victim), "the planted link is left alone");
        });
    }

    [Test]
    public void Write_TemporaryName_UnpredictableAndExclusive()
    {
        using var dir = new TempDir();
        var output = dir.File("report.txt");
        var names = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            OutputWriter.Write(output, TextWriter.Null, w =>
            {
                names.UnionWith(Directory.GetFiles(dir.Path).Select(Path.GetFileName).OfType<string>().Where(n => n.EndsWith(OutputWriter.TempSuffix, StringComparison.Ordinal)));
                w.Write("x");
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Count.EqualTo(3), "a fresh name each run");
            Assert.That(names, Has.All.Matches<string>(n => System.Text.RegularExpressions.Regex.IsMatch(n!, @"^\.report\.txt\.[0-9a-f]{16}\.govstats-tmp$")));
            Assert.That(names, Has.None.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    // Case 3: a symlink, FIFO or /dev/stdout as --out was replaced by a regular file.
    [Test]
    public void Write_OutIsSymlink_LinkKeptItsTargetWritten()
    {
        using var dir = new TempDir();
        var real = dir.Write("real/report.txt", "old\n");
        var link = dir.File("link.txt");
        File.CreateSymbolicLink(link, real);
        OutputWriter.Write(link, TextWriter.Null, w => w.Write("new\n"));
        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(real), "still a link");
            Assert.That(File.ReadAllText(real), Is.EqualTo("new\n"));
            Assert.That(Directory.GetFiles(dir.File("real")), Is.EqualTo(new[] { real }), "no temporary file left");
        });
    }

    [Test]
    public void Write_OutIsFifo_WrittenThroughNotReplaced()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        var fifo = Posix.MakeFifo(dir.File("pipe"));
        var reader = Task.Run(() => File.ReadAllText(fifo));
        Bounded.Run(() =>
        {
            OutputWriter.Write(fifo, TextWriter.Null, w => w.Write("through the pipe\n"));
            return 0;
        });
        Assert.Multiple(() =>
        {
            Assert.That(reader.Wait(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(reader.Result, Is.EqualTo("through the pipe\n"));
            Assert.That(GovStatsValidation.IO.SafeFile.KindOf(fifo), Is.EqualTo(GovStatsValidation.IO.FileKind.Fifo), "still a FIFO");
            Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { fifo }));
        });
    }

    // Case 14: disk full while writing was an unhandled IOException.
    [Test]
    public void Write_DiskFullWhileWritingTheTemporaryFile_CleanErrorNamingUserPathOldKept()
    {
        using var dir = new TempDir();
        var output = dir.Write("report.txt", "old report\n");
        var e = Assert.Throws<OutputWriteException>(() => OutputWriter.Write(output, TextWriter.Null, w =>
        {
            w.Write(new string('x', 10_000));
            throw new IOException("No space left on device", 28);
        }));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Is.EqualTo($"cannot write --out {output}: the disk is full (no space left on the device); any previous file there is unchanged"));
            Assert.That(File.ReadAllText(output), Is.EqualTo("old report\n"));
            Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { output }), "temporary file removed");
        });
    }

    [Test]
    public void Check_OutIsDevFull_CleanErrorExit2()
    {
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("skipped: no /dev/full on this system");
        }

        using var dir = new TempDir();
        var input = dir.Write("a.json", Samples.Json2021());
        var (exit, _, err) = Cli("check", input, "--out", "/dev/full");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.StartWith("cannot write --out /dev/full: the disk is full"));
            Assert.That(GovStatsValidation.IO.SafeFile.KindOf("/dev/full"), Is.EqualTo(GovStatsValidation.IO.FileKind.CharacterDevice));
        });
    }

    // Case 22: SIGKILL while writing left the temporary file behind for good.
    [Test]
    public void Write_LeftoverOfAKilledRun_RemovedByTheNextRun()
    {
        using var dir = new TempDir();
        var output = dir.File("report.txt");
        var leftover = dir.Write(".report.txt.0123456789abcdef" + OutputWriter.TempSuffix, "half a rep");
        OutputWriter.Write(output, TextWriter.Null, w => w.Write("whole\n"));
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(leftover), Is.False);
            Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { output }));
        });
    }

    [Test]
    public void Write_TemporaryFileOfARunStillWriting_Kept()
    {
        using var dir = new TempDir();
        var output = dir.File("report.txt");
        var live = dir.Write(".report.txt.fedcba9876543210" + OutputWriter.TempSuffix, "being written");
        using (new FileStream(live, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            OutputWriter.Write(output, TextWriter.Null, w => w.Write("whole\n"));
            Assert.That(File.Exists(live), Is.True, "a live run's temporary file is not touched");
        }
    }

    [Test]
    public void Write_KilledChildProcess_LeftoverRemovedNextRun()
    {
        // A real kill: a child writes into a temporary file and is killed with SIGKILL mid-write.
        Posix.RequireLinux();
        using var dir = new TempDir();
        var output = dir.File("report.txt");
        var temp = dir.File(".report.txt.00112233aabbccdd" + OutputWriter.TempSuffix);
        using var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", ["-c", $"printf partial > '{temp}'; sleep 30"]) { UseShellExecute = false })!;
        for (var i = 0; i < 100 && !File.Exists(temp); i++)
        {
            Thread.Sleep(50);
        }

        child.Kill();
        child.WaitForExit();
        Assert.That(File.Exists(temp), Is.True, "the kill left a temporary file");
        OutputWriter.Write(output, TextWriter.Null, w => w.Write("whole\n"));
        Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { output }));
    }

    // Case 26: --out errors named the internal temporary file.
    [Test]
    public void Check_OutUnderAFileInsteadOfAFolder_ErrorNamesUserPathNotTemporary()
    {
        using var dir = new TempDir();
        var input = dir.Write("a.json", Samples.Json2021());
        dir.Write("notafolder", "x");
        var outPath = dir.File("notafolder/report.txt");
        var (exit, _, err) = Cli("check", input, "--out", outPath);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.StartWith($"cannot write --out {outPath}:"));
            Assert.That(err, Does.Not.Contain(".tmp").And.Not.Contain(OutputWriter.TempSuffix));
        });
    }

    [Test]
    public void Check_OutInAFolderThatDoesNotExist_Created()
    {
        using var dir = new TempDir();
        var input = dir.Write("a.json", Samples.Json2021());
        var outPath = dir.File("new/deeper/report.json");
        var (exit, _, err) = Cli("check", input, "--out", outPath, "--format", "json");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitFindings), err);
            Assert.That(File.Exists(outPath), Is.True);
        });
    }
}
