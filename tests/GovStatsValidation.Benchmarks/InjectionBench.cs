using System.Globalization;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Localization;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Benchmarks;

/// <summary>
/// <c>bench --inject FILES</c> of the benchmarks project: takes real report files, injects one typing error at a time into every numeric
/// cell (a digit changed, two adjacent digits swapped, a digit dropped, a digit added, a neighbour's value copied; the
/// position and digit drawn from a fixed seed), checks each mutant and measures detection (a finding that the original
/// did not have), localization (the failing identities' suspect is the mutated cell, its correction the original value)
/// and how often a part's error is blamed on a total, per kind of error and per role of the cell.
/// </summary>
internal sealed class InjectionBench(IReportChecker checker, RuleCatalog catalog, TextWriter output, ulong seed)
{
    private static readonly string[] KindNames = ["digit-changed", "digits-swapped", "digit-dropped", "digit-added", "neighbour-copied"];

    private readonly List<Outcome> _outcomes = [];
    private readonly List<string> _reports = [];
    private readonly List<string> _skipped = [];
    private int _doubtful;

    public int Run(IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            AnnualReport report;
            try
            {
                report = BenchContext.Read(file);
            }
            catch (Exception e) when (e is ReportLoadException or IOException or InvalidDataException or FormatException)
            {
                _skipped.Add($"{BenchContext.Relative(file)}: not read ({e.Message})");
                continue;
            }

            report.Source = BenchContext.Relative(file);
            var baseline = checker.Check(report);
            if (WhyNotFullyRead(report, baseline) is { } why)
            {
                _skipped.Add($"{report.Source}: {why}");
                continue;
            }

            _reports.Add($"{report.Source} ({report.Schema.ToToken()}, {report.Cells.Count(c => c.Value.State == CellState.Number)} numeric cells)");
            Mutate(report, baseline);
        }

