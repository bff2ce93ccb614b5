using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace ReportPipeline.Tests.DocSnippets;

/// <summary>
/// Every C# block of README.md, docs/integration.md and each package's README, built as it stands in fresh projects made
/// by the stock templates with only the packed packages added, then run: a program must exit 0 and print what the
/// document says it prints; a test file's tests must pass. The documents are the source, so docs and tests cannot drift.
/// Run by .ci/consumer.sh (it packs the packages and says where they are); skipped when the packages were not packed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class DocsSnippetTests
{
    private static readonly Lazy<IReadOnlyList<MarkdownSnippet>> AllSnippets = new(() => MarkdownSnippet.All(SnippetEnvironment.FindRoot()));
    private readonly Dictionary<MarkdownSnippet, ProcessResult> _runs = [];
    private SnippetEnvironment _environment = null!;
    private SnippetWorkspace _workspace = null!;
    private XDocument? _testResults;

    public static IEnumerable<TestCaseData> Snippets() =>
        AllSnippets.Value.Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    public static IEnumerable<TestCaseData> Programs() =>
        AllSnippets.Value.Where(s => s.Kind == SnippetKind.Console).Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    public static IEnumerable<TestCaseData> TestFiles() =>
        AllSnippets.Value.Where(s => s.Kind == SnippetKind.NUnit).Select(s => new TestCaseData(s).SetArgDisplayNames(s.Name));

    [OneTimeSetUp]
    public void BuildSnippets()
    {
        _environment = SnippetEnvironment.FromEnvironment()!;
        if (_environment is null)
        {
            Assert.Ignore("GOVSTATS_PACKAGES / GOVSTATS_PACKAGE_VERSION not set: run .ci/consumer.sh, which packs the packages first");
        }

        _workspace = SnippetWorkspace.Create(AllSnippets.Value, _environment);
    }

    [OneTimeTearDown]
    public void RemoveWorkspace() => _workspace?.Dispose();

    [Test]
    public void Documents_EachPackedPackage_HasAReadmeWithCode()
    {
        var documents = MarkdownSnippet.Documents(_environment.RepositoryRoot);
        var withCode = AllSnippets.Value.Select(s => s.Document).ToHashSet();

        Assert.That(documents, Is.SupersetOf(new[]
        {
            "src/GovStatsValidation/README.md", "src/GovStatsValidation.Readers/README.md", "src/GovStatsValidation.CrossReport/README.md",
            "src/GovStatsValidation.NUnit/README.md", "src/GovStatsValidation.Cli/README.md",
        }));
        Assert.That(documents.Where(d => !d.EndsWith("GovStatsValidation.Cli/README.md", StringComparison.Ordinal)), Is.SubsetOf(withCode), "every library document shows C# code");
    }

    /// <summary>The NUnit helper adds to what `dotnet new nunit` makes today (NUnit 4.x), not only to NUnit 5 projects.</summary>
    [Test]
    public void NUnitTemplate_WithTheHelperPackage_RestoresAndBuilds()
    {
        var project = XDocument.Load(Path.Combine(_workspace.NUnitProject, "SnippetTests.csproj"));
        var references = project.Descendants("PackageReference").ToDictionary(e => (string)e.Attribute("Include")!, e => (string?)e.Attribute("Version"));

        Assert.That(references["NUnit"], Does.StartWith("4."), "the template's NUnit");
        Assert.That(references, Does.ContainKey("GovStatsValidation.NUnit"));
        Assert.That(_workspace.BuildExitCode, Is.Zero, _workspace.BuildLog);
        Assert.That(_workspace.BuildLog, Does.Not.Contain("NU1605"));
    }

    [TestCaseSource(nameof(Snippets))]
    public void Snippet_FromTheTemplate_BuildsWithoutWarnings(MarkdownSnippet snippet)
    {
        var diagnostics = _workspace.Diagnostics(snippet);

        Assert.That(diagnostics, Is.Empty, $"{snippet.Name} as {_workspace.SourceFile(snippet)}");
        Assert.That(File.Exists(_workspace.SourceFile(snippet)), Is.True);
        if (snippet.Kind == SnippetKind.Console)
        {
            Assert.That(File.Exists(_workspace.Assembly(snippet)), Is.True, $"{snippet.Name} was not built:\n{_workspace.BuildLog}");
        }
    }

    [TestCaseSource(nameof(Programs))]
    public void Program_Run_ExitsZeroAndPrintsTheDocumentedOutput(MarkdownSnippet snippet)
    {
        var run = RunProgram(snippet);

        Assert.That(run.ExitCode, Is.Zero, $"{snippet.Name} failed:\n{run.Output}\n{run.Error}");
        Assert.That(run.Output.Trim(), Is.Not.Empty, $"{snippet.Name} prints nothing: show the reader what it does");
        if (snippet.Output is { } documented)
        {
            var mismatch = OutputMismatch(documented, run.Output);
            Assert.That(mismatch, Is.Null, $"{snippet.Name}: the output documented below the code is not what it prints.\nPrinted:\n{run.Output}");
        }
    }

    [TestCaseSource(nameof(TestFiles))]
    public void TestFile_RunInTheNUnitTemplate_Passes(MarkdownSnippet snippet)
    {
        var results = TestResults();
        var outcomes = results.Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Where(e => (string?)e.Attribute("testName") is { } name && TestNames(snippet).Contains(name.Split('(')[0]))
            .Select(e => (Name: (string)e.Attribute("testName")!, Outcome: (string)e.Attribute("outcome")!, Message: e.Descendants().FirstOrDefault(d => d.Name.LocalName == "Message")?.Value))
            .ToList();

        Assert.That(outcomes, Is.Not.Empty, $"no test of {snippet.Name} ran");
        Assert.That(outcomes.Where(o => o.Outcome != "Passed"), Is.Empty, string.Join("\n", outcomes.Select(o => $"{o.Name}: {o.Outcome} {o.Message}")));
    }

    /// <summary>
    /// The integrator's path: the program of docs/integration.md that checks the folder of real reports prints, per report
    /// and finding, the same findings (source, severity, rule) as `govstats check` of the packed tool on the same folder,
    /// cross-report findings and unreadable files included.
    /// </summary>
    [Test]
    public void FolderProgram_RealReports_SameFindingsAsTheTool()
    {
        RequireShared();
        Assert.That(_environment.Tool, Is.Not.Null, "GOVSTATS_TOOL: the installed govstats of the packed tool package");
        var folderPrograms = AllSnippets.Value.Where(s => s.Kind == SnippetKind.Console && s.Code.Contains("CheckAsync([\"reports\"]", StringComparison.Ordinal)).ToList();
        Assert.That(folderPrograms.Select(s => s.Document), Is.EqualTo(new[] { "docs/integration.md" }), "one program of docs/integration.md checks the folder reports/");

        var printed = RunProgram(folderPrograms[0]).Output;
        var library = FindingLines().Matches(printed).Select(m => $"{m.Groups["source"].Value}: {m.Groups["what"].Value}".ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var cli = SnippetWorkspace.Run(_environment.Tool!, _workspace.WorkFolder, ["check", "reports", "--format", "json", "--lang", "en", "--fail-on", "never"], TimeSpan.FromMinutes(3));
        var tool = ToolLines(cli.Output).Select(l => l.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();

        Assert.That(cli.ExitCode, Is.Zero.Or.EqualTo(2), cli.Error);
        Assert.That(library, Is.EqualTo(tool), $"the program printed:\n{printed}");
        Assert.That(tool.Count(l => l.Contains(": cross-report ", StringComparison.Ordinal)), Is.Positive, "the folder holds two years of one agency: cross-report findings");
        foreach (var (_, file) in SnippetWorkspace.SharedReports)
        {
            Assert.That(library, Has.Some.StartsWith($"reports/{file}: "), $"{file} is read (or named as unreadable) through the library");
        }
    }

    private static IEnumerable<string> ToolLines(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var report in document.RootElement.GetProperty("reports").EnumerateArray())
        {
            foreach (var finding in report.GetProperty("findings").EnumerateArray())
            {
                yield return $"{report.GetProperty("source").GetString()}: {finding.GetProperty("severity").GetString()} {finding.GetProperty("rule").GetString()}";
            }
        }

        if (document.RootElement.TryGetProperty("crossReport", out var cross))
        {
            foreach (var finding in cross.EnumerateArray().SelectMany(j => j.GetProperty("findings").EnumerateArray()))
            {
                yield return $"{finding.GetProperty("subject").GetProperty("source").GetString()}: cross-report {finding.GetProperty("severity").GetString()} {finding.GetProperty("rule").GetString()}";
            }
        }

        foreach (var error in document.RootElement.GetProperty("inputErrors").EnumerateArray())
        {
            yield return $"{error.GetProperty("source").GetString()}: could not be read";
        }
    }

    private ProcessResult RunProgram(MarkdownSnippet snippet)
    {
        if (snippet.Code.Contains("\"reports", StringComparison.Ordinal))
        {
            RequireShared();
        }

        Assert.That(File.Exists(_workspace.Assembly(snippet)), Is.True, $"{snippet.Name} was not built:\n{_workspace.BuildLog}");
        if (!_runs.TryGetValue(snippet, out var run))
        {
            run = SnippetWorkspace.Run("dotnet", _workspace.WorkFolder, [_workspace.Assembly(snippet)], TimeSpan.FromMinutes(3));
            _runs[snippet] = run;
        }

        return run;
    }

    /// <summary>
    /// The test files run with `dotnet test` as their user would; a snapshot test's first run has no verified file yet and
    /// fails writing the received one, which the user accepts (mv) before the second run, as the document says.
    /// </summary>
    private XDocument TestResults()
    {
        if (_testResults is not null)
        {
            return _testResults;
        }

        Assert.That(Directory.Exists(_workspace.NUnitProject), Is.True);
        var first = RunTests("first.trx");
        var received = Directory.EnumerateFiles(_workspace.NUnitProject, "*.received.txt").ToList();
        if (first.ExitCode != 0 && received.Count > 0)
        {
            foreach (var file in received)
            {
                File.Move(file, file.Replace(".received.txt", ".verified.txt", StringComparison.Ordinal));
            }

            RunTests("second.trx");
            _testResults = XDocument.Load(Path.Combine(_workspace.NUnitProject, "TestResults", "second.trx"));
        }
        else
        {
            _testResults = XDocument.Load(Path.Combine(_workspace.NUnitProject, "TestResults", "first.trx"));
        }

        return _testResults;
    }

    private ProcessResult RunTests(string trx) =>
        SnippetWorkspace.Dotnet(_workspace.NUnitProject, "test", "--no-build", "--logger", $"trx;LogFileName={trx}", "--results-directory", Path.Combine(_workspace.NUnitProject, "TestResults"));

    private static HashSet<string> TestNames(MarkdownSnippet snippet) =>
        MethodName().Matches(snippet.Code).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    private void RequireShared()
    {
        if (_environment.SharedFolder is not null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("../shared not present, and CI=true: the real reports are required");
        }

        Assert.Ignore("skipped: ../shared not present");
    }

    /// <summary>
    /// Null when the printed output is the documented one, else why not. A documented line "…" stands for any number of
    /// lines; a documented line ending in "…" stands for a line that starts with the rest.
    /// </summary>
    internal static string? OutputMismatch(string documented, string printed)
    {
        var expected = documented.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var actual = printed.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return Matches(expected, 0, actual, 0) ? null : $"expected:\n{string.Join('\n', expected)}";
    }

    private static bool Matches(string[] expected, int e, string[] actual, int a)
    {
        if (e == expected.Length)
        {
            return a == actual.Length;
        }

        if (expected[e].Trim() == "…")
        {
            for (var skip = a; skip <= actual.Length; skip++)
            {
                if (Matches(expected, e + 1, actual, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return a < actual.Length && LineMatches(expected[e].TrimEnd(), actual[a].TrimEnd()) && Matches(expected, e + 1, actual, a + 1);
    }

    private static bool LineMatches(string expected, string actual) =>
        expected.EndsWith('…') ? actual.StartsWith(expected[..^1], StringComparison.Ordinal) : expected == actual;

    /// <summary>A line of the folder program: <c>SOURCE: [cross-report ]SEVERITY RULE…</c> or <c>SOURCE: could not be read…</c>.</summary>
    [GeneratedRegex(@"^(?<source>reports/\S+): (?<what>could not be read|(?:cross-report )?(?:error|warning|info) [\w.\-]+)(?=[ :(]|[ \t]*$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FindingLines();

    [GeneratedRegex(@"public\s+(async\s+Task|void)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodName();
}
