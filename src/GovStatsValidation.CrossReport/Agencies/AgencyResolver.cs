using System.Text;
using GovStatsValidation.Model;

namespace GovStatsValidation.CrossReport.Agencies;

/// <summary>
/// Reads agency names: the place prefix (桐乡市, 浙江省桐乡市) with its level word, the body after it with short forms
/// made full (政府 → 人民政府, 审批中心 → 行政审批服务中心), aliases for renamed bodies, and a user's mapping for what the
/// name cannot tell (市行政审批服务中心 without its city; whether a government's report covers the whole jurisdiction).
/// The words are data (<c>rules/agencies/lexicon.json</c>).
/// </summary>
public sealed class AgencyResolver
{
    private readonly AgencyLexicon _lexicon;
    private readonly AgencyMap _map;
    private readonly Dictionary<string, string> _aliases;

    /// <summary>A resolver over the built-in lexicon and an optional user mapping.</summary>
    public AgencyResolver(AgencyMap? map = null)
        : this(AgencyLexicon.BuiltIn, map)
    {
    }

    internal AgencyResolver(AgencyLexicon lexicon, AgencyMap? map)
    {
        _lexicon = lexicon;
        _map = map ?? new AgencyMap();
        _aliases = new Dictionary<string, string>(lexicon.Aliases, StringComparer.Ordinal);
        foreach (var (from, to) in _map.Aliases)
        {
            _aliases[Clean(from)] = to;
        }
    }

    /// <summary>The user mapping in force.</summary>
    public AgencyMap Map => _map;

    /// <summary>Identifies the body that published a report.</summary>
    public AgencyIdentity Identify(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var notes = new List<string>();
        var printed = agency.Name.Trim();
        var name = Clean(printed);
        for (var hops = 0; hops < 8 && _aliases.TryGetValue(name, out var renamed); hops++)
        {
            notes.Add($"alias: {name} → {renamed}");
            name = Clean(renamed);
        }

        var entry = Entry(printed) ?? Entry(name);
        var (places, rest) = SplitPlaces(name);
        var body = rest;
        if (places.Count == 0)
        {
            foreach (var bare in _lexicon.BareLevelPrefixes)
            {
                if (body.StartsWith(bare, StringComparison.Ordinal) && body.Length > bare.Length + 1)
                {
                    body = body[bare.Length..];
                    notes.Add($"'{bare}' without a place name: jurisdiction from the report or the mapping");
                    break;
                }
            }
        }

        if (_lexicon.ShortForms.TryGetValue(body, out var full))
        {
            body = full;
        }

        var isGovernment = body.Length == 0 || _lexicon.GovernmentBodies.Contains(body);
        if (isGovernment)
        {
            body = _lexicon.GovernmentBodies[0];
        }

        string? jurisdiction;
        string? higher = null;
        AgencyLevel level;
        if (isGovernment && places.Count > 0)
        {
            jurisdiction = places[^1].Name;
            higher = places.Count > 1 ? places[^2].Name : agency.Parent;
            level = places[^1].Level;
        }
        else
        {
            jurisdiction = places.Count > 0 ? places[^1].Name : agency.Parent;
            level = BodyLevel(body);
        }

        if (entry?.Jurisdiction is { } mapped)
        {
            jurisdiction = mapped;
            notes.Add($"jurisdiction from the mapping: {mapped}");
        }

        if (entry?.Level is { } mappedLevel)
        {
            level = mappedLevel;
        }
        else if (agency.Level != AgencyLevel.Unknown)
        {
            level = agency.Level;
        }

        var jurisdictionKey = jurisdiction is null ? "?" + name : PlaceKey(jurisdiction);
        return new AgencyIdentity
        {
            Name = printed,
            Key = $"{jurisdictionKey}|{body}",
            Jurisdiction = jurisdiction,
            JurisdictionKey = jurisdictionKey,
            Body = body,
            Level = level,
            IsGovernment = isGovernment && jurisdiction is not null,
            HigherJurisdiction = higher,
            Notes = notes,
        };
    }

    /// <summary>
    /// Names of one set that are one agency misread: two identities whose keys differ in exactly one character, where the
    /// two characters are a known OCR confusion (沭/沐), the rest of the name is the same (the same place for a body; the
    /// same body and higher place for a place), and no year has a report under both (two reports of one year are two
    /// bodies). Each such identity is mapped to the one with more reports (ties: the first by key).
    /// </summary>
    /// <param name="entries">The identities of the set's reports with their years.</param>
    /// <returns>Key of a variant → the identity it is read as, with a note saying why.</returns>
    internal Dictionary<string, AgencyIdentity> OcrVariants(IReadOnlyList<(AgencyIdentity Identity, int Year)> entries)
    {
        var result = new Dictionary<string, AgencyIdentity>(StringComparer.Ordinal);
        if (_lexicon.OcrConfusions.Count == 0)
        {
            return result;
        }

        var byKey = entries.GroupBy(e => e.Identity.Key, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Identity: g.First().Identity, Years: g.Select(e => e.Year).ToHashSet(), Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < byKey.Count; i++)
        {
            var canonical = byKey[i];
            if (result.ContainsKey(canonical.Key))
            {
                continue;
            }

            for (var j = i + 1; j < byKey.Count; j++)
            {
                var variant = byKey[j];
                if (result.ContainsKey(variant.Key) || variant.Years.Overlaps(canonical.Years)
                    || OcrDifference(canonical.Key, variant.Key) is not { } pair || !SameContext(canonical.Identity, variant.Identity))
                {
                    continue;
                }

                result[variant.Key] = canonical.Identity with
                {
                    Name = variant.Identity.Name,
                    Notes = [.. variant.Identity.Notes, $"read as {canonical.Identity.Name}: the names differ only in {pair.A}/{pair.B}, characters OCR confuses, and never report the same year"],
                };
            }
        }

        return result;
    }

