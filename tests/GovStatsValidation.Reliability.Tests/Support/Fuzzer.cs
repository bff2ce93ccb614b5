using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;

namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>
/// Generates hostile inputs (random token soup, mutated report texts, mutated report JSON, random bytes) and runs each
/// through the CLI's path in memory: sniff, read, check. The only exceptions allowed are the documented
/// <see cref="ReportLoadException"/> and <see cref="ReportReadException"/>; anything else is a crash, kept with its input.
/// </summary>
internal sealed class Fuzzer
{
    /// <summary>Pieces of real-looking report text (labels, numerals, units, separators, numbers) the generator strings together.</summary>
    private static readonly string[] Tokens =
    [
        "一、", "二、", "三、", "（一）", "（二）", "(三)", "1.", "2.", "其中：", "统计指标", "单位", "统计数", "——", "—", "/", "无", "-", "－",
        "主动公开政府信息数", "收到申请数", "行政复议数量", "行政诉讼数量", "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量",
        "予以公开", "部分公开", "不予公开", "属于国家秘密", "总计", "结转下年度继续办理", "自然人", "商业企业", "科研机构", "法人或其他组织",
        "第二十条第（一）项", "规章", "行政规范性文件", "本年制发件数", "结果维持", "结果纠正", "尚未审结", "条", "件", "万元", "个", "人",
        "政府信息公开工作年度报告", "2016年", "2020年度", "2021年", "2024", "人民政府", "局", "（含2019年3527份）",
        "0", "1", "7", "12", "803", "5,177", "1,2,3", "99999999999999999999", "-3", "+5", "2.5", "0.00001", "１２３", "1e309", "NaN",
        "\t", " ", "  ", "\u3000", "\n", "\n", "\n", "\r\n", "|", " | ", "|---|", "\f", "-3-", "。", "，", "（", "）", "(", ")",
        "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<p>", "<br>", "&nbsp;", "<!--", "\uFFFD", "\u200B", "\uFEFF",
    ];

    private readonly Random _random;
    private readonly ReportReader _reader = new();
    private readonly PublishedReportReader _published = Pipeline.Published;
    private readonly IReadOnlyList<byte[]> _seeds;

    public Fuzzer(int seed, IReadOnlyList<byte[]> seeds)
    {
        _random = new Random(seed);
        _seeds = seeds.Count > 0 ? seeds : [Samples.Utf8(Samples.Pre2019Text("示例县人民政府", 2016, 41, 7, 34, 9, 3)), Samples.Utf8(Samples.Json2021())];
    }

    /// <summary>The outcome of a run.</summary>
    public sealed record Result(int Inputs, TimeSpan Elapsed, int Reports, int InputErrors, IReadOnlyList<(string Kind, string Exception, byte[] Input)> Crashes, TimeSpan Slowest, string SlowestKind)
    {
        /// <summary>The slowest input (after the first, which pays for start-up), for replay.</summary>
        public byte[] SlowestInput { get; init; } = [];
    }

    /// <summary>Generates and checks <paramref name="count"/> inputs.</summary>
    public Result Run(int count, Action<int>? progress = null)
    {
        var crashes = new List<(string, string, byte[])>();
        var reports = 0;
        var errors = 0;
        var slowest = TimeSpan.Zero;
        var slowestKind = "";
        var slowestInput = Array.Empty<byte>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (kind, input) = Next();
            var one = Stopwatch.StartNew();
            try
            {
                CheckBytes(input);
                reports++;
            }
            catch (Exception e) when (e is ReportLoadException or ReportReadException)
            {
                errors++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                crashes.Add((kind, e.ToString(), input));
            }

            if (one.Elapsed > slowest && i > 0)
            {
                slowest = one.Elapsed;
                slowestKind = $"{kind}, {input.Length} bytes";
                slowestInput = input;
            }

            if (progress is not null && (i + 1) % 10_000 == 0)
            {
                progress(i + 1);
            }
        }

