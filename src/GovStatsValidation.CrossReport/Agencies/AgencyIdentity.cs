using GovStatsValidation.Model;

namespace GovStatsValidation.CrossReport.Agencies;

/// <summary>How much of its jurisdiction a report's figures cover.</summary>
public enum ReportScope
{
    /// <summary>Not known: the report's own body, unless something says otherwise.</summary>
    Unknown,

    /// <summary>The publishing body's own work only.</summary>
    Own,

    /// <summary>The whole jurisdiction (全市, 全区), compiled from its departments.</summary>
    Jurisdiction,
}

/// <summary>
/// Who published a report, as the cross-report rules need it: the jurisdiction it belongs to, the body within it, a
/// key that is the same for every spelling of the same body (full or short name, with or without the place prefix,
/// an old name given in an alias file), and its level.
/// </summary>
public sealed record AgencyIdentity
{
    /// <summary>The name as printed in the report.</summary>
    public required string Name { get; init; }

    /// <summary>The stable key of the body: jurisdiction key and canonical body, e.g. <c>桐乡|综合行政执法局</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The jurisdiction the body belongs to (or governs), as printed, e.g. 桐乡市; <see langword="null"/> when unknown.</summary>
    public string? Jurisdiction { get; init; }

    /// <summary>The jurisdiction's key (the place name without its level word), e.g. 桐乡; <c>?</c>-prefixed name when unknown.</summary>
    public required string JurisdictionKey { get; init; }

    /// <summary>The body within the jurisdiction in its canonical (full) form, e.g. 人民政府, 行政审批服务中心.</summary>
    public required string Body { get; init; }

    /// <summary>The administrative level.</summary>
    public AgencyLevel Level { get; init; }

    /// <summary>Whether the body is the jurisdiction's government (人民政府) rather than one of its departments.</summary>
    public bool IsGovernment { get; init; }

    /// <summary>For a government, the higher jurisdiction it belongs to (嘉兴市 for 桐乡市), when known.</summary>
    public string? HigherJurisdiction { get; init; }

    /// <summary>Why the identity is as it is (which mapping, alias or lexicon word decided).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Name} → {Key} ({Level.ToString().ToLowerInvariant()}{(IsGovernment ? ", government" : "")})";
}
