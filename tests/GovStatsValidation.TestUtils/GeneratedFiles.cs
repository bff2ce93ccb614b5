using NUnit.Framework;

namespace GovStatsValidation.TestUtils;

/// <summary>
/// Files generated from the repository's data (schemas, rules) are checked in; a test compares each with what the code
/// generates now. Run the tests with UPDATE_GENERATED=1 to rewrite them, then read the diff and commit it.
/// </summary>
public static class GeneratedFiles
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GENERATED") == "1";

    /// <summary>Fails unless the file at <paramref name="path"/> holds <paramref name="generated"/> (rewrites it under UPDATE_GENERATED=1).</summary>
    /// <param name="path">The checked-in file.</param>
    /// <param name="generated">What the code generates now.</param>
    public static void AssertUpToDate(string path, string generated)
    {
        if (Update)
        {
            File.WriteAllText(path, generated);
            Assert.Pass($"rewrote {path}");
        }

        var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        Assert.That(current, Is.EqualTo(generated), $"{path} is out of date with rules/; run the tests with UPDATE_GENERATED=1 and commit the result");
    }
}
