using System.Globalization;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Reporting;

/// <summary>The readable form: findings grouped by report, with formula, cells and suspect; a summary at the end.</summary>
public sealed class TextRenderer : IRunRenderer
{
    /// <inheritdoc/>
    public string Format => "text";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        var zh = options.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        foreach (var result in run.Results)
        {
            var r = result.Report;
            writer.WriteLine(Paint(options, "1", $"{r.Source ?? r.Agency.Name}"));
            writer.WriteLine($"  {r.Agency.Name} · {r.Year} · {(zh ? "格式" : "schema")} {r.Schema.ToToken()} · " +
                $"{result.Count(Severity.Error)} {(zh ? "错误" : "error(s)")}, {result.Count(Severity.Warning)} {(zh ? "警告" : "warning(s)")}, {result.Count(Severity.Info)} {(zh ? "提示" : "info")}");
            if (result.Findings.Count == 0)
            {
                writer.WriteLine(zh ? "  未发现问题" : "  no findings");
            }

            foreach (var f in result.Findings)
            {
                WriteFinding(writer, f, options, zh);
            }

            writer.WriteLine();
        }

        foreach (var e in run.InputErrors)
        {
            writer.WriteLine(Paint(options, "31", $"{(zh ? "无法读取" : "cannot read")} {e.Source}: {e.Message}"));
        }

        var errors = run.Results.Sum(x => x.Count(Severity.Error));
        var warnings = run.Results.Sum(x => x.Count(Severity.Warning));
        var infos = run.Results.Sum(x => x.Count(Severity.Info));
        writer.WriteLine(zh
            ? $"共检查 {run.Results.Count} 份报告：{errors} 个错误，{warnings} 个警告，{infos} 个提示；{run.InputErrors.Count} 个文件无法读取"
            : $"{run.Results.Count} report(s) checked: {errors} error(s), {warnings} warning(s), {infos} info; {run.InputErrors.Count} input error(s)");
    }

    private static void WriteFinding(TextWriter writer, Finding f, RenderOptions options, bool zh)
    {
        var (code, word) = f.Severity switch
        {
            Severity.Error => ("31", zh ? "错误" : "error"),
            Severity.Warning => ("33", zh ? "警告" : "warning"),
            _ => ("36", zh ? "提示" : "info"),
        };
        var line = f.Line is { } l ? (zh ? $" 第{l}行" : $" line {l}") : "";
        writer.WriteLine($"  {Paint(options, code, word)} {f.RuleId}{line}: {f.Message.In(options.Language)}");
        if (f.Formula is { } formula)
        {
            writer.WriteLine($"      {(zh ? "算式" : "formula")}: {formula}");
        }

        if (f.Expected is { } e || f.Actual is not null)
        {
            writer.WriteLine($"      {(zh ? "应为" : "expected")} {Num(f.Expected)}, {(zh ? "实为" : "actual")} {Num(f.Actual)}{(f.Difference is { } d ? $", {(zh ? "差" : "difference")} {Num(d)}" : "")}");
        }

        if (f.Cells.Count > 0)
        {
            var shown = f.Cells.Take(8).Select(c => $"{c.Id}={c.Display}{(c.Line is { } cl ? $"@{cl}" : "")}");
            writer.WriteLine($"      {(zh ? "单元格" : "cells")}: {string.Join(", ", shown)}{(f.Cells.Count > 8 ? $", … (+{f.Cells.Count - 8})" : "")}");
        }

        if (f.Suspect is { } s)
        {
            writer.WriteLine($"      {(zh ? "可能出错" : "likely wrong")}: {s.Cell} — {s.Reason.In(options.Language)}");
        }

        if (f.Quote is { } q)
        {
            writer.WriteLine($"      {(zh ? "原文" : "quote")}: {q}");
        }
    }

    private static string Num(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";

    private static string Paint(RenderOptions options, string code, string text) => options.Color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
