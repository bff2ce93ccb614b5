namespace GovStatsValidation.Reporting;

/// <summary>
/// The HTML report's style sheets and scripts, embedded from <c>Assets/</c> (edit them there as plain CSS and JavaScript).
/// The report inlines them, so it is one self-contained file that loads nothing from anywhere.
/// </summary>
internal static class HtmlAssets
{
    /// <summary>The report's layout: tables, findings, charts, print.</summary>
    public static string Css { get; } = Read("report.css");

    /// <summary>Clicking a finding lights up its cells; clicking a cell lights up its findings.</summary>
    public static string Script { get; } = Read("report.js");

    /// <summary>The review bar: filters, decisions, coverage.</summary>
    public static string ReviewCss { get; } = Read("review.css");

    /// <summary>The review script: decisions, filters, storage, export and merge of decisions, corrections.</summary>
    public static string ReviewScript { get; } = Read("review.js");

    private static string Read(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream("assets/" + name)
            ?? throw new InvalidOperationException($"The embedded asset assets/{name} is missing from {typeof(HtmlAssets).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        // Line ends as the renderer writes them, whatever a checkout did to the file.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
