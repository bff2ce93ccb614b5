using System.Globalization;
using System.Text;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Schemas;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.Readers.Pipeline;

/// <summary>The default <see cref="IReportLoader"/>: JSON when the content starts as JSON, a published report otherwise.</summary>
internal sealed class ReportLoader : IReportLoader
{
    private const int HeadLength = 4096;

    private readonly JsonReportReader _json = new();
    private readonly PublishedReportReader _published;
    private readonly SchemaVersion? _schema;
    private readonly Corrections.CorrectionSet? _corrections;

    public ReportLoader(IOptions<ReportReadingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _schema = options.Value.Schema;
        _corrections = options.Value.Corrections;
        // A forced format guides the reading itself (which labels and columns the tables are read by), not only the
        // checking of what was read: a report whose tables name no format (cut to its application table) reads too.
        _published = new PublishedReportReader(new ReportReaderOptions { SchemaId = _schema?.ToToken() }) { Enrichers = { new NarrativeReader().Enrich } };
    }

    public async Task<AnnualReport> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Only a regular file is opened: a FIFO would block in open(), a device never ends.
        await using var stream = IO.SafeFile.OpenRead(path);
        return await LoadAsync(stream, path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AnnualReport> LoadAsync(Stream content, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        var head = new byte[HeadLength];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new ReportLoadException(name, null, null, "file is empty");
        }

        var isJson = _json.CanRead(head.AsSpan(0, read), name);
        var limit = isJson ? ReportJson.MaxLength : PublishedReportReader.MaxBytes;
        if (content.CanSeek && content.Length > limit)
        {
            throw TooLarge(name, content.Length, isJson, limit);
        }

        var bytes = await ReadRest(content, head, read, limit, cancellationToken).ConfigureAwait(false)
            ?? throw TooLarge(name, null, isJson, limit);
        var report = isJson ? ReadJson(bytes, name) : _published.Read(bytes, name);
        report.Source = name;
        if (_schema is { } v && v != report.Schema)
        {
            report = WithSchema(report, v);
        }

        // Corrections are matched against the file's hash and the cells as read, so they apply here, at reading time.
        report.SourceSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        _corrections?.Apply(report);
        return report;
    }

    private AnnualReport ReadJson(byte[] bytes, string name)
    {
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var report = ReportJson.Read(reader.ReadToEnd(), name);
        report.Input ??= new InputInfo { Format = _json.Format };
        return report;
    }

    /// <summary>The whole content, or <see langword="null"/> when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadRest(Stream content, byte[] head, int read, int limit, CancellationToken cancellationToken)
    {
        if (read < head.Length)
        {
            return head.AsSpan(0, read).ToArray();
        }

        using var buffer = new MemoryStream();
        buffer.Write(head, 0, read);
        var chunk = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private static ReportLoadException TooLarge(string name, long? length, bool json, int limit) =>
        new(name, null, null, string.Create(CultureInfo.InvariantCulture,
            $"file is {(length is { } l ? $"{l:N0} bytes" : $"more than {limit:N0} bytes")}; the limit for a report{(json ? " JSON" : "")} is {limit:N0}"));

    /// <summary>A copy of the report read as another table format, with a note saying so.</summary>
    internal static AnnualReport WithSchema(AnnualReport report, SchemaVersion version)
    {
        var copy = report.With(schema: version);
        var input = report.Input ?? new InputInfo { Format = "unknown" };
        copy.Input = input with { Notes = [.. input.Notes, $"schema forced to {version.ToToken()} by --schema (was {report.Schema.ToToken()})"] };
        return copy;
    }
}