    /// <summary>The one position where two keys of equal length differ, when its characters are a known OCR confusion.</summary>
    private (char A, char B)? OcrDifference(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return null;
        }

        (char, char)? found = null;
        for (var k = 0; k < a.Length; k++)
        {
            if (a[k] == b[k])
            {
                continue;
            }

            if (found is not null || !_lexicon.OcrConfusions.TryGetValue(a[k], out var ga) || !_lexicon.OcrConfusions.TryGetValue(b[k], out var gb) || ga != gb)
            {
                return null;
            }

            found = (a[k], b[k]);
        }

        return found;
    }

    /// <summary>Keys that differ in one character share the place (the body differs) or the body (the place differs);
    /// in the second case the two places must also be of the same kind under the same higher place, when that is known.</summary>
    private static bool SameContext(AgencyIdentity a, AgencyIdentity b) =>
        a.JurisdictionKey == b.JurisdictionKey
        || (a.IsGovernment == b.IsGovernment && a.Level == b.Level
            && (a.HigherJurisdiction is null || b.HigherJurisdiction is null || a.HigherJurisdiction == b.HigherJurisdiction));

    /// <summary>The key of a place: its cleaned name without the level word (桐乡市 → 桐乡).</summary>
    public string PlaceKey(string place)
    {
        var cleaned = Clean(place);
        foreach (var (suffix, _) in _lexicon.PlaceLevels)
        {
            if (cleaned.EndsWith(suffix, StringComparison.Ordinal) && cleaned.Length - suffix.Length >= _lexicon.MinPlaceNameLength)
            {
                return cleaned[..^suffix.Length];
            }
        }

        return cleaned;
    }

    /// <summary>The mapping entry of a name (as printed or canonical), if any.</summary>
    public AgencyMapEntry? Entry(string name) =>
        _map.Agencies.TryGetValue(name, out var e) ? e : _map.Agencies.TryGetValue(Clean(name), out e) ? e : null;

    /// <summary>Whether a report text says the figures cover the whole jurisdiction (全市共…, 综合各部门…).</summary>
    internal bool SaysJurisdictionWide(string text) => _lexicon.JurisdictionWidePhrases.Any(p => text.Contains(p, StringComparison.Ordinal));

    /// <summary>Whether a report text says it compiles every unit (综合各部门…).</summary>
    internal bool SaysCompilesAll(string text) => _lexicon.CompilesAllPhrases.Any(p => text.Contains(p, StringComparison.Ordinal));

    private AgencyLevel BodyLevel(string body)
    {
        foreach (var (suffix, level) in _lexicon.BodySuffixes)
        {
            if (body.EndsWith(suffix, StringComparison.Ordinal))
            {
                return level;
            }
        }

        return AgencyLevel.Unknown;
    }

    /// <summary>Splits the leading place names off a name: 浙江省桐乡市综合行政执法局 → [浙江省, 桐乡市], 综合行政执法局.</summary>
    private (List<(string Name, AgencyLevel Level)> Places, string Remainder) SplitPlaces(string name)
    {
        var places = new List<(string, AgencyLevel)>();
        var position = 0;
        while (position < name.Length)
        {
            var found = false;
            var limit = Math.Min(name.Length, position + _lexicon.MaxPlaceNameLength + 3);
            for (var i = position + _lexicon.MinPlaceNameLength; i < limit && !found; i++)
            {
                foreach (var (suffix, level) in _lexicon.PlaceLevels)
                {
                    if (string.CompareOrdinal(name, i, suffix, 0, suffix.Length) != 0)
                    {
                        continue;
                    }

                    var place = name[position..(i + suffix.Length)];
                    var after = name[(i + suffix.Length)..];
                    if (IsPlace(place, level, after))
                    {
                        places.Add((place, level));
                        position = i + suffix.Length;
                        found = true;
                    }

                    break;
                }
            }

            if (!found)
            {
                break;
            }
        }

        return (places, name[position..]);
    }

    private bool IsPlace(string place, AgencyLevel level, string after)
    {
        if (_lexicon.NotInPlaceName.Any(w => place.Contains(w, StringComparison.Ordinal)))
        {
            return false;
        }

        // A township-level word (乡, 镇) inside a body name (城乡建设局) is not a place: accept it only before a government.
        if (level == AgencyLevel.Township)
        {
            return after.Length == 0 || _lexicon.GovernmentBodies.Any(g => after.StartsWith(g, StringComparison.Ordinal));
        }

        return true;
    }

    /// <summary>Drops bracketed alternative names and ignored words, folds full-width characters.</summary>
    internal string Clean(string name)
    {
        name = AgencyNameText.StripDebris(name);
        var sb = new StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c is '（' or '(' or '【' or '[')
            {
                depth++;
            }
            else if (c is '）' or ')' or '】' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && !char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        var text = sb.ToString();
        foreach (var word in _lexicon.IgnoredWords)
        {
            if (word.Trim().Length > 0)
            {
                text = text.Replace(word, "", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
