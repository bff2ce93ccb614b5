namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>The repository root and the shared real texts (../shared), with the preamble's rule for their absence.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovStatsValidation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (GovStatsValidation.sln) not found.");
    });

    public static string Root => RootPath.Value;

    public static string SharedRoot => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The real texts of ../shared; ignores the test when absent, unless CI=true (then fails).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> RequireSharedTexts()
    {
        if (!Directory.Exists(Path.Combine(SharedRoot, "seeds")))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("../shared is missing (CI=true).");
            }

            Assert.Ignore("skipped: ../shared not present");
        }

        return Directory.EnumerateFiles(Path.Combine(SharedRoot, "seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(SharedRoot, "corpus"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
    }
}