        Print();
        return BenchContext.ExitOk;
    }

    /// <summary>A report whose table does not read fully is left out: a missing table, a mangled one, an unreadable cell.</summary>
    private static string? WhyNotFullyRead(AnnualReport report, ReportCheckResult result)
    {
        if (!report.Cells.Any(c => c.Value.State == CellState.Number))
        {
            return "no table cells read";
        }

        if (result.Findings.FirstOrDefault(f => f.RuleId.EndsWith(".missing", StringComparison.Ordinal) || f.RuleId.StartsWith("input.", StringComparison.Ordinal)
            || f.RuleId == "common.unreadable" || f.RuleId.StartsWith("reading.", StringComparison.Ordinal)) is { } f)
        {
            return $"table not fully read ({f.RuleId})";
        }

        return report.Tables.FirstOrDefault(t => t.Note is not null) is { } mangled ? $"table {mangled.TableId} not fully read ({mangled.Note})" : null;
    }

    private void Mutate(AnnualReport report, ReportCheckResult baseline)
    {
        var schema = report.SchemaDefinition;
        var coverage = catalog.Coverage(schema).ToDictionary(c => c.Cell);
        var outcomes = checker.Explain(report).ToDictionary(e => Key(e.RuleId, e.Instance), e => e.Outcome, StringComparer.Ordinal);
        var before = baseline.Findings.Where(f => !f.Passed).Select(Signature).ToHashSet(StringComparer.Ordinal);
        var neighbours = Neighbours(schema);

        // A cell of an identity that already fails has no known right value (the report's own error may be in it), so the
        // benchmark cannot score a proposed correction against it: such cells are not mutated, only counted.
        var doubtful = baseline.Findings.Where(f => !f.Passed && f.Expression is not null && IsEquality(coverage, f))
            .SelectMany(f => f.Cells.Select(c => c.Id)).ToHashSet();
        var index = 0UL;
        foreach (var (id, value) in report.Cells.ToList())
        {
            if (value.State != CellState.Number || !schema.TryGetCell(id, out var cell) || value.Number is not { } number)
            {
                continue;
            }

            if (doubtful.Contains(id))
            {
                _doubtful++;
                index += (ulong)KindNames.Length;
                continue;
            }

            var text = number.ToString("0.####", CultureInfo.InvariantCulture);
            var cov = coverage[id];
            var equalities = cov.Rules.Count(r => r.Kind == RuleUseKind.Equality && outcomes.GetValueOrDefault(Key(r.RuleId, r.Instance)) != RuleOutcome.NotApplicable);
            for (var kind = 0; kind < KindNames.Length; kind++)
            {
                var rng = new Rng(seed, unchecked((index++ * 31) + (ulong)kind));
                var mutated = kind == 4 ? Copy(report, cell, neighbours, number, ref rng) : Typo(text, kind, ref rng);
                if (mutated is not { } m || m == number)
                {
                    continue;
                }

                var mutant = With(report, id, m);
                var result = checker.Check(mutant);
                var fresh = result.Findings.Where(f => !f.Passed && !before.Contains(Signature(f))).ToList();
                var equalityFindings = fresh.Where(f => f.Expression is not null && IsEquality(coverage, f)).ToList();
                var suspects = equalityFindings.Select(f => f.Suspect).ToList();
                var right = equalityFindings.Count > 0 && suspects.All(s => s is not null && s.Cell == id && !s.IsAmbiguous);
                var ambiguous = suspects.Any(s => s?.IsAmbiguous == true);
                var top = suspects.FirstOrDefault(s => s is not null && s.Cell != id) ?? suspects.FirstOrDefault();
                var blamedOnTotal = !right && top is not null && cov.Role == CellRole.Leaf && coverage.TryGetValue(top.Cell, out var t)
                    && t.Role is CellRole.Total or CellRole.Subtotal;
                if ((!right || suspects.Any(s => s!.CorrectedValue != number)) && equalityFindings.Count > 0 && Environment.GetEnvironmentVariable("GOVSTATS_INJECT_TRACE") is not null)
                {
                    output.WriteLine($"TRACE {report.Source} {id} {number} -> {m} ({KindNames[kind]}): {string.Join(" | ", equalityFindings.Select(f => $"{f.RuleId}[{f.Instance}] suspect {f.Suspect?.Cell} -> {f.Suspect?.CorrectedValue}: {f.Suspect?.Reason.En}"))}");
                }

                if (equalities > 0 && fresh.Count == 0 && Environment.GetEnvironmentVariable("GOVSTATS_INJECT_TRACE") is not null)
                {
                    output.WriteLine($"TRACE-UNDETECTED {report.Source} {id} {number} -> {m} ({KindNames[kind]})");
                }

                _outcomes.Add(new Outcome(KindNames[kind], cov.Role, equalities, fresh.Count > 0, fresh.Any(f => f.Severity == Severity.Error),
                    equalityFindings.Count > 0, right, right && suspects.All(s => s!.CorrectedValue == number), ambiguous, blamedOnTotal,
                    equalityFindings.Count > 0 && suspects.Any(s => s is null)));
            }
        }
    }

    private static bool IsEquality(Dictionary<CellId, CellCoverage> coverage, Finding f) =>
        f.Cells.Any(c => coverage.TryGetValue(c.Id, out var cov) && cov.Rules.Any(r => r.RuleId == f.RuleId && r.Instance == f.Instance && r.Kind == RuleUseKind.Equality));

    private static string Key(string rule, string instance) => $"{rule}|{instance}";

    private static string Signature(Finding f) => $"{f.RuleId}|{f.Instance}|{f.Formula}|{f.Message.En}";

    private static decimal? Typo(string text, int kind, ref Rng rng)
    {
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToList();
        string? result = null;
        switch (kind)
        {
            case 0:
            {
                var at = digits[rng.Next(digits.Count)];
                var choices = "0123456789".Where(d => d != text[at] && !(at == 0 && d == '0' && text.Length > 1 && text[1] != '.')).ToList();
                result = string.Concat(text.AsSpan(0, at), choices[rng.Next(choices.Count)].ToString(), text.AsSpan(at + 1));
                break;
            }

            case 1:
            {
                var pairs = Enumerable.Range(0, text.Length - 1).Where(i => char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && text[i] != text[i + 1]
                    && !(i == 0 && text[1] == '0')).ToList();
                if (pairs.Count == 0)
                {
                    return null;
                }

                var at = pairs[rng.Next(pairs.Count)];
                result = string.Concat(text.AsSpan(0, at), text[at + 1].ToString(), text[at].ToString(), text.AsSpan(at + 2));
                break;
            }

            case 2:
            {
                var drops = digits.Where(i => IsPlainNumber(string.Concat(text.AsSpan(0, i), text.AsSpan(i + 1)))).ToList();
                if (text.Length < 2 || drops.Count == 0)
                {
                    return null;
                }

                var at = drops[rng.Next(drops.Count)];
                result = string.Concat(text.AsSpan(0, at), text.AsSpan(at + 1));
                break;
            }

            case 3:
            {
                var options = new List<string>();
                for (var i = 0; i <= text.Length; i++)
                {
                    for (var d = '0'; d <= '9'; d++)
                    {
                        var v = string.Concat(text.AsSpan(0, i), d.ToString(), text.AsSpan(i));
                        if (IsPlainNumber(v) && v != text)
                        {
                            options.Add(v);
                        }
                    }
                }

                result = options[rng.Next(options.Count)];
                break;
            }
        }

        return result is not null && decimal.TryParse(result, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static bool IsPlainNumber(string text) =>
        text.Length > 0 && text[0] != '.' && text[^1] != '.' && !(text.Length > 1 && text[0] == '0' && text[1] != '.')
        && text.All(c => c == '.' || char.IsAsciiDigit(c)) && text.Count(c => c == '.') <= 1;

    private static decimal? Copy(AnnualReport report, CellDefinition cell, Dictionary<CellId, List<CellDefinition>> neighbours, decimal number, ref Rng rng)
    {
        var values = neighbours.GetValueOrDefault(cell.Id, [])
            .Select(n => report.Cells[n.Id]).Where(v => v.State == CellState.Number && v.Number != number).Select(v => v.Number!.Value).ToList();
        return values.Count == 0 ? null : values[rng.Next(values.Count)];
    }

    /// <summary>The cells printed next to each cell: same row, next column; same column, next value row.</summary>
    private static Dictionary<CellId, List<CellDefinition>> Neighbours(ReportSchema schema)
    {
        var result = new Dictionary<CellId, List<CellDefinition>>();
        foreach (var table in schema.Tables)
        {
            var rows = table.AllRows.Where(r => r.Cells.Count > 0).ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Cells;
                for (var c = 0; c < cells.Count; c++)
                {
                    var list = new List<CellDefinition>();
                    if (c > 0)
                    {
                        list.Add(cells[c - 1]);
                    }

                    if (c + 1 < cells.Count)
                    {
                        list.Add(cells[c + 1]);
                    }

                    foreach (var other in new[] { r - 1, r + 1 })
                    {
                        if (other >= 0 && other < rows.Count && rows[other].Cells.FirstOrDefault(x => x.Column?.Id == cells[c].Column?.Id) is { } match)
                        {
                            list.Add(match);
                        }
                    }

                    result[cells[c].Id] = list;
                }
            }
        }

        return result;
    }

    private static AnnualReport With(AnnualReport report, CellId id, decimal value)
    {
        var cells = new ReportCells();
        foreach (var (cid, v) in report.Cells)
        {
            cells[cid] = cid == id ? CellValue.Of(value, v.Location) with { Raw = value.ToString("0.####", CultureInfo.InvariantCulture) } : v;
        }

        return report.With(cells: cells);
    }

    private void Print()
    {
        var w = output;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"injection benchmark: {_reports.Count} report(s), {_outcomes.Count} mutants, seed {seed}"));
        foreach (var r in _reports)
        {
            w.WriteLine($"  {r}");
        }

        foreach (var s in _skipped)
        {
            w.WriteLine($"  skipped: {s}");
        }

        if (_doubtful > 0)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not mutated: {_doubtful} cell(s) of identities the report already fails (their right value is unknown)"));
        }

        w.WriteLine();
        w.WriteLine("| group | mutants | detected | error finding | in ≥1 identity: detected | identity fails | top suspect right | correction = original | tie | leaf blamed on total | identity finding without suspect |");
        w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row("all", _outcomes);
        foreach (var kind in KindNames)
        {
            Row(kind, _outcomes.Where(o => o.Kind == kind).ToList());
        }

        foreach (var role in Enum.GetValues<CellRole>())
        {
            Row($"role {role.ToString().ToLowerInvariant()}", _outcomes.Where(o => o.Role == role).ToList());
        }

        Row("cells in 0 identities", _outcomes.Where(o => o.Equalities == 0).ToList());
        Row("cells in 1 identity", _outcomes.Where(o => o.Equalities == 1).ToList());
        Row("cells in ≥2 identities", _outcomes.Where(o => o.Equalities >= 2).ToList());
    }

    private void Row(string name, IReadOnlyList<Outcome> o)
    {
        if (o.Count == 0)
        {
            return;
        }

        var covered = o.Where(x => x.Equalities > 0).ToList();
        var failing = o.Where(x => x.EqualityFails).ToList();
        var right = failing.Where(x => x.Right).ToList();
        var leaves = failing.Where(x => x.Role == CellRole.Leaf).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {o.Count} | {Pct(o.Count(x => x.Detected), o.Count)} | {Pct(o.Count(x => x.Error), o.Count)} | {Pct(covered.Count(x => x.Detected), covered.Count)} | {failing.Count} | {Pct(right.Count, failing.Count)} | {Pct(right.Count(x => x.CorrectionRight), right.Count)} | {Pct(failing.Count(x => x.Ambiguous), failing.Count)} | {Pct(leaves.Count(x => x.BlamedOnTotal), leaves.Count)} | {failing.Count(x => x.MissingSuspect)} |"));
    }

    private static string Pct(int part, int whole) => whole == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0}% ({part}/{whole})");

    private sealed record Outcome(string Kind, CellRole Role, int Equalities, bool Detected, bool Error, bool EqualityFails, bool Right, bool CorrectionRight,
        bool Ambiguous, bool BlamedOnTotal, bool MissingSuspect);

    /// <summary>SplitMix64: a fixed sequence per (seed, index), the same on every machine.</summary>
    private struct Rng(ulong seed, ulong index)
    {
        private ulong _state = unchecked(seed ^ (index * 0x9E3779B97F4A7C15UL));

        public int Next(int maxExclusive)
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                var z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                return maxExclusive <= 1 ? 0 : (int)(z % (ulong)maxExclusive);
            }
        }
    }
}
