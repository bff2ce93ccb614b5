using System.Text;

namespace GovStatsValidation.NUnit;

/// <summary>A line diff in unified style (<c>-</c> expected, <c>+</c> actual, two lines of context), for failure messages.</summary>
internal static class LineDiff
{
    private const long MaxCells = 4_000_000;

    public static string Unified(IReadOnlyList<string> expected, IReadOnlyList<string> actual, int context = 2, int maxLines = 200)
    {
        var ops = Operations(expected, actual);
        var sb = new StringBuilder();
        var written = 0;
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            // A hunk: from `context` lines before this change to `context` lines after the last change it absorbs.
            var start = Math.Max(0, i - context);
            var end = i;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    end++;
                    continue;
                }

                var run = end;
                while (run < ops.Count && ops[run].Kind == ' ')
                {
                    run++;
                }

                if (run == ops.Count || run - end > 2 * context)
                {
                    end = Math.Min(ops.Count, end + context);
                    break;
                }

                end = run;
            }

            var first = ops[start];
            sb.Append("@@ verified line ").Append(first.ExpectedLine + 1).Append(", received line ").Append(first.ActualLine + 1).Append(" @@\n");
            for (var k = start; k < end; k++)
            {
                if (written++ >= maxLines)
                {
                    sb.Append("… (diff truncated)\n");
                    return sb.ToString();
                }

                sb.Append(ops[k].Kind).Append(' ').Append(ops[k].Text).Append('\n');
            }

            i = end;
        }

        return sb.ToString();
    }

    private static List<Op> Operations(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Common prefix and suffix first; a full LCS table only for the differing middle.
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var ops = new List<Op>(a.Count + b.Count);
        for (var k = 0; k < prefix; k++)
        {
            ops.Add(new Op(' ', a[k], k, k));
        }

        int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            // Too large for a table: show the middles as replaced wholesale.
            for (var k = 0; k < n; k++)
            {
                ops.Add(new Op('-', a[prefix + k], prefix + k, prefix));
            }

            for (var k = 0; k < m; k++)
            {
                ops.Add(new Op('+', b[prefix + k], prefix + n, prefix + k));
            }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int p = 0, q = 0;
            while (p < n || q < m)
            {
                if (p < n && q < m && a[prefix + p] == b[prefix + q])
                {
                    ops.Add(new Op(' ', a[prefix + p], prefix + p, prefix + q));
                    p++;
                    q++;
                }
                else if (p < n && (q == m || lcs[p + 1, q] >= lcs[p, q + 1]))
                {
                    ops.Add(new Op('-', a[prefix + p], prefix + p, prefix + q));
                    p++;
                }
                else
                {
                    ops.Add(new Op('+', b[prefix + q], prefix + p, prefix + q));
                    q++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            ops.Add(new Op(' ', a[a.Count - suffix + k], a.Count - suffix + k, b.Count - suffix + k));
        }

        return ops;
    }

    private readonly record struct Op(char Kind, string Text, int ExpectedLine, int ActualLine);
}
