using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace GovStatsValidation.NUnit;

/// <summary>A line diff in unified style (<c>-</c> expected, <c>+</c> actual, two lines of context), for failure messages.</summary>
internal static class LineDiff
{
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

    private static List<Op> Operations(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        // DiffPlex finds the changed lines (whitespace counts: a snapshot is compared byte for byte).
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(string.Join('\n', expected), string.Join('\n', actual), ignoreWhitespace: false);
        var ops = new List<Op>(model.Lines.Count);
        int e = 0, a = 0;
        foreach (var line in model.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Deleted:
                    ops.Add(new Op('-', line.Text, e++, a));
                    break;
                case ChangeType.Inserted:
                    ops.Add(new Op('+', line.Text, e, a++));
                    break;
                default:
                    ops.Add(new Op(' ', line.Text, e++, a++));
                    break;
            }
        }

        return ops;
    }

    private readonly record struct Op(char Kind, string Text, int ExpectedLine, int ActualLine);
}
