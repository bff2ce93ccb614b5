using NUnit.Framework;

namespace GovStatsValidation.TestUtils;

/// <summary>Paths of the repository (through <see cref="RepoPaths"/>) and of the shared material beside it.</summary>
public static class TestPaths
{
    /// <summary>The repository root (the folder of GovStatsValidation.sln).</summary>
    public static string RepositoryRoot => RepoPaths.Root;

    /// <summary>A path under the repository root.</summary>
    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>The hand-read example reports (<c>tests/data/examples</c>).</summary>
    public static string Examples => InRepository("tests", "data", "examples");

    /// <summary>
    /// <c>../shared</c> (relative to the repository root) or a sub-path of it. When it is missing the test is ignored,
    /// unless <c>CI=true</c>, where it fails.
    /// </summary>
    public static string RequireShared(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", .. parts]));
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{path} is required under CI");
            }

            Assert.Ignore("skipped: ../shared not present");
        }

        return path;
    }
}

/// <summary>A clock fixed at one instant, in UTC.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>A clock fixed at midday UTC of a date.</summary>
    public FixedTimeProvider(int year, int month, int day) : this(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
