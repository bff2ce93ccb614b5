using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using NUnit.Framework;

namespace GovStatsValidation.NUnit;

/// <summary>
/// Snapshot assertions of findings in Verify's file layout: the text of <see cref="FindingsText.Format(ReportCheckResult)"/>
/// is compared with <c>&lt;TestClass&gt;.&lt;TestMethod&gt;.verified.txt</c> beside the calling test's source file. On a
/// difference, or when there is no verified file yet, the text is written to the matching <c>.received.txt</c> and the
/// test fails with a line diff; accept by renaming the received file to the verified one. Files are UTF-8 with a BOM,
/// <c>\n</c> line ends and no final newline, as Verify writes them, so switching to Verify is one line:
/// <c>await Verify(FindingsText.Format(result));</c>.
/// </summary>
public static class Snapshots
{
    private static readonly UTF8Encoding Utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Compares the findings of one checked report with the verified snapshot.</summary>
    /// <param name="result">The result of checking a report.</param>
    /// <param name="name">An optional suffix when one test takes several snapshots: <c>&lt;Class&gt;.&lt;Method&gt;_&lt;name&gt;.verified.txt</c>.</param>
    /// <param name="sourceFilePath">The calling test's source file; filled in by the compiler.</param>
    /// <exception cref="AssertionException">The findings differ from the verified snapshot, or there is none yet.</exception>
    /// <exception cref="InvalidOperationException">Not called from an NUnit test, or the source folder does not exist (deterministic source paths).</exception>
    public static void MatchFindings(ReportCheckResult result, string? name = null, [CallerFilePath] string sourceFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        Match(FindingsText.Format(result), name, sourceFilePath);
    }

    /// <summary>Compares findings (e.g. of several reports, or filtered) with the verified snapshot.</summary>
    /// <param name="findings">The findings.</param>
    /// <param name="name">An optional suffix when one test takes several snapshots: <c>&lt;Class&gt;.&lt;Method&gt;_&lt;name&gt;.verified.txt</c>.</param>
    /// <param name="sourceFilePath">The calling test's source file; filled in by the compiler.</param>
    /// <exception cref="AssertionException">The findings differ from the verified snapshot, or there is none yet.</exception>
    /// <exception cref="InvalidOperationException">Not called from an NUnit test, or the source folder does not exist (deterministic source paths).</exception>
    public static void MatchFindings(IEnumerable<Finding> findings, string? name = null, [CallerFilePath] string sourceFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(findings);
        Match(FindingsText.Format(findings), name, sourceFilePath);
    }

    internal static void Match(string text, string? name, string sourceFilePath)
    {
        var directory = Path.GetDirectoryName(sourceFilePath);
        if (string.IsNullOrEmpty(sourceFilePath) || string.IsNullOrEmpty(directory))
        {
            throw new InvalidOperationException("The calling test's source file is unknown (CallerFilePath was empty); pass sourceFilePath.");
        }

        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException(
                $"The calling test's source folder '{directory}' does not exist. The test project was probably built with deterministic " +
                "source paths (ContinuousIntegrationBuild=true maps them to /_/); set <DeterministicSourcePaths>false</DeterministicSourcePaths> " +
                "in the test project, as Verify also requires.");
        }

        var stem = Path.Combine(directory, FileStem(name));
        var verified = stem + ".verified.txt";
        var received = stem + ".received.txt";
        var actual = Normalize(text);

        if (File.Exists(verified))
        {
            var expected = Normalize(File.ReadAllText(verified, Encoding.UTF8));
            if (expected == actual)
            {
                File.Delete(received);
                return;
            }

            Write(received, actual);
            var diff = LineDiff.Unified(expected.Split('\n'), actual.Split('\n'));
            Assert.Fail(
                $"Findings differ from the verified snapshot.\n  verified: {verified}\n  received: {received}\n" +
                $"If the change is intended, accept it: mv \"{received}\" \"{verified}\"\n" +
                $"Diff (- verified, + received):\n{diff}");
        }

        Write(received, actual);
        Assert.Fail(
            $"No verified snapshot yet: {verified}\nThe findings were written to {received}; review it and accept it: " +
            $"mv \"{received}\" \"{verified}\"\n\n{actual}");
    }

    /// <summary>Verify's naming: <c>{Class}.{Method}</c>, then <c>_{parameter}={value}</c> for each test argument, then <c>_{name}</c>.</summary>
    internal static string FileStem(string? name)
    {
        var test = TestContext.CurrentContext.Test;
        if (string.IsNullOrEmpty(test.MethodName) || string.IsNullOrEmpty(test.ClassName))
        {
            throw new InvalidOperationException("Snapshots.MatchFindings must be called from within an NUnit test method.");
        }

        var className = test.ClassName;
        var dot = className.LastIndexOf('.');
        var sb = new StringBuilder(className[(dot + 1)..].Replace('+', '.')).Append('.').Append(test.MethodName);
        var parameters = test.Method?.MethodInfo.GetParameters() ?? [];
        var arguments = test.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameterName = i < parameters.Length ? parameters[i].Name : $"arg{i}";
            sb.Append('_').Append(parameterName).Append('=').Append(Convert.ToString(arguments[i], CultureInfo.InvariantCulture) ?? "null");
        }

        if (!string.IsNullOrEmpty(name))
        {
            sb.Append('_').Append(name);
        }

        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(sb.ToString().Select(c => Array.IndexOf(invalid, c) >= 0 || c is '/' or '\\' or ':' ? '_' : c));
    }

    private static string Normalize(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n');

    private static void Write(string path, string text) => File.WriteAllText(path, text, Utf8Bom);
}
