using System.Text;

namespace GovStatsValidation.Model;

/// <summary>
/// Removes the debris an agency name picks up from where its text came from: markup (<c>#</c>, <c>**</c>, <c>&gt;</c>,
/// list markers, HTML tags and entities), a field label before a colon (<c>标题:</c>, <c>发布机构：</c> — a name never
/// holds a colon), and quotation marks around it. What is left is the name as printed.
/// </summary>
public static class AgencyNameText
{
    /// <summary>The longest text before a colon taken for a field label (标题, 发布机构, 信息来源, Title …).</summary>
    private const int MaxLabelLength = 8;

    /// <summary>The name without the debris of its source (markup, a field label before a colon, quotation marks).</summary>
    /// <param name="name">The name as found.</param>
    /// <returns>The name as printed.</returns>
    public static string StripDebris(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = StripTags(name).Replace("&nbsp;", " ", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Emphasis and heading marks of markdown, zero-width characters.
            if (c is '*' or '#' or '`' or '~' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            sb.Append(c);
        }

        var s = sb.ToString().Trim();
        s = s.TrimStart('>', '-', '+', '_', '|', '•', '·', ' ', '\t', '\u3000').TrimEnd('_', '|', ' ', '\t', '\u3000');

        // A field label: short text before the first colon (标题: / 标题：), when a name follows it.
        var colon = s.IndexOfAny([':', '：']);
        if (colon > 0 && colon <= MaxLabelLength && s.Length - colon - 1 >= 2)
        {
            s = s[(colon + 1)..].Trim();
        }

        return s.Trim('“', '”', '"', '\'', '「', '」', '《', '》', ' ', '\u3000');
    }

    private static string StripTags(string s)
    {
        if (s.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var inTag = false;
        foreach (var c in s)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
