using System.Diagnostics;
using GovStatsValidation.Cli;
using GovStatsValidation.Readers;
using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, cases 4, 5, 11, 19, 20 and 24: input discovery opens only regular files, visits each real file once (by device
/// and inode), ends symlink loops, reports unreadable folders and goes on, and reads non-UTF-8 file names as bytes.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class InputDiscoveryTests
{
    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Newtonsoft.Json.Linq.JObject Json(string text) => Newtonsoft.Json.Linq.JObject.Parse(text);

    // Case 4: a FIFO in the input folder, as the path, or in a rules folder blocked in open() forever.
    [Test]
    public void Check_FifoInFolderAndAsPath_ReportedNotOpenedOthersChecked()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        dir.Write("in/good.json", Samples.Json2021());
        var inFolder = Posix.MakeFifo(dir.File("in/pipe.json"));
        var asPath = Posix.MakeFifo(dir.File("pipe2.txt"));
        var (exit, stdout, _) = Bounded.Run(() => Cli("check", dir.File("in"), asPath, "--format", "json"), 20, inFolder, asPath);
        var json = Json(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(json["reports"]!.Select(r => Path.GetFileName((string)r["source"]!)), Is.EqualTo(new[] { "good.json" }));
            Assert.That(json["inputErrors"]!.Select(e => (string)e["message"]!), Has.Exactly(2).Contains("not a regular file but a FIFO (named pipe)"));
        });
    }

    [Test]
    public void Check_FifoInRulesFolder_ProblemNotBlocked()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        var input = dir.Write("good.json", Samples.Json2021());
        var fifo = Posix.MakeFifo(dir.File("rules/user.rules.json"));
        var (exit, _, err) = Bounded.Run(() => Cli("check", input, "--rules", dir.File("rules")), 20, fifo);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.Contain("user.rules.json: not a regular file but a FIFO (named pipe); not read"));
        });
    }

    // Case 5: directory symlink loops were followed recursively (two loops: 3 GB and growing after 120 s).
    // Case 19: a symlink self-loop checked one report 41 times and added 902 spurious cross-report findings.
    [Test]
    public void Discover_TwoSymlinkLoopsAndASelfLoop_EachFileOnce()
    {
        using var dir = new TempDir();
        dir.Write("root/a/one.json", Samples.Json2021());
        dir.Write("root/b/two.json", Samples.Json2021(year: 2021));
        File.CreateSymbolicLink(dir.File("root/a/up"), dir.File("root"));
        File.CreateSymbolicLink(dir.File("root/b/self"), dir.File("root/b"));
        File.CreateSymbolicLink(dir.File("root/self"), ".");
        var (files, missing, skipped) = InputDiscovery.Discover([dir.File("root")]);
        Assert.Multiple(() =>
        {
            Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "one.json", "two.json" }));
            Assert.That(missing, Is.Empty);
            Assert.That(skipped, Is.Empty);
        });
    }

    [Test]
    public void Check_SelfLoopFolder_OneReportNoSpuriousCrossFindings()
    {
        using var dir = new TempDir();
        dir.Write("root/one.json", Samples.Json2021());
        File.CreateSymbolicLink(dir.File("root/again"), dir.File("root"));
        File.CreateSymbolicLink(dir.File("root/link.json"), dir.File("root/one.json"));
        var (exit, stdout, _) = Cli("check", dir.File("root"), "--format", "json");
        var json = Json(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitFindings));
            Assert.That(json["reports"]!.Count(), Is.EqualTo(1));
            Assert.That(json["crossReport"], Is.Null, "one report: no cross-report checks");
        });
    }

    [Test]
    public void Discover_HardLinkedCopy_ListedOnce()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        var one = dir.Write("root/one.json", Samples.Json2021());
        Posix.HardLink(one, dir.File("root/same.json"));
        Assert.That(InputDiscovery.Discover([dir.File("root")]).Files, Has.Count.EqualTo(1));
    }

    // Case 11: /dev/zero, /dev/urandom or a link to them in a folder: the size check read 0, then 4 GB and out of memory.
    [Test]
    public void Check_DeviceLinksInFolderAndAsPath_ReportedNotRead()
    {
        Posix.RequireLinux();
        if (!File.Exists("/dev/zero") || !File.Exists("/dev/urandom"))
        {
            Assert.Ignore("skipped: no /dev/zero or /dev/urandom");
        }

        using var dir = new TempDir();
        dir.Write("in/good.json", Samples.Json2021());
        File.CreateSymbolicLink(dir.File("in/zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(dir.File("in/random.json"), "/dev/urandom");
        var (exit, stdout, _) = Cli("check", dir.File("in"), "/dev/zero", "--format", "json");
        var json = Json(stdout);
        var errors = json["inputErrors"]!.Select(e => $"{Path.GetFileName((string)e["source"]!)}: {(string)e["message"]!}").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(json["reports"]!.Count(), Is.EqualTo(1));
            Assert.That(errors, Is.EquivalentTo(new[]
            {
                "zero: not a regular file but a character device; only regular files are read",
                "random.json: not a regular file but a character device; not read",
                "zero.txt: not a regular file but a character device; not read",
            }).Or.EquivalentTo(new[]
            {
                "zero: not a regular file but a character device; not read",
                "random.json: not a regular file but a character device; not read",
                "zero.txt: not a regular file but a character device; not read",
            }));
        });
    }

    // Case 20: an unreadable subfolder aborted the run with 0 reports checked.
    [Test]
    public void Check_UnreadableSubfolder_ReportedOthersChecked()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        dir.Write("in/a/good.json", Samples.Json2021());
        dir.Write("in/locked/hidden.json", Samples.Json2021());
        dir.Write("in/z/good2.json", Samples.Json2021(year: 2021));
        File.SetUnixFileMode(dir.File("in/locked"), UnixFileMode.None);
        try
        {
            string stdout;
            int exit;
            if (GetUid() == 0)
            {
                // root reads every folder: run the CLI as nobody, for whom the folder is locked.
                (exit, stdout) = RunAsNobody(dir, "check", dir.File("in"), "--format", "json");
            }
            else
            {
                string err;
                (exit, stdout, err) = Cli("check", dir.File("in"), "--format", "json");
            }

            var json = Json(stdout);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
                Assert.That(json["reports"]!.Select(r => Path.GetFileName((string)r["source"]!)), Is.EqualTo(new[] { "good.json", "good2.json" }));
                Assert.That(json["inputErrors"]!.Select(e => (string)e["message"]!), Has.One.StartsWith("folder not read: permission denied"));
            });
        }
        finally
        {
            File.SetUnixFileMode(dir.File("in/locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static uint GetUid() => Posix.Uid();

    private static (int Exit, string Out) RunAsNobody(TempDir dir, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "govstats.dll");
        if (!File.Exists(cli) || !File.Exists("/usr/bin/setpriv"))
        {
            Assert.Ignore("skipped: running as root and cannot drop to another user (needs setpriv and govstats.dll)");
        }

        // The temporary folder must be reachable for the other user.
        File.SetUnixFileMode(dir.Path, (UnixFileMode)Convert.ToInt32("755", 8));
        var start = new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Environment.ProcessPath ?? "dotnet", cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_HOME"] = "/tmp";
        start.Environment["HOME"] = "/tmp";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            Assert.Fail("the CLI run as nobody did not finish");
        }

        if (stdout.Result.Length == 0)
        {
            Assert.Ignore($"skipped: the CLI could not run as another user here: {stderr.Result}");
        }

        return (process.ExitCode, stdout.Result);
    }

    // Case 24: file names that are not valid UTF-8 could not be read ("Could not find file").
    [Test]
    public void Check_FileNameNotUtf8_ReadAndShownWithItsBytes()
    {
        Posix.RequireLinux();
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in"));
        Posix.WriteRawName(dir.File("in"), [0x72, 0xFF, 0xFE, 0x2E, 0x6A, 0x73, 0x6F, 0x6E], Samples.Utf8(Samples.Json2021())); // "r\xFF\xFE.json"
        var (exit, stdout, _) = Cli("check", dir.File("in"), "--format", "json");
        var json = Json(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitFindings), stdout);
            Assert.That(json["inputErrors"]!, Is.Empty);
            Assert.That(json["reports"]!.Select(r => Path.GetFileName((string)r["source"]!)), Is.EqualTo(new[] { "r\\xFF\\xFE.json" }));
        });
    }

    [Test]
    public void SafeFile_PathBytes_RoundTripsEveryByte()
    {
        var bytes = Enumerable.Range(1, 255).Select(b => (byte)b).Where(b => b != (byte)'/').ToArray();
        var path = IO.SafeFile.PathFromBytes(bytes);
        Assert.That(IO.SafeFile.PathBytes(path)[..^1], Is.EqualTo(bytes));
    }
}
