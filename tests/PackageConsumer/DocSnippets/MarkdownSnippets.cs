using System.Text.RegularExpressions;

namespace ReportPipeline.Tests.DocSnippets;

/// <summary>How a snippet is built: as the Program.cs of a <c>dotnet new console</c> project, or as a test file of a <c>dotnet new nunit</c> project.</summary>
public enum SnippetKind
{
    /// <summary>A whole program (top-level statements, then any types it declares).</summary>
    Console,

    /// <summary>A whole NUnit test file (using directives, then a test class).</summary>
    NUnit,
}

/// <summary>
/// One C# block of a markdown file, as a user would copy it: every <c>```csharp</c> block of the documents is one, and is
/// built and run as it stands. An output block right after it (at most one line of prose, <c>&lt;!-- output --&gt;</c>, then a
/// <c>```text</c> block) is what the program prints; a line <c>…</c> in it stands for any number of lines, a line ending in
/// <c>…</c> for a line that starts so.
/// </summary>
/// <param name="Document">The markdown file, relative to the repository root (forward slashes).</param>
/// <param name="Line">The line of the opening fence.</param>
/// <param name="Code">The code.</param>
/// <param name="Output">The documented output, or null.</param>
public sealed partial record MarkdownSnippet(string Document, int Line, string Code, string? Output)
{
    /// <summary>The documents whose C# blocks are built: the README, the integration guide and every package's README.</summary>
    public static IReadOnlyList<string> Documents(string root)
    {
        var packageReadmes = Directory.EnumerateDirectories(Path.Combine(root, "src"))
            .Where(d => File.Exists(Path.Combine(d, "README.md")) && IsPackable(d))
            .Select(d => $"src/{Path.GetFileName(d)}/README.md")
            .Order(StringComparer.Ordinal);
        return ["README.md", "docs/integration.md", .. packageReadmes];
    }

    /// <summary>Every C# block of the documents, in document order.</summary>
    public static IReadOnlyList<MarkdownSnippet> All(string root) =>
        Documents(root).SelectMany(d => Parse(d, File.ReadAllText(Path.Combine(root, d)))).ToList();

    /// <summary>The C# blocks of one markdown text.</summary>
    public static IEnumerable<MarkdownSnippet> Parse(string document, string markdown)
    {
        markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (Match block in CSharpBlock().Matches(markdown))
        {
            var line = 1 + markdown.AsSpan(0, block.Index).Count('\n');
            var after = OutputBlock().Match(markdown, block.Index + block.Length);
            yield return new MarkdownSnippet(document, line, block.Groups["code"].Value, after.Success ? after.Groups["output"].Value : null);
        }
    }

    /// <summary>A test is an NUnit test file; anything else is a program.</summary>
    public SnippetKind Kind => TestAttribute().IsMatch(Code) ? SnippetKind.NUnit : SnippetKind.Console;

    /// <summary>A name for the test case and the project: the document and the line.</summary>
    public string Name => $"{Document}:{Line}";

    /// <summary>A project or file name made of the name.</summary>
    public string Identifier => "Snippet_" + NonIdentifier().Replace($"{Path.GetFileNameWithoutExtension(Document)}_{Path.GetFileName(Path.GetDirectoryName(Document)) ?? "root"}_{Line}", "_");

    /// <summary>
    /// The packed packages a user adds for this code, from its using directives: the most specific package whose namespace it
    /// imports (each brings the core package with it).
    /// </summary>
    public IReadOnlyList<string> Packages
    {
        get
        {
            var namespaces = UsingDirective().Matches(Code).Select(m => m.Groups["ns"].Value).ToHashSet(StringComparer.Ordinal);
            bool Uses(string ns) => namespaces.Any(n => n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));
            var packages = new List<string>();
            if (Uses("GovStatsValidation.Readers"))
            {
                packages.Add("GovStatsValidation.Readers");
            }
            else if (Uses("GovStatsValidation.CrossReport"))
            {
                packages.Add("GovStatsValidation.CrossReport");
            }

            if (Uses("GovStatsValidation.NUnit"))
            {
                packages.Add("GovStatsValidation.NUnit");
            }

            if (packages.Count == 0)
            {
                packages.Add("GovStatsValidation");
            }

            return packages;
        }
    }

    private static bool IsPackable(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "*.csproj").Any(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal));

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```[ ]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    /// <summary>Right after the code: at most one line of prose (such as "prints"), the marker, then the text block.</summary>
    [GeneratedRegex(@"\G\s*(?:[^\n`<]+\n\s*)?<!-- output -->\s*```text\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();

    [GeneratedRegex(@"^\s*\[(Test|TestCase|TestFixture|TestCaseSource)\b", RegexOptions.Multiline)]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^using\s+(static\s+)?(\w+\s*=\s*)?(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NonIdentifier();
}
