using GovStatsValidation.Readers.Schema;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>Locates the repository (rules/tables) and the shared real texts (../shared).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovStatsValidation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (GovStatsValidation.sln) not found.");
    });

    private static readonly Lazy<IReadOnlyList<TableSchema>> Schemas = new(() => TableSchema.LoadDirectory(SchemaDirectory));

    public static string RepoRoot => Root.Value;

    public static string SchemaDirectory => Path.Combine(RepoRoot, "rules", "tables");

    public static TableSchema Schema(string id) => Schemas.Value.Single(s => s.Id == id);

    public static ReportReader Reader() => new(new ReportReaderOptions { SchemaDirectory = SchemaDirectory });

    /// <summary>Path of a file or folder under ../shared; ignores the test when ../shared is absent, unless CI=true (then fails).</summary>
    public static string Shared(string relative)
    {
        var shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        var path = Path.Combine(shared, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"../shared/{relative} is missing (CI=true).");
            }

            Assert.Ignore("skipped: ../shared not present");
        }

        return path;
    }
}