        return new Result(count, total.Elapsed, reports, errors, crashes, slowest, slowestKind) { SlowestInput = slowestInput };
    }

    /// <summary>Sniffs, reads and checks bytes as the CLI does for a file (in memory).</summary>
    public IReadOnlyList<string> CheckBytes(byte[] input)
    {
        AnnualReport report;
        if (input.Length == 0)
        {
            throw new ReportLoadException("<fuzz>", null, null, "file is empty");
        }

        if (new JsonReportReader().CanRead(input.AsSpan(0, Math.Min(input.Length, 4096)), "<fuzz>"))
        {
            report = ReportJson.Read(new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd(), "<fuzz>");
        }
        else
        {
            report = _published.ToReport(_reader.Read(input), "<fuzz>");
        }

        var findings = Pipeline.Checker.Check(report).Findings;
        return findings.Select(Pipeline.Finding).ToList();
    }

    /// <summary>One generated input and what kind it is.</summary>
    public (string Kind, byte[] Input) Next()
    {
        switch (_random.Next(10))
        {
            case 0 or 1 or 2:
                return ("token soup", Samples.Utf8(Soup(_random.Next(1, 400))));
            case 3 or 4 or 5:
                return ("mutated text", MutateText(_seeds[_random.Next(_seeds.Count)]));
            case 6 or 7:
                return ("mutated json", Samples.Utf8(MutateJson()));
            case 8:
                return ("flipped bytes", FlipBytes(_seeds[_random.Next(_seeds.Count)]));
            default:
            {
                var bytes = new byte[_random.Next(0, 2048)];
                _random.NextBytes(bytes);
                return ("random bytes", bytes);
            }
        }
    }

    private string Soup(int length)
    {
        var sb = new StringBuilder();
        if (_random.Next(2) == 0)
        {
            sb.Append("示例县人民政府").Append(2014 + _random.Next(12)).Append("年政府信息公开工作年度报告\n");
        }

        for (var i = 0; i < length; i++)
        {
            sb.Append(Tokens[_random.Next(Tokens.Length)]);
        }

        return sb.ToString();
    }

    private byte[] MutateText(byte[] seed)
    {
        var text = Encoding.UTF8.GetString(seed);
        var lines = text.Split('\n').ToList();
        var mutations = 1 + _random.Next(8);
        for (var m = 0; m < mutations && lines.Count > 0; m++)
        {
            var at = _random.Next(lines.Count);
            switch (_random.Next(8))
            {
                case 0:
                    lines.RemoveRange(at, Math.Min(lines.Count - at, 1 + _random.Next(20)));
                    break;
                case 1:
                    lines.InsertRange(at, lines.Skip(_random.Next(lines.Count)).Take(1 + _random.Next(20)).ToList());
                    break;
                case 2:
                    lines.Insert(at, Soup(1 + _random.Next(10)));
                    break;
                case 3:
                    lines[at] = ReplaceDigits(lines[at]);
                    break;
                case 4:
                {
                    var other = _random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                }

                case 5:
                    lines[at] = lines[at].Length > 0 ? lines[at][.._random.Next(lines[at].Length)] : lines[at];
                    break;
                case 6:
                    lines[at] = lines[at].Replace("\t", "  ", StringComparison.Ordinal).Replace("|", "\t", StringComparison.Ordinal);
                    break;
                default:
                    lines.RemoveRange(at, lines.Count - at); // truncated file
                    break;
            }
        }

        var result = Samples.Utf8(string.Join("\n", lines));
        return _random.Next(6) == 0 ? [.. result.AsSpan(0, _random.Next(result.Length + 1))] : result;
    }

    private string ReplaceDigits(string line)
    {
        var chars = line.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]) && _random.Next(3) == 0)
            {
                chars[i] = (char)('0' + _random.Next(10));
            }
        }

        return new string(chars);
    }

    private static readonly string[] JsonValues =
    [
        "0", "-1", "2.5", "1e309", "-1e309", "1e-30", "99999999999999999999999", "9999999999999999", "NaN", "Infinity", "null", "true", "\"\"",
        "\"——\"", "\"5177（含2019年3527份）\"", "\"见附件\"", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "{\"value\": \"x\"}", "{\"value\": 3, \"state\": \"blank\"}",
        "{\"value\": null, \"raw\": \"12\"}", "{\"raw\": {}}", "{\"line\": \"x\"}", "{\"$type\": \"System.IO.FileInfo, System.IO.FileSystem\"}", "\"\\u0000\"",
    ];

    private static readonly string[] JsonKeys =
    [
        "review[total]", "requests.new[total]", "requests.new[natural_person]", "result.total[total]", "active.total", "nope", "", "review[total]",
        "art20_8.admin_fees[amount]", "litigation.direct[total]", "$type", "cells",
    ];

    private string MutateJson()
    {
        var cells = new List<string>();
        for (var i = _random.Next(6); i > 0; i--)
        {
            cells.Add($"\"{JsonKeys[_random.Next(JsonKeys.Length)]}\": {JsonValues[_random.Next(JsonValues.Length)]}");
        }

        var json = Samples.Json2021(cells.Count == 0 ? null : string.Join(", ", cells), _random.Next(10) == 0 ? _random.Next(-5, 3000) : 2022);
        switch (_random.Next(6))
        {
            case 0:
                return json[.._random.Next(json.Length)];
            case 1:
            {
                var at = _random.Next(json.Length);
                const string Noise = "{}[],:\"\\ 0x-e.";
                return json[..at] + Noise[_random.Next(Noise.Length)] + json[at..];
            }

            case 2:
            {
                var at = _random.Next(json.Length);
                return json.Remove(at, 1);
            }

            case 3:
                return json.Replace("\"2021\"", _random.Next(2) == 0 ? "\"2019\"" : "\"pre2019\"", StringComparison.Ordinal);
            case 4:
                return json.Replace("\"cells\": {", "\"sections\": [{\"line\": " + JsonValues[_random.Next(JsonValues.Length)] + "}], \"claims\": [" + JsonValues[_random.Next(JsonValues.Length)] + "], \"cells\": {", StringComparison.Ordinal);
            default:
                return json;
        }
    }

    private byte[] FlipBytes(byte[] seed)
    {
        var bytes = (byte[])seed.Clone();
        for (var i = 1 + _random.Next(16); i > 0 && bytes.Length > 0; i--)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }

        return bytes;
    }

    /// <summary>The real texts of ../shared (seeds and corpus) when present; none otherwise.</summary>
    public static IReadOnlyList<byte[]> SharedTexts()
    {
        var shared = Repo.SharedRoot;
        if (!Directory.Exists(shared))
        {
            return [];
        }

        return Directory.EnumerateFiles(Path.Combine(shared, "seeds"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(shared, "corpus"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
    }

    /// <summary>A one-line summary of a result.</summary>
    public static string Summary(Result r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Inputs} inputs in {r.Elapsed.TotalSeconds:F1} s ({r.Inputs / Math.Max(r.Elapsed.TotalSeconds, 0.001):F0}/s): {r.Reports} reports checked, {r.InputErrors} input errors, {r.Crashes.Count} crashes; slowest input {r.Slowest.TotalMilliseconds:F0} ms ({r.SlowestKind})");
}
