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
        var step = 1;
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }
        else if (head.Length >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            // UTF-16 with a byte order mark (File.ReadAllText honours it): look at the low byte of each character.
            head = head[0] == 0xFF ? head[2..] : head[3..];
            step = 2;
        }

        for (var i = 0; i < head.Length; i += step)
        {
            var b = head[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            // An array is not a report either, but it is JSON: the JSON reader says so rather than the text reader.
            return b is (byte)'{' or (byte)'[';
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
