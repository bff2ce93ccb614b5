using System.Text.RegularExpressions;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// Reads the figures a report's prose states: claims about table items (mapped to cells through the
/// <see cref="NarrativeLexicon"/>), enumerations (共N…，其中A x条、B y条), blank figures (共计  条), percentages whose
/// numerator and denominator are stated, changes against a stated earlier figure, and statements (未收到…申请, 均已办结).
/// It prefers missing a claim to inventing one: a figure is tied to a table item only when a lexicon phrase stands right
/// before it, in a section where that item is reported, in a sentence about the report's own scope.
/// </summary>
public sealed partial class NarrativeReader
{
    private readonly NarrativeLexicon _lexicon;

    /// <summary>A reader with the given lexicon (default: the built-in one).</summary>
    public NarrativeReader(NarrativeLexicon? lexicon = null) => _lexicon = lexicon ?? NarrativeLexicon.Default;

    /// <summary>
    /// Reads the claims of a report's text. The report gives the schema, the year and the section headings
    /// (<see cref="AnnualReport.Sections"/>; when it has none, top-level headings are detected in the text).
    /// </summary>
    /// <param name="lines">The report's text, one entry per original line.</param>
    /// <param name="report">The report the text belongs to.</param>
    /// <returns>The claims, in text order.</returns>
    public IReadOnlyList<NarrativeClaim> Read(IReadOnlyList<string> lines, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(report);
        return Read(new LineListText(lines), report.Schema, report.Year, report.Sections.Select(s => (s.Line, s.Title)).ToList());
    }

    /// <summary>Reads the claims of a report's text and adds them to <see cref="AnnualReport.Claims"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="lines">Its text, one entry per original line.</param>
    public void Fill(AnnualReport report, IReadOnlyList<string> lines)
    {
        foreach (var claim in Read(lines, report))
        {
            report.Claims.Add(claim);
        }
    }

