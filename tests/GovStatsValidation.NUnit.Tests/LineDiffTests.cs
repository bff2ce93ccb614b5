using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class LineDiffTests
{
    [Test]
    public void Unified_ChangedLine_ShowsItWithContext()
    {
        string[] before = ["a", "b", "c", "d", "e", "f", "g"];
        string[] after = ["a", "b", "c", "D", "e", "f", "g"];

        var diff = LineDiff.Unified(before, after);

        Assert.That(diff, Is.EqualTo("@@ verified line 2, received line 2 @@\n  b\n  c\n- d\n+ D\n  e\n  f\n"));
    }

    [Test]
    public void Unified_InsertionAndDeletionFarApart_TwoHunks()
    {
        var before = Enumerable.Range(1, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var after = before.ToList();
        after.Insert(2, "new");
        after.Remove("18");

        var diff = LineDiff.Unified(before, after);

        Assert.That(diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(diff, Does.Contain("+ new\n"));
        Assert.That(diff, Does.Contain("- 18\n"));
        Assert.That(diff, Does.Not.Contain("  10\n"), "unchanged lines far from a change are left out");
    }

    [Test]
    public void Unified_Equal_IsEmpty() =>
        Assert.That(LineDiff.Unified(["x", "y"], ["x", "y"]), Is.Empty);
}
