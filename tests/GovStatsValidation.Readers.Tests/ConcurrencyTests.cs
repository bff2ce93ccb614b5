using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>
/// One reader is shared by the files of a folder read in parallel (govstats check --threads N, the library pipeline). Its
/// label caches were plain dictionaries: `check --threads 2` on five real reports failed in 1 of 10 runs with "Destination
/// array was not long enough" (Dictionary.Resize in LabelMatcher.Match). A race shows only by chance, so this test is a
/// guard that can miss it, not a proof.
/// </summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    [Test]
    public void Read_OneReaderManyThreads_SameCellsAsReadAlone()
    {
        // A fresh reader builds its label matchers and their caches on first use: the reads race on them from the start
        // (real reports: their many distinct printed labels grow the caches while other threads read them).
        var fixtures = new[] { "corpus/pdf/hongze_2023.pdf", "corpus/pdf/hongze_2024.pdf", "corpus/huaian_city_2024.txt", "corpus/pingtan/pingtan_zone_2023.html", "corpus/pdf/huaian_2024.raw.txt" }
            .Select(f => File.ReadAllBytes(TestPaths.Shared(f))).ToList();
        var expected = fixtures.Select(bytes => Cells(new PublishedReportReader().Read(bytes, "alone"))).ToList();

        for (var round = 0; round < 3; round++)
        {
            var reader = new PublishedReportReader();
            var results = new string[fixtures.Count * 2];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
                results[i] = Cells(reader.Read(fixtures[i % fixtures.Count], $"file{i}")));
            for (var i = 0; i < results.Length; i++)
            {
                Assert.That(results[i], Is.EqualTo(expected[i % fixtures.Count]), $"round {round}, read {i}");
            }
        }
    }

    private static string Cells(Model.AnnualReport report) => string.Join(";", report.Cells.Select(c => $"{c.Key}={c.Value.Number}"));
}
