using GovStatsValidation.Reliability.Tests.Support;

namespace GovStatsValidation.Reliability.Tests.Catalogue;

/// <summary>Runs one catalogue input through the CLI's check path and describes the outcome for its snapshot.</summary>
internal static class CatalogueCase
{
    public static string Check(string fileName, string text) => Check(fileName, Samples.Utf8(text));

    public static string Check(string fileName, byte[] bytes)
    {
        using var dir = new TempDir();
        return Pipeline.Describe(dir.Write(fileName, bytes));
    }

    /// <summary>A hand-written input of Catalogue/Inputs (copied to the output folder).</summary>
    public static string CheckInput(string fileName) =>
        Pipeline.Describe(Path.Combine(TestContext.CurrentContext.TestDirectory, "Catalogue", "Inputs", fileName));
}