    /// <summary>
    /// Reads the claims of an extracted text and adds them to the report built from it: usable as an enricher of
    /// <see cref="PublishedReportReader.Enrichers"/> (<c>reader.Enrichers.Add(new NarrativeReader().Enrich)</c>).
    /// </summary>
    /// <param name="extraction">What the readers took from the input (its text and sections).</param>
    /// <param name="report">The report built from it (schema, year, sections).</param>
    public void Enrich(ReportExtraction extraction, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var claim in Read(new SourceTextNarrative(extraction.Text), report.Schema, report.Year, report.Sections.Select(s => (s.Line, s.Title)).ToList()))
        {
            report.Claims.Add(claim);
        }
    }

    internal IReadOnlyList<NarrativeClaim> Read(INarrativeText text, SchemaVersion schema, int year, IReadOnlyList<(int Line, string Title)> sections)
    {
        var headings = sections.Count > 0 ? sections : ProseBuilder.DetectHeadings(text);
        var context = new ReadContext(schema, year, headings.Count == 0);
        var claims = new List<NarrativeClaim>();
        foreach (var paragraph in ProseBuilder.Build(text, headings))
        {
            ReadParagraph(paragraph, context, claims);
        }

        return claims;
    }

    private sealed record ReadContext(SchemaVersion Schema, int Year, bool NoSections);

    private readonly record struct Sentence(int Start, int End);

    private sealed record Match(LexiconConcept Concept, int PhraseStart);

    /// <summary>The longest paragraph read for figures; a longer run of text without a paragraph break is not prose (hostile or garbled input) and would cost quadratic time.</summary>
    internal const int MaxParagraphLength = 20_000;

    private void ReadParagraph(ProseParagraph p, ReadContext ctx, List<NarrativeClaim> claims)
    {
        if (p.Text.Length > MaxParagraphLength)
        {
            return;
        }

        var text = p.Text;
        var tokens = NumberReader.Tokens(text);
        var sentences = Sentences(text);
        // Figures of the previous sentence, each the whole its share-parts in this one belong to (see IsShare).
        var previousWholes = new List<(string Concept, decimal Value)>();
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var currentWholes = new List<(string Concept, decimal Value)>();
            var inSentence = tokens.Where(t => t.NumberStart >= s.Start && t.NumberStart < s.End).ToList();
            // Quoted as printed (full-width punctuation kept), not in the folded form the matching uses.
            var sentenceText = p.Original(s.Start, s.End);

            // Enumerations first: their parts may carry concepts that need a sibling (其他 among channels) or no unit (其他923).
            var partTokens = new Dictionary<NumberToken, NarrativeClaim>();
            foreach (var (total, parts, totalStart) in Enumerations(text, s, si > 0 ? sentences[si - 1] : null, tokens, inSentence))
            {
                var partClaims = new List<NarrativeClaim>();
                var matches = parts.Select(t => MatchConcept(text, s, t, p, ctx, isPart: true)).ToList();
                var groups = matches.Where(m => m?.Concept.Group is not null).GroupBy(m => m!.Concept.Group).ToDictionary(g => g.Key!, g => g.Count());
                for (var i = 0; i < parts.Count; i++)
                {
                    var m = matches[i];
                    if (m is { Concept.RequiresGroupSibling: true } && groups.GetValueOrDefault(m.Concept.Group!) < 2)
                    {
                        m = null;
                    }

                    var label = m?.PhraseStart ?? ClauseStart(text, s, parts[i].Start);
                    var part = FigureClaim(p, ctx, parts[i], m, label, sentenceText, unitFallback: total.Unit);
                    partClaims.Add(part);
                    if (m is not null)
                    {
                        claims.Add(part);
                    }
                }

                var totalMatch = MatchConcept(text, Sentences(text).First(x => total.NumberStart >= x.Start && total.NumberStart < x.End), total, p, ctx, isPart: false);
                var enumeration = new NarrativeClaim
                {
                    Kind = ClaimKind.Enumeration,
                    Concept = totalMatch?.Concept.Id,
                    Cell = FirstCell(totalMatch?.Concept, ctx.Schema),
                    Value = total.Value,
                    Unit = total.Unit,
                    Text = text[totalStart..parts[^1].End],
                    Location = Where(p, totalStart),
                    Parts = partClaims,
                    Hedge = total.Hedge,
                    Precision = total.Precision,
                    Sentence = sentenceText,
                };
                claims.Add(enumeration);
                foreach (var t in parts)
                {
                    partTokens[t] = enumeration;
                }
            }

            if (partTokens.Count == 0 && ListOfKinds(p, ctx, s, inSentence, sentenceText, claims) is var (list, listed))
            {
                claims.Add(list);
                foreach (var t in listed)
                {
                    partTokens[t] = list;
                }
            }

            foreach (var t in inSentence)
            {
                if (partTokens.ContainsKey(t) || !t.IsCount)
                {
                    continue;
                }

                if (MatchConcept(text, s, t, p, ctx, isPart: false) is { } m)
                {
                    // 主动公开政府信息2543条。其中，区直各部门主动公开政府信息1687条，占66%。各乡镇…856条，占34%: a figure
                    // given with its share of a larger figure of the same concept just stated is a part of that whole, not it.
                    var whole = IsShare(text, t, s.End)
                        ? previousWholes.Concat(currentWholes).FirstOrDefault(w => w.Concept == m.Concept.Id && w.Value > t.Value)
                        : default;
                    if (whole.Concept is not null)
                    {
                        currentWholes.Add(whole);
                        continue;
                    }

                    claims.Add(FigureClaim(p, ctx, t, m, m.PhraseStart, sentenceText, null));
                    currentWholes.Add((m.Concept.Id, t.Value));
                }
            }

            previousWholes = currentWholes;

            Percentages(p, s, si > 0 ? sentences[si - 1] : null, tokens, inSentence, partTokens, sentenceText, claims);
            Changes(p, ctx, s, inSentence, sentenceText, claims);
            Statements(p, ctx, s, sentenceText, claims);
        }

        Blanks(p, sentences, tokens, claims);
    }

    /// <summary>A figure followed by its share (…1687条，占66%): a part of some whole.</summary>
    private static bool IsShare(string text, NumberToken t, int end)
    {
        var i = t.End;
        while (i < end && (text[i] is ',' or ' ' or '，'))
        {
            i++;
        }

        if (i >= end || text[i] != '占')
        {
            return false;
        }

        var j = i + 1;
        while (j < end && j - i < 8 && !char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        while (j < end && (char.IsAsciiDigit(text[j]) || text[j] == '.'))
        {
            j++;
        }

        return j < end && text[j] == '%';
    }

    /// <summary>
    /// A list of the kinds of a figure stated earlier: <c>…主动公开政府信息的主要类别有：机构职能类信息594条，…，其他…946条</c>
    /// after <c>主动公开政府信息2543条</c>. The words before the list's introduction (主要类别有) must name the concept of
    /// that earlier figure, and the list must hold three or more figures in its unit and nothing else; the total is the
    /// latest figure of the concept read so far (this year's, not hedged as a range).
    /// </summary>
    private (NarrativeClaim Claim, List<NumberToken> Parts)? ListOfKinds(ProseParagraph p, ReadContext ctx, Sentence s, List<NumberToken> inSentence, string sentenceText, List<NarrativeClaim> claims)
    {
        var text = p.Text;
        var intro = -1;
        var introEnd = -1;
        foreach (var word in _lexicon.ListIntroductions)
        {
            var i = text.IndexOf(word, s.Start, s.End - s.Start, StringComparison.Ordinal);
            if (i >= 0 && (intro < 0 || i < intro))
            {
                intro = i;
                introEnd = i + word.Length;
            }
        }

        if (intro < 0 || inSentence.Any(t => t.NumberStart < intro && t.IsCount && !t.InParentheses))
        {
            return null;
        }

        var lead = text[s.Start..intro];
        if (_lexicon.ScopeExclusions.Any(x => lead.Contains(x, StringComparison.Ordinal)))
        {
            return null;
        }

        LexiconConcept? concept = null;
        var phraseStart = -1;
        var weight = -1;
        foreach (var c in _lexicon.Concepts.Where(c => c.Group is null && InScope(c.Scope, p, ctx) && !c.Excludes(lead)))
        {
            foreach (var phrase in c.Phrases)
            {
                if (phrase.Regex.Match(lead) is { Success: true } m && phrase.Weight > weight)
                {
                    concept = c;
                    phraseStart = s.Start + m.Index;
                    weight = phrase.Weight;
                }
            }
        }

        var parts = inSentence.Where(t => t.NumberStart >= introEnd && !t.InParentheses).ToList();
        if (concept is null || parts.Count < 3 || parts.Any(t => !t.IsCount || t.Unit != parts[0].Unit || t.Hedge is not null))
        {
            return null;
        }

        // The latest figure of the concept that is not itself stated as a share of something larger (…1687条，占66%).
        var total = claims.LastOrDefault(c => c.Kind == ClaimKind.Figure && c.Concept == concept.Id && !StatedAsShare(c));
        if (total is not { Value: not null, ReferenceYear: null } || total.Unit != parts[0].Unit || total.Hedge is not (null or "余" or "多"))
        {
            return null;
        }

        var partClaims = parts.Select(t => FigureClaim(p, ctx, t, null, ClauseStart(text, s, t.Start), sentenceText, null)).ToList();
        return (new NarrativeClaim
        {
            Kind = ClaimKind.Enumeration,
            Concept = concept.Id,
            Cell = FirstCell(concept, ctx.Schema),
            Value = total.Value,
            Unit = total.Unit,
            Text = text[phraseStart..parts[^1].End],
            Location = Where(p, phraseStart),
            Parts = partClaims,
            Hedge = total.Hedge,
            Precision = total.Precision,
            Sentence = sentenceText,
        }, parts);
    }

    private static bool StatedAsShare(NarrativeClaim claim)
    {
        if (claim.Sentence is not { } sentence || claim.Value is not { } value)
        {
            return false;
        }

        var folded = string.Concat(sentence.Where(ch => !char.IsWhiteSpace(ch))).Replace('，', ',');
        var figure = value.ToString(System.Globalization.CultureInfo.InvariantCulture) + claim.Unit;
        return folded.Contains(figure + ",占", StringComparison.Ordinal) || folded.Contains(figure + "占", StringComparison.Ordinal);
    }

    private static NarrativeClaim FigureClaim(ProseParagraph p, ReadContext ctx, NumberToken t, Match? m, int start, string sentence, string? unitFallback)
    {
        var text = p.Text;
        return new NarrativeClaim
        {
            Kind = ClaimKind.Figure,
            Concept = m?.Concept.Id,
            Cell = FirstCell(m?.Concept, ctx.Schema),
            Value = t.Value,
            Unit = t.Unit ?? unitFallback,
            Text = text[start..t.End],
            Location = Where(p, start),
            Hedge = t.Hedge,
            ReferenceYear = ReferenceYear(text[ClauseStart(text, new Sentence(0, text.Length), start)..t.NumberStart], ctx.Year, m?.Concept),
            Precision = t.Precision,
            Sentence = sentence,
        };
    }

    /// <summary>The cell a concept maps to, when its first expression is a single cell (not a sum).</summary>
    private static CellId? FirstCell(LexiconConcept? concept, SchemaVersion schema) =>
        concept?.For(schema) is [{ Terms: [[var cell]] }, ..] ? cell.Id : (CellId?)null;

    [GeneratedRegex(@"((?:19|20)\d\d)年", RegexOptions.NonBacktracking)]
    private static partial Regex YearRegex();

    private static int? ReferenceYear(string clause, int reportYear, LexiconConcept? concept)
    {
        foreach (System.Text.RegularExpressions.Match y in YearRegex().Matches(clause))
        {
            var value = int.Parse(y.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (value != reportYear && value != reportYear + 1)
            {
                return value;
            }
        }

        if (concept?.Id != "requests.carried_over" && (clause.Contains("去年", StringComparison.Ordinal) || clause.Contains("上年同期", StringComparison.Ordinal)))
        {
            return reportYear - 1;
        }

        return null;
    }

    private static SourceLocation Where(ProseParagraph p, int index)
    {
        var i = Math.Clamp(index, 0, p.Lines.Length - 1);
        return new SourceLocation(p.Lines[i], p.Columns[i]);
    }

    private static List<Sentence> Sentences(string text)
    {
        var list = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or ';' or '!' or '?')
            {
                list.Add(new Sentence(start, i + 1));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            list.Add(new Sentence(start, text.Length));
        }

        return list;
    }

    private static bool IsClauseBreak(char c) => c is ',' or '、' or ';' or ':' or '(' or ')' or '。' or '!' or '?';

    private static int ClauseStart(string text, Sentence s, int index)
    {
        for (var i = index - 1; i >= s.Start; i--)
        {
            if (IsClauseBreak(text[i]))
            {
                return i + 1;
            }
        }

        return s.Start;
    }

    /// <summary>The concept a figure names: the longest lexicon phrase ending at most MaxGap characters before it, in its clause.</summary>
    private Match? MatchConcept(string text, Sentence s, NumberToken t, ProseParagraph p, ReadContext ctx, bool isPart)
    {
        if (!isPart && t.Unit is null || t.IsPercent)
        {
            return null;
        }

        var clauseStart = ClauseStart(text, s, t.Start);
        var window = text[clauseStart..t.Start];
        var before = text[s.Start..t.Start];
        if (_lexicon.ScopeExclusions.Any(x => before.Contains(x, StringComparison.Ordinal)))
        {
            return null;
        }

        Match? best = null;
        var bestWeight = -1;
        var bestEnd = -1;
        foreach (var concept in _lexicon.Concepts)
        {
            if (t.Unit is not null && !concept.Units.Contains(t.Unit) || concept.RequiresGroupSibling && !isPart || !InScope(concept.Scope, p, ctx)
                || concept.Excludes(before))
            {
                continue;
            }

            foreach (var phrase in concept.Phrases)
            {
                System.Text.RegularExpressions.Match? last = null;
                foreach (System.Text.RegularExpressions.Match m in phrase.Regex.Matches(window))
                {
                    last = m;
                }

                if (last is null)
                {
                    continue;
                }

                // 文件等243件: a number after 等 counts a list of kinds, not the item named.
                var gap = window[(last.Index + last.Length)..];
                if (gap.Length > _lexicon.MaxGap || gap.Any(char.IsAsciiDigit) || gap.Contains('等'))
                {
                    continue;
                }

                var end = last.Index + last.Length;
                if (phrase.Weight > bestWeight || phrase.Weight == bestWeight && end > bestEnd)
                {
                    if (concept.Context is { } needed && LastContext(text[s.Start..(clauseStart + last.Index)]) != needed)
                    {
                        continue;
                    }

                    best = new Match(concept, clauseStart + last.Index);
                    bestWeight = phrase.Weight;
                    bestEnd = end;
                }
            }
        }

        return best;
    }

    private string? LastContext(string text)
    {
        string? found = null;
        var at = -1;
        foreach (var word in _lexicon.Contexts)
        {
            var i = text.LastIndexOf(word, StringComparison.Ordinal);
            if (i > at)
            {
                at = i;
                found = word;
            }
        }

        return found;
    }

    private bool InScope(string? scope, ProseParagraph p, ReadContext ctx)
    {
        if (scope is null || ctx.NoSections)
        {
            return true;
        }

        return p.SectionTitle is { } title && _lexicon.SectionScopes.TryGetValue(scope, out var words) && words.Any(w => title.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>共N…，其中A x条、B y条: the total before 其中 (or ending the previous sentence when 其中 opens one) and two or more parts after it.</summary>
    /// <summary>Whether the text just before <paramref name="index"/> (from <paramref name="start"/>) leaves a parenthesis open: <c>(其中</c>.</summary>
    private static bool OpensParenthesis(string text, int start, int index)
    {
        var depth = 0;
        for (var i = start; i < index; i++)
        {
            depth += text[i] switch { '(' => 1, ')' when depth > 0 => -1, _ => 0 };
        }

        return depth > 0;
    }

    private static IEnumerable<(NumberToken Total, List<NumberToken> Parts, int TotalStart)> Enumerations(
        string text, Sentence s, Sentence? previous, IReadOnlyList<NumberToken> all, List<NumberToken> inSentence)
    {
        var at = s.Start;
        while (true)
        {
            var k = text.IndexOf("其中", at, s.End - at, StringComparison.Ordinal);
            if (k < 0)
            {
                yield break;
            }

            at = k + 2;
            var total = inSentence.LastOrDefault(t => t.End <= k && t.IsCount && !t.InParentheses);
            if (total is null && previous is { } prev && text[s.Start..k].Trim().Length == 0)
            {
                total = all.LastOrDefault(t => t.NumberStart >= prev.Start && t.End <= prev.End && t.IsCount && !t.InParentheses);
            }

            if (total is null || total.Hedge is not null && total.Hedge is not ("余" or "多"))
            {
                continue;
            }

            var next = text.IndexOf("其中", k + 2, s.End - k - 2, StringComparison.Ordinal);
            var stop = next < 0 ? s.End : next;

            // 共N条(其中A x条，B y条): a 其中 that opens a parenthesis lists its parts inside it, up to the closing one.
            var parenthesised = OpensParenthesis(text, s.Start, k);
            if (parenthesised && text.IndexOf(')', k, stop - k) is var close and >= 0)
            {
                stop = close;
            }

            var candidates = inSentence.Where(t => t.NumberStart > k && t.NumberStart < stop && (parenthesised || !t.InParentheses) && !t.IsPercent).ToList();
            var parts = new List<NumberToken>();
            var ok = true;
            foreach (var t in candidates)
            {
                if (t.Unit == total.Unit)
                {
                    parts.Add(t);
                }
                else if (t.Unit is null && t.End < text.Length && IsClauseBreak(text[t.End]) || t.Unit is null && t.End == text.Length)
                {
                    parts.Add(t);
                }
                else
                {
                    ok = false;
                    break;
                }
            }

            if (!ok || parts.Count(t => t.Unit is not null) < 2 && parts.Count < 3 || parts.Count < 2)
            {
                continue;
            }

            var totalStart = ClauseStart(text, new Sentence(0, text.Length), total.Start);
            yield return (total, parts, totalStart);
        }
    }

    private static readonly string[] RateWords = ["率", "比例", "占比"];

    private static void Percentages(ProseParagraph p, Sentence s, Sentence? previous, IReadOnlyList<NumberToken> all,
        List<NumberToken> inSentence, Dictionary<NumberToken, NarrativeClaim> parts, string sentenceText, List<NarrativeClaim> claims)
    {
        var text = p.Text;
        foreach (var pct in inSentence.Where(t => t.IsPercent))
        {
            NumberToken? numerator = null;
            NumberToken? denominator = null;
            var lead = text[Math.Max(s.Start, pct.Start - 6)..pct.Start];
            if (RateWords.Any(w => lead.Contains(w, StringComparison.Ordinal)))
            {
                // 办结数44868件，办结率99.6%: the figure right before the rate is the numerator; the denominator is the
                // nearest earlier figure in the same unit, not smaller, in this or the previous sentence.
                numerator = inSentence.LastOrDefault(t => t.End <= pct.Start && t.IsCount && t.Hedge is null);
                if (numerator is null)
                {
                    continue;
                }

                var between = text[numerator.End..pct.Start];
                if (between.Length > 10 || between.Any(char.IsAsciiDigit))
                {
                    continue;
                }

                var from = previous?.Start ?? s.Start;
                denominator = all.LastOrDefault(t => t.NumberStart >= from && t.End <= numerator.Start && t.Unit == numerator.Unit
                    && t.Hedge is null && !t.InParentheses && t.Value >= numerator.Value && t.Value > 0);
            }
            else if (pct.InParentheses)
            {
                // 予以公开 208 件（17.46%）, as a part of an enumeration: the share of the enumeration's total.
                var open = text.LastIndexOf('(', pct.NumberStart);
                numerator = inSentence.LastOrDefault(t => t.End == open && t.IsCount);
                if (numerator is null || !parts.TryGetValue(numerator, out var enumeration))
                {
                    continue;
                }

                claims.Add(PercentClaim(p, pct, numerator, enumeration.Value!.Value, enumeration.Unit, enumeration.Location, enumeration.Text, sentenceText));
                continue;
            }

            if (numerator is null || denominator is null)
            {
                continue;
            }

            var start = ClauseStart(text, new Sentence(0, text.Length), denominator.Start);
            claims.Add(new NarrativeClaim
            {
                Kind = ClaimKind.Percentage,
                Value = pct.Value,
                Unit = "%",
                Text = text[start..pct.End],
                Location = Where(p, start),
                Parts =
                [
                    Bare(p, numerator, sentenceText),
                    Bare(p, denominator, sentenceText),
                ],
                Hedge = pct.Hedge,
                Precision = pct.Precision,
                Sentence = sentenceText,
            });
        }
    }

    private static NarrativeClaim PercentClaim(ProseParagraph p, NumberToken pct, NumberToken numerator, decimal denominator, string? unit,
        SourceLocation denominatorAt, string denominatorText, string sentence)
    {
        var text = p.Text;
        var start = ClauseStart(text, new Sentence(0, text.Length), numerator.Start);
        return new NarrativeClaim
        {
            Kind = ClaimKind.Percentage,
            Value = pct.Value,
            Unit = "%",
            Text = text[start..Math.Min(text.Length, pct.End + 1)],
            Location = Where(p, start),
            Parts =
            [
                Bare(p, numerator, sentence),
                new NarrativeClaim { Kind = ClaimKind.Figure, Value = denominator, Unit = unit, Text = denominatorText, Location = denominatorAt, Precision = 1 },
            ],
            Hedge = pct.Hedge,
            Precision = pct.Precision,
            Sentence = sentence,
        };
    }

    private static NarrativeClaim Bare(ProseParagraph p, NumberToken t, string sentence, int? referenceYear = null)
    {
        var text = p.Text;
        var start = ClauseStart(text, new Sentence(0, text.Length), t.Start);
        return new NarrativeClaim
        {
            Kind = ClaimKind.Figure,
            Value = t.Value,
            Unit = t.Unit,
            Text = text[start..t.End],
            Location = Where(p, start),
            Hedge = t.Hedge,
            Precision = t.Precision,
            ReferenceYear = referenceYear,
            Sentence = sentence,
        };
    }

    [GeneratedRegex(@"比\s*(?:(?<year>(?:19|20)\d\d)年度?|(?<last>上年度?|去年|上一年度?))?[\s(]*$", RegexOptions.NonBacktracking)]
    private static partial Regex ComparedRegex();

    [GeneratedRegex(@"^[\s)]*(?<dir>增加|增长|上升|提高|减少|下降|降低)了?[\s约近]*$", RegexOptions.NonBacktracking)]
    private static partial Regex DirectionRegex();

    /// <summary>今年申请数量为224件，比2016年(435件)减少了48%: current, earlier (with its year), direction, percentage.</summary>
    private static void Changes(ProseParagraph p, ReadContext ctx, Sentence s, List<NumberToken> inSentence, string sentenceText, List<NarrativeClaim> claims)
    {
        var text = p.Text;
        for (var i = 0; i + 1 < inSentence.Count; i++)
        {
            var earlier = inSentence[i];
            var pct = inSentence[i + 1];
            if (!earlier.IsCount || !pct.IsPercent)
            {
                continue;
            }

            var lead = text[Math.Max(s.Start, earlier.Start - 12)..earlier.Start];
            var compared = ComparedRegex().Match(lead);
            var direction = DirectionRegex().Match(text[earlier.End..pct.Start]);
            if (!compared.Success || !direction.Success)
            {
                continue;
            }

            var comparedAt = earlier.Start - lead.Length + compared.Index;
            var current = inSentence.LastOrDefault(t => t.End <= comparedAt && t.Unit == earlier.Unit && t.Hedge is null);
            if (current is null)
            {
                continue;
            }

            var year = compared.Groups["year"].Success ? int.Parse(compared.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : compared.Groups["last"].Success ? ctx.Year - 1 : (int?)null;
            var down = direction.Groups["dir"].Value is "减少" or "下降" or "降低";
            var start = ClauseStart(text, new Sentence(0, text.Length), current.Start);
            claims.Add(new NarrativeClaim
            {
                Kind = ClaimKind.Change,
                Value = down ? -pct.Value : pct.Value,
                Unit = "%",
                Text = text[start..pct.End],
                Location = Where(p, start),
                Parts = [Bare(p, earlier, sentenceText, year), Bare(p, current, sentenceText)],
                Hedge = pct.Hedge,
                ReferenceYear = year,
                Precision = pct.Precision,
                Sentence = sentenceText,
            });
        }
    }

    private void Statements(ProseParagraph p, ReadContext ctx, Sentence s, string sentenceText, List<NarrativeClaim> claims)
    {
        var text = p.Text[s.Start..s.End];
        if (_lexicon.ScopeExclusions.Any(x => text.Contains(x, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var statement in _lexicon.Statements)
        {
            if (!InScope(statement.Scope, p, ctx))
            {
                continue;
            }

            foreach (var pattern in statement.Patterns)
            {
                var m = pattern.Regex.Match(text);
                if (!m.Success)
                {
                    continue;
                }

                var concept = _lexicon.Find(statement.Concept);
                claims.Add(new NarrativeClaim
                {
                    Kind = ClaimKind.Statement,
                    Concept = statement.Concept,
                    Cell = FirstCell(concept, ctx.Schema),
                    Value = statement.Value,
                    Text = m.Value,
                    Location = Where(p, s.Start + m.Index),
                    Sentence = sentenceText,
                });
                break;
            }
        }
    }

    [GeneratedRegex(@"(?<![\d])(?<word>共计|合计|总计|累计|共有|共)[ ]*(?<unit>条|件|项|篇|个|次)(?=[,.;:、)。]|$)", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlankRegex();

    /// <summary>共计  条: a number missing before its unit; the next sentence that repeats the subject and lists figures is a hint.</summary>
    private static void Blanks(ProseParagraph p, List<Sentence> sentences, IReadOnlyList<NumberToken> tokens, List<NarrativeClaim> claims)
    {
        // Lookarounds rule out RegexOptions.NonBacktracking here; the pattern starts only at fixed words, and the match
        // timeout is a backstop: should it ever fire, blanks are simply not looked for in this paragraph.
        List<System.Text.RegularExpressions.Match> matches;
        try
        {
            matches = BlankRegex().Matches(p.Spaced).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return;
        }

        foreach (var m in matches)
        {
            var word = m.Groups["word"];
            var line = p.SpacedLines[word.Index];
            var column = p.SpacedColumns[word.Index];
            var at = -1;
            for (var i = 0; i < p.Lines.Length; i++)
            {
                if (p.Lines[i] == line && p.Columns[i] == column)
                {
                    at = i;
                    break;
                }
            }

            if (at < 0)
            {
                continue;
            }

            var text = p.Text;
            var si = sentences.FindIndex(x => at >= x.Start && at < x.End);
            if (si < 0)
            {
                continue;
            }

            var sentence = sentences[si];
            var clause = ClauseStart(text, sentence, at);
            var subject = text[clause..at];
            var hint = new List<NarrativeClaim>();
            for (var j = si + 1; j < sentences.Count && j <= si + 3 && hint.Count == 0; j++)
            {
                var next = sentences[j];
                var nextText = text[next.Start..next.End];
                var figures = tokens.Where(t => t.NumberStart >= next.Start && t.NumberStart < next.End && t.IsCount && !t.InParentheses && t.Hedge is null).ToList();
                if (figures.Count >= 2 && LongestCommon(subject, nextText) >= 4)
                {
                    hint.AddRange(figures.Select(t => Bare(p, t, p.Original(next.Start, next.End))));
                }
            }

            claims.Add(new NarrativeClaim
            {
                Kind = ClaimKind.BlankFigure,
                Unit = m.Groups["unit"].Value,
                Text = text[clause..Math.Min(text.Length, at + word.Length + 1)].Replace(word.Value, word.Value + "  ", StringComparison.Ordinal),
                Location = Where(p, clause),
                Parts = hint,
                Sentence = SpacedSentence(p, word.Index),
            });
        }
    }

    /// <summary>The sentence around a position of the spaced text, so a quote shows the blank (共计  条).</summary>
    private static string SpacedSentence(ProseParagraph p, int index)
    {
        var spaced = p.Spaced;
        var start = index;
        while (start > 0 && spaced[start - 1] is not ('。' or ';' or '!' or '?'))
        {
            start--;
        }

        var end = index;
        while (end < spaced.Length && spaced[end] is not ('。' or ';' or '!' or '?'))
        {
            end++;
        }

        return p.OriginalSpaced(start, Math.Min(spaced.Length, end + 1));
    }

    private static int LongestCommon(string a, string b)
    {
        var best = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var len = best + 1; i + len <= a.Length; len++)
            {
                if (b.Contains(a.AsSpan(i, len), StringComparison.Ordinal))
                {
                    best = len;
                }
                else
                {
                    break;
                }
            }
        }

        return best;
    }
}
