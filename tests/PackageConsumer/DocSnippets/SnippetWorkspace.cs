using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace ReportPipeline.Tests.DocSnippets;

/// <summary>
/// Fresh projects from the stock <c>dotnet new console</c> and <c>dotnet new nunit</c> templates, outside the repository (so
/// none of its build settings apply), each with only the packed packages added (<c>dotnet add package</c>), restored from
/// the local feed .ci/consumer.sh packed plus the machine's NuGet source for everything else. One console project per
/// program snippet, one NUnit project for the test snippets; all built by one <c>dotnet build</c> of a solution.
/// </summary>
internal sealed class SnippetWorkspace : IDisposable
{
    private readonly Dictionary<MarkdownSnippet, string> _projects = [];
    private readonly List<string> _buildLines = [];

    private SnippetWorkspace(string root) => Root = root;

    public string Root { get; }

    /// <summary>The working folder the programs run in: report.json, report.txt and reports/ (see <see cref="PrepareData"/>).</summary>
    public string WorkFolder => Path.Combine(Root, "work");

    public string NUnitProject => Path.Combine(Root, "SnippetTests");

    public int BuildExitCode { get; private set; }

    public static SnippetWorkspace Create(IReadOnlyList<MarkdownSnippet> snippets, SnippetEnvironment environment)
    {
        var workspace = new SnippetWorkspace(Directory.CreateTempSubdirectory("govstats-snippets-").FullName);
        try
        {
            workspace.Build(snippets, environment);
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>Compiler and analyzer diagnostics (errors and warnings) reported for the snippet's own source files.</summary>
    public IReadOnlyList<string> Diagnostics(MarkdownSnippet snippet)
    {
        var file = SourceFile(snippet);
        return _buildLines.Where(l => l.Contains(file, StringComparison.Ordinal) && (l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    public string BuildLog => string.Join('\n', _buildLines.Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning NU", StringComparison.Ordinal)).Distinct());

    public string SourceFile(MarkdownSnippet snippet) => snippet.Kind == SnippetKind.NUnit
        ? Path.Combine(NUnitProject, snippet.Identifier + ".cs")
        : Path.Combine(_projects[snippet], "Program.cs");

    public string Assembly(MarkdownSnippet snippet) => Path.Combine(_projects[snippet], "bin", "Debug", "net10.0", snippet.Identifier + ".dll");

    private void Build(IReadOnlyList<MarkdownSnippet> snippets, SnippetEnvironment environment)
    {
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(environment.PackageFolder));
        var consoleTemplate = Path.Combine(Root, "_console");
        var nunitTemplate = Path.Combine(Root, "_nunit");
        Dotnet(Root, "new", "console", "--output", consoleTemplate, "--name", "ConsoleTemplate", "--no-restore").ThrowIfFailed("dotnet new console");
        Dotnet(Root, "new", "nunit", "--output", nunitTemplate, "--name", "SnippetTests", "--no-restore").ThrowIfFailed("dotnet new nunit");

        var projects = new List<string>();
        foreach (var snippet in snippets.Where(s => s.Kind == SnippetKind.Console))
        {
            var dir = Path.Combine(Root, snippet.Identifier);
            CopyTemplate(consoleTemplate, "ConsoleTemplate", dir, snippet.Identifier);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), snippet.Code);
            AddPackages(Path.Combine(dir, snippet.Identifier + ".csproj"), snippet.Packages, environment.PackageVersion);
            _projects[snippet] = dir;
            projects.Add(Path.Combine(dir, snippet.Identifier + ".csproj"));
        }

        var tests = snippets.Where(s => s.Kind == SnippetKind.NUnit).ToList();
        if (tests.Count > 0)
        {
            CopyTemplate(nunitTemplate, "SnippetTests", NUnitProject, "SnippetTests");
            File.Delete(Path.Combine(NUnitProject, "UnitTest1.cs"));
            foreach (var snippet in tests)
            {
                File.WriteAllText(Path.Combine(NUnitProject, snippet.Identifier + ".cs"), snippet.Code);
                _projects[snippet] = NUnitProject;
            }

            AddPackages(Path.Combine(NUnitProject, "SnippetTests.csproj"), tests.SelectMany(s => s.Packages).Distinct().ToList(), environment.PackageVersion);
            projects.Add(Path.Combine(NUnitProject, "SnippetTests.csproj"));
        }

        Dotnet(Root, "new", "sln", "--name", "Snippets", "--format", "sln").ThrowIfFailed("dotnet new sln");
        Dotnet(Root, ["sln", "Snippets.sln", "add", .. projects]).ThrowIfFailed("dotnet sln add");

        var build = Dotnet(Root, "build", "Snippets.sln", "-nologo", "-clp:NoSummary", "-v:minimal");
        BuildExitCode = build.ExitCode;
        _buildLines.AddRange(build.Output.Split('\n', StringSplitOptions.TrimEntries));
        PrepareData(environment);
    }

    /// <summary>
    /// The files the snippets read, in the folder the programs run in (the NUnit snippets find the same under their
    /// output folder): <c>report.json</c> (an example report whose 复议/诉讼 table is missing; the test files get a clean 2021 one
    /// as <c>report-2023.json</c> in their output folder); <c>examples/</c>, the example reports of tests/data/examples;
    /// <c>reports/</c> holding real
    /// published reports from ../shared as .txt, .html, .docx and .pdf, two years of one agency among them.
    /// </summary>
    private void PrepareData(SnippetEnvironment environment)
    {
        Directory.CreateDirectory(WorkFolder);
        var examples = Path.Combine(environment.RepositoryRoot, "tests", "data", "examples");
        File.Copy(Path.Combine(examples, "seed-004-tongxiang-enforcement-2020.json"), Path.Combine(WorkFolder, "report.json"));
        var exampleCopy = Directory.CreateDirectory(Path.Combine(WorkFolder, "examples")).FullName;
        foreach (var file in Directory.EnumerateFiles(examples, "*.json"))
        {
            File.Copy(file, Path.Combine(exampleCopy, Path.GetFileName(file)));
        }
        var testOutput = Path.Combine(NUnitProject, "bin", "Debug", "net10.0");
        if (Directory.Exists(testOutput))
        {
            File.Copy(Path.Combine(examples, "synthetic-clean-2021-2023.json"), Path.Combine(testOutput, "report-2023.json"));
        }

        if (environment.SharedFolder is { } shared)
        {
            var reports = Directory.CreateDirectory(Path.Combine(WorkFolder, "reports")).FullName;
            foreach (var (from, to) in SharedReports)
            {
                File.Copy(Path.Combine(shared, from), Path.Combine(reports, to));
            }
        }
    }

    /// <summary>The real reports of <c>reports/</c>: a text, an HTML page, a Word file and two PDFs of one agency (2023, 2024).</summary>
    public static readonly IReadOnlyList<(string From, string To)> SharedReports =
    [
        ("corpus/pdf/hongze_2023.pdf", "hongze-2023.pdf"),
        ("corpus/pdf/hongze_2024.pdf", "hongze-2024.pdf"),
        ("corpus/huaian_city_2024.txt", "huaian-2024.txt"),
        ("corpus/pingtan/pingtan_zone_2023.html", "pingtan-2023.html"),
        ("corpus/template_2021_format.docx", "template-2021.docx"),
    ];

    private static void CopyTemplate(string template, string templateName, string target, string name)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(template))
        {
            var fileName = Path.GetFileName(file) == templateName + ".csproj" ? name + ".csproj" : Path.GetFileName(file);
            File.Copy(file, Path.Combine(target, fileName));
        }
    }

    /// <summary>What <c>dotnet add package ID --version V --no-restore</c> writes, for each package, without starting the CLI once per package.</summary>
    private static void AddPackages(string project, IReadOnlyList<string> packages, string version)
    {
        var document = XDocument.Load(project, LoadOptions.PreserveWhitespace);
        var group = new XElement("ItemGroup");
        foreach (var package in packages)
        {
            group.Add(new XElement("PackageReference", new XAttribute("Include", package), new XAttribute("Version", version)));
        }

        document.Root!.Add(group);
        document.Save(project);
    }

    private static string NuGetConfig(string packageFolder) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{packageFolder}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="GovStatsValidation" />
              <package pattern="GovStatsValidation.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    public static ProcessResult Dotnet(string workingDirectory, params string[] arguments) => Run("dotnet", workingDirectory, arguments, TimeSpan.FromMinutes(8));

    public static ProcessResult Run(string fileName, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // This test runs inside `dotnet test`: the test host's MSBuild and VSTest variables must not leak into the builds it starts.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}");
        }

        return new ProcessResult(process.ExitCode, stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal), stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public ProcessResult ThrowIfFailed(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Output}\n{Error}");
}

/// <summary>Where the packed packages are and which version, from .ci/consumer.sh; the repository; ../shared when present.</summary>
internal sealed record SnippetEnvironment(string RepositoryRoot, string PackageFolder, string PackageVersion, string? Tool, string? SharedFolder)
{
    public static SnippetEnvironment? FromEnvironment()
    {
        var root = FindRoot();
        var folder = Environment.GetEnvironmentVariable("GOVSTATS_PACKAGES");
        var version = Environment.GetEnvironmentVariable("GOVSTATS_PACKAGE_VERSION");
        if (string.IsNullOrEmpty(folder) || string.IsNullOrEmpty(version))
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        return new SnippetEnvironment(root, folder, version, Environment.GetEnvironmentVariable("GOVSTATS_TOOL"), Directory.Exists(Path.Combine(shared, "corpus")) ? shared : null);
    }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovStatsValidation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (GovStatsValidation.sln) not found above " + AppContext.BaseDirectory);
    }
}
