using GovStatsValidation.Model;

namespace GovStatsValidation.Json;

/// <summary>Reads one kind of report file into the model. The reader is chosen by content, not by file extension.</summary>
public interface IReportReader
{
    /// <summary>The kind of input, e.g. <c>json</c>, <c>text</c>, <c>html</c>, <c>docx</c>.</summary>
    string Format { get; }

    /// <summary>Whether this reader recognises the content (the first bytes of the file) as its kind.</summary>
    /// <param name="head">Up to the first 4 KiB of the file.</param>
    /// <param name="path">The path, for readers that also look at the name (never decisive on its own).</param>
    bool CanRead(ReadOnlySpan<byte> head, string path);

    /// <summary>Reads the report.</summary>
    /// <exception cref="ReportLoadException">The file cannot be read as a report; the message names file, line and cell.</exception>
    AnnualReport Read(string path);
}

/// <summary>Reads canonical report JSON.</summary>
public sealed class JsonReportReader : IReportReader
{
    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
    public bool CanRead(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    /// <inheritdoc/>
    public Model.AnnualReport Read(string path)
    {
        var report = ReportJson.ReadFile(path);
        report.Input ??= new InputInfo { Format = Format };
        return report;
    }
}
