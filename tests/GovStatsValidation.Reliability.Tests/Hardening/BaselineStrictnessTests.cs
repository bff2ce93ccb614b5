using GovStatsValidation.Cli;
using GovStatsValidation.Reliability.Tests.Support;
using GovStatsValidation.Reporting.Baselines;

namespace GovStatsValidation.Reliability.Tests.Hardening;

/// <summary>
/// Issue 14, cases 12 and 23: a baseline file with values of the wrong type is a clean error naming the property and line
/// (it was an unhandled FormatException, InvalidCastException, OverflowException, ArgumentException …), and the loader is
/// strict: trailing content, duplicate keys, <c>version: true</c> and numbers written as strings are refused.
/// </summary>
public class BaselineStrictnessTests
{
    private const string Entry =
        "\"fingerprint\": \"f1\", \"rule\": \"common.sum\", \"agency\": \"示例县人民政府\", \"year\": 2021, \"instance\": \"\", " +
        "\"expected\": 5, \"actual\": 6, \"message\": \"m\", \"reason\": \"known\", \"acceptedBy\": \"me\", \"expires\": \"2099-01-01\"";

    private static string File(string entry = Entry, string version = "1", string after = "") =>
        "{\n  \"version\": " + version + ",\n  \"entries\": [\n    { " + entry + " }\n  ]\n}\n" + after;

    private static string Replace(string name, string value)
    {
        var start = Entry.IndexOf($"\"{name}\": ", StringComparison.Ordinal);
        var end = Entry.IndexOf(", \"", start + 1, StringComparison.Ordinal);
        return Entry[..start] + $"\"{name}\": {value}" + (end < 0 ? "" : Entry[end..]);
    }

    private static string Problem(string json)
    {
        var e = Assert.Throws<GovStatsValidationException>(() => Baseline.Parse(json, "b.json"));
        return e!.Message;
    }

    [Test]
    public void Parse_ValidFile_OneEntry() => Assert.That(Baseline.Parse(File(), "b.json").Entries, Has.Count.EqualTo(1));

    // The six wrong-type variants that crashed the loader, and their neighbours.
    [TestCase("version", "\"x\"", "'version' must be the whole number 1, found the string \"x\"")]
    [TestCase("version", "1.5", "'version' must be the whole number 1, found the number 1.5")]
    [TestCase("version", "1e40", "baseline is not valid JSON")]
    [TestCase("version", "99999999999999999999999", "unsupported baseline version 99999999999999999999999")]
    [TestCase("year", "99999999999", "'year' must be a whole number, found the number 99999999999")]
    [TestCase("year", "2021.5", "'year' must be a whole number, found the number 2021.5")]
    [TestCase("expires", "{}", "'expires' must be a date yyyy-MM-dd")]
    [TestCase("expected", "123456789012345678901234567890", "'expected' must be a number or null, found the number 123456789012345678901234567890")]
    [TestCase("reason", "[]", "'reason' must be a string, found array")]
    [TestCase("instance", "{\"a\": 1}", "'instance' must be a string, found object")]
    [TestCase("message", "7", "'message' must be a string, found the number 7")]
    public void Parse_WrongType_CleanErrorNamingThePropertyAndLine(string name, string value, string expected)
    {
        var json = name == "version" ? File(version: value) : File(Replace(name, value));
        var message = Problem(json);
        Assert.That(message, Does.Contain(expected).And.Contain("b.json("), message);
    }

    // Case 23: strictness.
    [Test]
    public void Parse_TrailingGarbage_Refused() =>
        Assert.That(Problem(File(after: "{\"version\": 1}")), Does.Contain("b.json(7): baseline is not valid JSON: Additional text encountered after finished reading JSON content"));

    [Test]
    public void Parse_DuplicateKey_Refused() =>
        Assert.That(Problem(File(Entry + ", \"year\": 2022")), Does.Contain("b.json(").And.Contain("year"));

    [Test]
    public void Parse_VersionTrue_Refused() =>
        Assert.That(Problem(File(version: "true")), Does.Contain("'version' must be the whole number 1, found true"));

    [TestCase("expected", "\"5\"", "'expected' must be a number or null, found the string \"5\"")]
    [TestCase("year", "\"2021\"", "'year' must be a whole number, found the string \"2021\"")]
    public void Parse_NumberAsString_Refused(string name, string value, string expected) =>
        Assert.That(Problem(File(Replace(name, value))), Does.Contain(expected));

    [Test]
    public void Check_BaselineWithWrongTypes_Exit2CleanMessage()
    {
        using var dir = new TempDir();
        var input = dir.Write("a.json", Samples.Json2021());
        var baseline = dir.Write("b.json", File(Replace("expires", "{}")));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(["check", input, "--baseline", baseline], stdout, stderr);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(stderr.ToString(), Does.Contain("'expires' must be a date yyyy-MM-dd"));
        });
    }

    [Test]
    public void Check_BaselineIsAFifo_RefusedWithoutBlocking()
    {
        // Case 4 for --baseline: open() on a FIFO blocked forever.
        Posix.RequireLinux();
        using var dir = new TempDir();
        var input = dir.Write("a.json", Samples.Json2021());
        var fifo = Posix.MakeFifo(dir.File("baseline.json"));
        var (exit, err) = Bounded.Run(() =>
        {
            var stderr = new StringWriter();
            return (CliApp.Run(["check", input, "--baseline", fifo], new StringWriter(), stderr), stderr.ToString());
        }, 10, fifo);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(err, Does.Contain("not a regular file but a FIFO (named pipe)"));
        });
    }
}
