using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>Runs the command line in-process against string writers and a fixed clock, from the repository root.</summary>
internal static class Cli
{
    public static readonly FixedTimeProvider Clock = new(2025, 6, 1);

    public static (int Code, string Out, string Error) Run(params string[] args) => Run(Clock, args);

    public static (int Code, string Out, string Error) Run(TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliContext(stdout, stderr, clock));
        return (code, stdout.ToString(), stderr.ToString());
    }
}

[SetUpFixture]
public sealed class RepositoryRootSetUp
{
    private string? _previous;

    [OneTimeSetUp]
    public void Enter()
    {
        _previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = TestPaths.RepositoryRoot;
    }

    [OneTimeTearDown]
    public void Leave()
    {
        if (_previous is not null)
        {
            Environment.CurrentDirectory = _previous;
        }
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govstats-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string? content = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (content is not null)
        {
            System.IO.File.WriteAllText(path, content);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
