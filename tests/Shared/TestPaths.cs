using NUnit.Framework;

namespace GovStatsValidation.TestShared;

/// <summary>Locates the repository root (the folder holding GovStatsValidation.sln) and its test data.</summary>
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

        throw new InvalidOperationException("Repository root (GovStatsValidation.sln) not found above " + TestContext.CurrentContext.TestDirectory);
    });

    public static string RepoRoot => Root.Value;

    /// <summary>A file under <c>tests/data/examples</c>.</summary>
    public static string Example(string fileName) => Path.Combine(RepoRoot, "tests", "data", "examples", fileName);

    /// <summary>All files under <c>tests/data/examples</c>, in ordinal order.</summary>
    public static IEnumerable<string> Examples() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot, "tests", "data", "examples"), "*.json").Order(StringComparer.Ordinal);
}
