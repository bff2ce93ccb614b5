using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of the Readers package is recorded in src/GovStatsValidation.Readers/PublicAPI.txt; an unrecorded change
    /// fails here and writes PublicAPI.received.txt beside it (accept by renaming it over PublicAPI.txt).
    /// </summary>
    [Test]
    public void PublicApi_ReadersAssembly_MatchesRecordedFile()
    {
        if (PublicApi.Compare(typeof(global::GovStatsValidation.Readers.Pipeline.IReportPipeline).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.Readers", "PublicAPI.txt")) is { } difference)
        {
            Assert.Fail(difference);
        }
    }
}
