namespace GovStatsValidation.TestUtils;

/// <summary>Paths inside the repository, found by walking up from the test binaries to the folder holding the solution.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder of <c>GovStatsValidation.sln</c>).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The <c>rules/</c> folder.</summary>
    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The <c>tests/data/examples/</c> folder of hand-made report JSON.</summary>
    public static string Examples => Path.Combine(Root, "tests", "data", "examples");

    /// <summary>The <c>tests/data/extraction/</c> folder of expected extractions.</summary>
    public static string Extraction => Path.Combine(Root, "tests", "data", "extraction");

    /// <summary>A file of <c>tests/data/variants/</c>: hand-made report JSON of printed variants of a format (two value columns).</summary>
    public static string Variant(string fileName) => Path.Combine(Root, "tests", "data", "variants", fileName);

    /// <summary>A file of <c>tests/data/examples/</c>.</summary>
    public static string Example(string fileName) => Path.Combine(Examples, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovStatsValidation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GovStatsValidation.sln above {AppContext.BaseDirectory}.");
    }
}
