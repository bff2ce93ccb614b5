namespace GovStatsValidation.Readers.Tables;

/// <summary>What a token of the stream is.</summary>
internal enum StreamTokenKind
{
    /// <summary>Text: labels, headers, captions, narrative.</summary>
    Text,

    /// <summary>A run of digits (a number, or several numbers whose separators were lost).</summary>
    Number,
}

/// <summary>One token of a source with its position: the text line it came from (and the character offset), and
/// whether a gap (blank line, page number, text) separates it from the token before.</summary>
/// <param name="Kind">Text or number.</param>
/// <param name="Text">The token as printed (normalised: full-width digits as ASCII); for a number, its digits as printed.</param>
/// <param name="Line">Line of the <see cref="SourceText"/> (1-based index into the text).</param>
/// <param name="Column">Character offset in the line.</param>
/// <param name="Gap">True when a blank line or a page number lies between this token and the one before.</param>
internal sealed record StreamToken(StreamTokenKind Kind, string Text, int Line, int Column, bool Gap)
{
    /// <summary>For numbers: the digits touch a label (<c>数量801000081</c>), so the cells of a row may have run together.</summary>
    public bool Glued { get; init; }

    /// <summary>For numbers: the last digit of the run was given to the next label as its numbering (<c>411.政府网站</c> →
    /// 41 | 1.政府网站), so the value is a cut of digits that ran together.</summary>
    public bool CutFromNumbering { get; init; }

    /// <summary>True for a number token that may be cut into several cells: glued to a label, or not a well-formed number.</summary>
    public bool MayHoldSeveral => Glued || MustSplit;

    /// <summary>True for a number token that must be several cells (a leading zero before more digits, or inner spaces).</summary>
    public bool MustSplit
    {
        get
        {
            if (Kind != StreamTokenKind.Number)
            {
                return false;
            }

            return Text.Length > 1 && Text[0] == '0' && Text[1] != '.' && Text[1] != ',';
        }
    }
}

/// <summary>
/// Turns text lines into a stream of text and number tokens with positions: the common input of the schema-guided
/// reader, whatever the layout (one cell per line, plain <c>pdftotext</c> output whose cells are scattered in blocks,
/// space-aligned or tab-separated rows, a whole page on one line with the cells run together). Page numbers
/// (<c>-3-</c>) are dropped; the numbering of a label glued to the digits before it (<c>00000002.其他</c>) is given
/// back to the label.
/// </summary>
internal static class TokenStream
{
    public static List<StreamToken> FromText(SourceText text)
    {
        var tokens = new List<StreamToken>();
        var gap = false;
        for (var n = 1; n <= text.LineCount; n++)
        {
            var norm = text.GetNormalizedLine(n);
            var trimmed = norm.Trim(' ', '\t', '\f');
            if (trimmed.Length == 0 || TextTableExtractor.IsPageNumber(trimmed))
            {
                gap = true;
                continue;
            }

            var before = tokens.Count;
            Tokenize(norm, n, tokens);
            if (tokens.Count > before)
            {
                tokens[before] = tokens[before] with { Gap = gap || tokens[before].Gap };
                gap = false;
            }
        }

        return tokens;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsCjk(char c) => c >= '\u3400' && c <= '\u9FFF';

    private static void Tokenize(string s, int line, List<StreamToken> tokens)
    {
        var i = 0;
        var textStart = -1;
        // A markdown table row: its pipes are cell boundaries, as tabs are in any row.
        var pipeRow = s.TrimStart(' ', '\t', '\u3000').StartsWith('|');

        void FlushText(int end)
        {
            if (textStart < 0)
            {
                return;
            }

            var t = s[textStart..end].Trim(' ', '\t', '\f');
            if (t.Length > 0)
            {
                tokens.Add(new StreamToken(StreamTokenKind.Text, t, line, textStart, false));
            }

            textStart = -1;
        }

        while (i < s.Length)
        {
            var c = s[i];
            if (c == '\t' || (pipeRow && c == '|'))
            {
                // A cell boundary: the text of one cell is never one token with the next cell's (总计 | | 465).
                FlushText(i);
                i++;
                continue;
            }

            if (!IsDigit(c))
            {
                if (textStart < 0 && !TextNormalizer.IsSpace(c))
                {
                    textStart = i;
                }

                i++;
                continue;
            }

            // A run of digits, with thousands commas and one decimal point; a space always ends a run (it is a cell boundary).
            var start = i;
            var end = i;
            var dot = false;
            var j = i;
            while (j < s.Length)
            {
                var d = s[j];
                if (IsDigit(d))
                {
                    j++;
                    end = j;
                }
                else if ((d == ',' || (d == '.' && !dot)) && j + 1 < s.Length && IsDigit(s[j + 1]) && j > start)
                {
                    dot |= d == '.';
                    j++;
                }
                else
                {
                    break;
                }
            }

            var prev = start > 0 ? s[start - 1] : ' ';
            var prev2 = start > 1 ? s[start - 2] : ' ';
            var next = end < s.Length ? s[end] : ' ';
            var next2 = end + 1 < s.Length ? s[end + 1] : ' ';
            // The numbering of a label may stand apart from its text by a space (2. 其他法律行政法规禁止公开).
            var afterSpace = end + 1;
            while (afterSpace < s.Length && s[afterSpace] == ' ')
            {
                afterSpace++;
            }

            var numberingFollows = IsCjk(next2) || next2 is '(' or '（' or '"' || (next2 == ' ' && afterSpace < s.Length && afterSpace <= end + 2 && IsCjk(s[afterSpace]));
            var signed = (prev is '-' or '+') && !IsDigit(prev2) && !IsLatin(prev2) && next != '-';
            var isText = prev is '第' or '(' or '（' || (prev == '-' && !signed) || next is '年' or '月' or '日' or '号' or '%' or '）' or ')' or '-' || (next == '|' && !pipeRow)
                || IsLatin(prev) || IsLatin(next);
            var run = s[start..end];
            if (!isText && (next is '.' or '、' or '．') && numberingFollows)
            {
                // The numbering of the next label, glued to the digits before it: 00000002.其他 → 0000000 | 2.其他.
                if (run.Length == 1)
                {
                    isText = true;
                }
                else if (!run.Contains(',', StringComparison.Ordinal) && !run.Contains('.', StringComparison.Ordinal))
                {
                    FlushText(start);
                    tokens.Add(new StreamToken(StreamTokenKind.Number, run[..^1], line, start, false) { Glued = true, CutFromNumbering = true });
                    textStart = end - 1;
                    i = end;
                    continue;
                }
            }

            if (isText)
            {
                if (textStart < 0)
                {
                    textStart = start;
                }

                i = end;
                continue;
            }

            if (signed)
            {
                start--;
                run = s[start..end];
            }

            FlushText(start);
            var before = start > 0 ? s[start - 1] : ' ';
            tokens.Add(new StreamToken(StreamTokenKind.Number, run, line, start, false) { Glued = !signed && (IsCjk(before) || IsCjk(next) || before is '）' or ')') });
            i = end;
        }

        FlushText(s.Length);
    }

    private static bool IsLatin(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '@' or '/' or ':';
}
