using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>The command line's rough edges of issue 13: mistyped options, switching rules off.</summary>
[TestFixture]
public sealed class CommandLineRoughEdgesTests
{
    [Test]
    public void Check_MistypedOption_ErrorBeforeAnyWork()
    {
        var (code, stdout, stderr) = Cli.Run("check", "tests/data/examples", "--formt", "html");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(stderr, Does.Contain("unknown option '--formt'"));
            Assert.That(stdout, Is.Empty, "nothing was checked");
        });
    }

    [Test]
    public void Explain_UnknownShortOption_ErrorNamingIt()
    {
        var (code, _, stderr) = Cli.Run("explain", "-x", "tests/data/examples/seed-002-jiangbei-2017.json");
        Assert.That((code, stderr.Contains("'-x'", StringComparison.Ordinal)), Is.EqualTo((CliApp.ExitUnusable, true)), stderr);
    }

    [Test]
    public void Check_DisableTwoRules_TheirFindingsGoneOthersKept()
    {
        static List<string> Rules(string stdout) =>
            JObject.Parse(stdout)["reports"]!.SelectMany(r => r["findings"]!).Select(f => (string)f["rule"]!).ToList();

        var before = Rules(Cli.Run("check", "tests/data/examples", "--format", "json", "--fail-on", "never").Out);
        var distinct = before.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(distinct, Has.Count.GreaterThanOrEqualTo(3), "the examples give findings of several rules");
        var off = distinct.Take(2).ToList();

        var (code, stdout, stderr) = Cli.Run("check", "tests/data/examples", "--format", "json", "--fail-on", "never", "--disable", off[0], "--disable", off[1]);
        var after = Rules(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk), stderr);
            Assert.That(after, Has.None.AnyOf(off[0], off[1]));
            Assert.That(after, Is.EqualTo(before.Where(r => !off.Contains(r)).ToList()));
        });
    }
}
