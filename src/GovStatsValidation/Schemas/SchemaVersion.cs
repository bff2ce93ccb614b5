namespace GovStatsValidation.Schemas;

/// <summary>The three statistics-table formats of the annual report.</summary>
public enum SchemaVersion
{
    /// <summary>《政府信息公开情况统计表》, reports 2014–2018 (国办发〔2014〕32号). Token <c>pre2019</c>.</summary>
    Pre2019,

    /// <summary>The 2019 trial format (国办公开办函〔2019〕60号), reports 2019–2020. Token <c>2019</c>.</summary>
    Format2019,

    /// <summary>The 2021 revised format (国办公开办函〔2021〕30号), reports 2021 onward. Token <c>2021</c>.</summary>
    Format2021,
}

/// <summary>Conversions between <see cref="SchemaVersion"/> and its stable text token.</summary>
public static class SchemaVersions
{
    /// <summary>All versions, oldest first.</summary>
    public static IReadOnlyList<SchemaVersion> All { get; } = [SchemaVersion.Pre2019, SchemaVersion.Format2019, SchemaVersion.Format2021];

    /// <summary>The stable token used in JSON and on the command line: <c>pre2019</c>, <c>2019</c> or <c>2021</c>.</summary>
    public static string ToToken(this SchemaVersion version) => version switch
    {
        SchemaVersion.Pre2019 => "pre2019",
        SchemaVersion.Format2019 => "2019",
        SchemaVersion.Format2021 => "2021",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>Parses a token (<c>pre2019</c>, <c>2019</c>, <c>2021</c>; also the enum names).</summary>
    /// <returns><see langword="true"/> when the token names a version.</returns>
    public static bool TryParse(string? token, out SchemaVersion version)
    {
        switch (token?.Trim().ToLowerInvariant())
        {
            case "pre2019" or "a" or "schema-a":
                version = SchemaVersion.Pre2019; return true;
            case "2019" or "format2019" or "b":
                version = SchemaVersion.Format2019; return true;
            case "2021" or "format2021" or "c":
                version = SchemaVersion.Format2021; return true;
            default:
                version = default; return false;
        }
    }

    /// <summary>The schema the format rules prescribe for a report year: before 2019 the 统计表, 2019–2020 the trial format, later the 2021 format.</summary>
    public static SchemaVersion ForYear(int reportYear) =>
        reportYear <= 2018 ? SchemaVersion.Pre2019 : reportYear <= 2020 ? SchemaVersion.Format2019 : SchemaVersion.Format2021;
}
