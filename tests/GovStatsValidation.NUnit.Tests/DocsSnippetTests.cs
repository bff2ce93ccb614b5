using System.Text.RegularExpressions;
using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

/// <summary>
/// The C# blocks of docs/integration.md marked <c>&lt;!-- snippet: name --&gt;</c> are copies of the regions between
/// <c>// begin-snippet: name</c> and <c>// end-snippet</c> in tests/PackageConsumer, which compile and run against the
/// packed packages; this keeps the two identical.
/// </summary>
[TestFixture]
public sealed partial class DocsSnippetTests
{
    private static string Docs => Path.Combine(RepoPaths.Root, "docs", "integration.md");

    private static string Consumer => Path.Combine(RepoPaths.Root, "tests", "PackageConsumer");

    public static IEnumerable<string> SnippetNames() =>
        DocSnippet().Matches(File.ReadAllText(Docs)).Select(m => m.Groups["name"].Value);

    [Test]
    public void Docs_HaveTheThreeStarts() =>
        Assert.That(SnippetNames(), Is.SupersetOf(new[] { "package-consumer", "fluentvalidation", "pipeline-test" }));

    [TestCaseSource(nameof(SnippetNames))]
    public void Snippet_InDocs_IsTheConsumerCode(string name)
    {
        var doc = DocSnippet().Matches(File.ReadAllText(Docs)).Single(m => m.Groups["name"].Value == name).Groups["code"].Value;
        var sources = Directory.EnumerateFiles(Consumer, "*.cs")
            .Select(f => (File: f, Match: SourceSnippet().Matches(File.ReadAllText(f)).SingleOrDefault(m => m.Groups["name"].Value == name)))
            .Where(x => x.Match is not null)
            .ToList();

        Assert.That(sources, Has.Count.EqualTo(1), $"snippet '{name}' must be in exactly one file of tests/PackageConsumer");
        Assert.That(Normalize(doc), Is.EqualTo(Dedent(sources[0].Match!.Groups["code"].Value)), $"docs/integration.md snippet '{name}' differs from {Path.GetFileName(sources[0].File)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');

    private static string Dedent(string code)
    {
        var lines = Normalize(code).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')));
    }

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\s*```csharp\n(?<code>.*?)```\s*<!-- end-snippet -->", RegexOptions.Singleline)]
    private static partial Regex DocSnippet();

    [GeneratedRegex(@"// begin-snippet: (?<name>[\w-]+)[^\n]*\n(?<code>.*?)\n[ ]*// end-snippet", RegexOptions.Singleline)]
    private static partial Regex SourceSnippet();
}
