using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using NUnit.Framework;

namespace GovStatsValidation.TestUtils;

/// <summary>
/// Snapshot assertions in Verify's layout: the accepted text is <c>&lt;TestClass&gt;.&lt;TestMethod&gt;.verified.txt</c> next to the
/// test's source file; on a mismatch the actual text is written to <c>&lt;…&gt;.received.txt</c> beside it and the test fails with a
/// line diff. Accept a change by renaming the received file to verified (or run once with
/// <c>GOVSTATS_ACCEPT_SNAPSHOTS=1</c>, never honoured when <c>CI=true</c>). Switching to Verify later means replacing
/// <c>Snapshot.Match(text)</c> with <c>await Verify(text)</c>: the file names are the same.
/// </summary>
public static class Snapshot
{
    /// <summary>Compares <paramref name="actual"/> with the verified snapshot of the calling test.</summary>
    /// <param name="actual">The text produced by the code under test.</param>
    /// <param name="name">A suffix when one test checks several snapshots (<c>Class.Method_name.verified.txt</c>).</param>
    /// <param name="sourceFile">Filled in by the compiler: the test's source file.</param>
    /// <param name="member">Filled in by the compiler: the test method.</param>
    public static void Match(string actual, string? name = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string member = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        var (verified, received) = Paths(sourceFile, member, name);
        var text = Normalize(actual);
        if (File.Exists(verified) && Normalize(File.ReadAllText(verified, Encoding.UTF8)) == text)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable("GOVSTATS_ACCEPT_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(verified, text, new UTF8Encoding(false));
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            TestContext.Out.WriteLine($"snapshot accepted: {verified}");
            return;
        }

        File.WriteAllText(received, text, new UTF8Encoding(false));
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified, Encoding.UTF8)) : null;
        Assert.Fail(expected is null
            ? $"No verified snapshot {Path.GetFileName(verified)}; the output was written to {received}. Review it and rename it to .verified.txt to accept."
            : $"Snapshot {Path.GetFileName(verified)} differs; the output was written to {received}.\n{Diff(expected, text)}");
    }

    /// <summary>The verified and received file paths of a test (exposed for tests of this helper).</summary>
    public static (string Verified, string Received) Paths(string sourceFile, string member, string? name = null)
    {
        var source = Locate(sourceFile);
        var directory = Path.GetDirectoryName(source)!;
        var stem = $"{Path.GetFileNameWithoutExtension(source)}.{member}{(name is null ? "" : "_" + name)}";
        return (Path.Combine(directory, stem + ".verified.txt"), Path.Combine(directory, stem + ".received.txt"));
    }

    /// <summary>A unified-style line diff: the first differing hunks, with two lines of context.</summary>
    public static string Diff(string expected, string actual, int maxLines = 60)
    {
        // DiffPlex finds the changed lines (whitespace counts: a snapshot is compared byte for byte).
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var lines = model.Lines.Select(l => (Op: l.Type switch { ChangeType.Deleted => '-', ChangeType.Inserted => '+', _ => ' ' }, l.Text)).ToList();

        var sb = new StringBuilder("--- verified\n+++ received\n");
        var shown = 0;
        for (var k = 0; k < lines.Count && shown < maxLines; k++)
        {
            var near = false;
            for (var d = -2; d <= 2; d++)
            {
                if (k + d >= 0 && k + d < lines.Count && lines[k + d].Op != ' ')
                {
                    near = true;
                    break;
                }
            }

            if (near)
            {
                sb.Append(lines[k].Op).Append(' ').Append(lines[k].Text).Append('\n');
                shown++;
            }
        }

        if (shown >= maxLines)
        {
            sb.Append("… (diff truncated)\n");
        }

        return sb.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The source file on disk; deterministic CI builds map the repository root to <c>/_/</c>, which is mapped back here.</summary>
    private static string Locate(string sourceFile)
    {
        if (File.Exists(sourceFile))
        {
            return sourceFile;
        }

        var normalized = sourceFile.Replace('\\', '/');
        if (normalized.StartsWith("/_/", StringComparison.Ordinal))
        {
            var mapped = Path.Combine(TestPaths.RepositoryRoot, normalized[3..]);
            if (File.Exists(mapped))
            {
                return mapped;
            }
        }

        throw new InvalidOperationException($"Snapshot: the test source file '{sourceFile}' is not on disk; snapshots live beside it.");
    }
}
