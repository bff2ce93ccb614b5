using GovStatsValidation.Model;
using GovStatsValidation.Rules.Language;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>
/// Generates realistic reports of all three formats: figures drawn so that every identity of the built-in rule sets
/// holds (parts add up to totals, the application flow balances, channels cover the headline), then, at
/// <see cref="SyntheticOptions.ErrorRate"/>, exactly one error injected at a recorded place. Report <c>i</c> depends only
/// on the seed and <c>i</c>, so reports can be generated in any order or in parallel.
/// </summary>
public sealed class SyntheticGenerator
{
    private static readonly string[] Places = ["青山", "白水", "东湖", "南岭", "西河", "北塘", "长乐", "安平", "永宁", "临江", "石门", "桃源", "清溪", "凤城", "云台", "兴隆"];
    private static readonly string[] PlaceSuffixes = ["县", "区", "市"];
    private static readonly (string Name, AgencyLevel Level)[] Bodies =
    [
        ("人民政府", AgencyLevel.County), ("人民政府办公室", AgencyLevel.Office), ("教育局", AgencyLevel.Department),
        ("交通运输局", AgencyLevel.Department), ("卫生健康局", AgencyLevel.Department), ("市场监督管理局", AgencyLevel.Department),
        ("自然资源和规划局", AgencyLevel.Department), ("综合行政执法局", AgencyLevel.Department), ("行政审批服务中心", AgencyLevel.Office),
        ("住房和城乡建设局", AgencyLevel.Department), ("生态环境分局", AgencyLevel.Department), ("人力资源和社会保障局", AgencyLevel.Department),
    ];

    // Numbers mangled in typing or conversion (a misplaced thousands separator): printed where a number belongs, so a
    // reader keeps them in the value column, but not a number the checker can use.
    private static readonly string[] UnreadableTexts = ["1,23", "12,3", "2,5", "10,00", "3,4"];
    private static readonly string[] PlaceholderTexts = ["——", "/", "无", "—"];

    private readonly SchemaPlan[] _plans;

    /// <summary>A generator with the given options.</summary>
    public SyntheticGenerator(SyntheticOptions? options = null)
    {
        Options = options ?? new SyntheticOptions();
        if (Options.Schemas.Count == 0)
        {
            throw new ArgumentException("at least one schema is needed", nameof(options));
        }

        if (Options.ErrorRate is < 0 or > 1 || Options.BlankZeroRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "rates are between 0 and 1");
        }

        _plans = Options.Schemas.Select(SchemaPlan.For).ToArray();
    }

    /// <summary>The options in force.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>Reports <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1, lazily.</summary>
    public IEnumerable<SyntheticReport> Generate(long count, long start = 0)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return Report(i);
        }
    }

    /// <summary>Report number <paramref name="index"/>.</summary>
    public SyntheticReport Report(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var plan = _plans[(int)(index % _plans.Length)];
        var rng = new SplitMix64(Options.Seed, index);
        var year = (int)rng.Between(plan.FirstYear, plan.LastYear);
        var place = rng.Pick(Places) + rng.Pick(PlaceSuffixes);
        var body = Bodies[rng.Next(Bodies.Length)];
        var agency = new Agency(place + body.Name, body.Level, body.Level == AgencyLevel.County ? null : place);
        var report = new SyntheticReport(index, plan.Version, year, agency);
        var blankZeros = rng.Chance(plan.Version == SchemaVersion.Pre2019 ? Options.BlankZeroRate / 4 : Options.BlankZeroRate);
        plan.Draw(report, ref rng);
        if (blankZeros)
        {
            plan.BlankZeros(report);
        }

        if (rng.Chance(Options.ErrorRate))
        {
            Inject(plan, report, ref rng);
        }

        return report;
    }

    private static void Inject(SchemaPlan plan, SyntheticReport report, ref SplitMix64 rng)
    {
        var kinds = plan.Kinds;
        var first = rng.Next(kinds.Count);
        for (var k = 0; k < kinds.Count; k++)
        {
            if (TryInject(plan, report, kinds[(first + k) % kinds.Count], ref rng))
            {
                return;
            }
        }
    }

    private static bool TryInject(SchemaPlan plan, SyntheticReport r, InjectedErrorKind kind, ref SplitMix64 rng)
    {
        var pre = plan.Version == SchemaVersion.Pre2019;
        var prefix = plan.Prefix;
        switch (kind)
        {
            case InjectedErrorKind.PartTypo when pre:
            {
                var (row, parts) = rng.Pick(plan.PartsSumRows);
                var slot = parts[rng.Next(parts.Length)];
                return Typo(r, slot, ref rng, kind, $"{prefix}.parts-sum");
            }

            case InjectedErrorKind.PartTypo:
            {
                if (rng.Chance(0.3))
                {
                    return Typo(r, plan.Review[rng.Next(3), rng.Next(4)], ref rng, kind, $"{prefix}.review-litigation.parts");
                }

                var leaf = plan.ResultLeaves[rng.Next(plan.ResultLeaves.Length)];
                return Typo(r, plan.Applications[leaf, rng.Next(plan.ApplicantColumns)], ref rng, kind, $"{prefix}.applications.result-total");
            }

            case InjectedErrorKind.TotalLeftBlank when pre:
            {
                foreach (var (total, parts) in plan.BlankableTotals)
                {
                    if (parts.Sum(r.Whole) > 0)
                    {
                        return Blank(r, total, kind, $"{prefix}.total-blank");
                    }
                }

                return false;
            }

            case InjectedErrorKind.TotalLeftBlank:
            {
                for (var c = 0; c < plan.ApplicantColumns; c++)
                {
                    var slot = plan.Applications[plan.ResultTotalRow, c];
                    if (r.IsNumber(slot) && r.Whole(slot) > 0)
                    {
                        return Blank(r, slot, kind, $"{prefix}.applications.result-total-blank");
                    }
                }

                for (var row = 0; row < 3; row++)
                {
                    if (r.Whole(plan.Review[row, 4]) > 0)
                    {
                        return Blank(r, plan.Review[row, 4], kind, $"{prefix}.review-litigation.total-blank");
                    }
                }

                return false;
            }

            case InjectedErrorKind.CarryForwardOffByOne when !pre:
            {
                var column = rng.Next(plan.ApplicantColumns);
                var slot = plan.Applications[plan.CarryForwardRow, column];
                var total = plan.Applications[plan.CarryForwardRow, plan.ApplicantColumns];
                var before = r.Whole(slot);
                r.SetWhole(slot, before + 1);
                r.SetWhole(total, r.Whole(total) + 1);
                r.AddError(new InjectedError(kind, Id(r, slot), $"{prefix}.applications.flow",
                    $"{Id(r, slot)} {before} → {before + 1} (and its 总计 by one): the carry-forward is off by one"));
                return true;
            }

            case InjectedErrorKind.OfWhichExceedsTotal when pre && r.Year >= 2015:
            {
                var whole = plan.Slot("response.press_conf");
                var part = plan.Slot("response.press_conf_leaders");
                var value = r.Whole(whole) + rng.Between(1, 3);
                var before = r.PrintedText(part);
                r.SetWhole(part, value);
                r.AddError(new InjectedError(kind, Id(r, part), "pre2019.of-which", $"{Id(r, part)} {before} → {value}, above {Id(r, whole)} {r.Whole(whole)}"));
                return true;
            }

            case InjectedErrorKind.ChannelExceedsTotal when pre:
            {
                var slot = plan.Slot("active.channels.gazette");
                var value = r.Whole(plan.Slot("active.total")) + rng.Between(1, 50);
                var before = r.PrintedText(slot);
                r.SetWhole(slot, value);
                r.AddError(new InjectedError(kind, Id(r, slot), "pre2019.channels.each", $"{Id(r, slot)} {before} → {value}, above active.total"));
                return true;
            }

            case InjectedErrorKind.NegativeCount:
            {
                var slot = rng.Pick(plan.StandaloneCounts);
                var value = -Math.Max(1, r.Whole(slot));
                var before = r.PrintedText(slot);
                r.SetWhole(slot, value);
                r.AddError(new InjectedError(kind, Id(r, slot), "common.count.non-negative", $"{Id(r, slot)} {before} → {value}"));
                return true;
            }

            case InjectedErrorKind.FractionalCount:
            {
                var slot = rng.Pick(plan.StandaloneCounts);
                var before = r.PrintedText(slot);
                r.SetScaled(slot, r.Whole(slot) * Fixed.Scale + Fixed.Scale / 2);
                r.AddError(new InjectedError(kind, Id(r, slot), "common.count.whole", $"{Id(r, slot)} {before} → {r.PrintedText(slot)}"));
                return true;
            }

            case InjectedErrorKind.UnreadableText:
            {
                var slot = plan.Present[rng.Next(plan.Present.Length)];
                if (r.Frame.States[slot] == (byte)CellState.Absent)
                {
                    return false;
                }

                var before = r.PrintedText(slot);
                var text = rng.Pick(UnreadableTexts);
                r.SetText(slot, CellState.Unreadable, text);
                r.AddError(new InjectedError(kind, Id(r, slot), "common.unreadable", $"{Id(r, slot)} {before} → {text}"));
                return true;
            }

            case InjectedErrorKind.Placeholder:
            {
                var start = rng.Next(plan.Present.Length);
                for (var k = 0; k < plan.Present.Length; k++)
                {
                    var slot = plan.Present[(start + k) % plan.Present.Length];
                    if (r.Frame.States[slot] is (byte)CellState.Number or (byte)CellState.Blank && r.Frame.Values[slot] == 0)
                    {
                        var before = r.PrintedText(slot);
                        var text = rng.Pick(PlaceholderTexts);
                        r.SetText(slot, CellState.Placeholder, text);
                        r.AddError(new InjectedError(kind, Id(r, slot), "common.placeholder", $"{Id(r, slot)} “{before}” → {text} (zero printed as a placeholder)"));
                        return true;
                    }
                }

                return false;
            }

            case InjectedErrorKind.IssuedAboveStock when plan.Version == SchemaVersion.Format2021:
            {
                var row = rng.Pick(["art20_1.regulations", "art20_1.normative_docs"]);
                var issued = plan.Slot($"{row}[issued]");
                var value = r.Whole(plan.Slot($"{row}[in_force]")) + r.Whole(plan.Slot($"{row}[repealed]")) + rng.Between(1, 9);
                var before = r.PrintedText(issued);
                r.SetWhole(issued, value);
                r.AddError(new InjectedError(kind, Id(r, issued), "2021.art20_1.issued-within-stock", $"{Id(r, issued)} {before} → {value}, above in force + repealed"));
                return true;
            }

            case InjectedErrorKind.StockBelowZero when plan.Version == SchemaVersion.Format2019:
            {
                var row = rng.Pick(["art20_5.licensing", "art20_6.penalty", "art20_6.coercion"]);
                var change = plan.Slot($"{row}[change]");
                var value = -(r.Whole(plan.Slot($"{row}[prev_items]")) + rng.Between(1, 20));
                var before = r.PrintedText(change);
                r.SetWhole(change, value);
                r.AddError(new InjectedError(kind, Id(r, change), "2019.art20.stock-negative", $"{Id(r, change)} {before} → {value}, below the previous stock"));
                return true;
            }

            default:
                return false;
        }
    }

    private static bool Typo(SyntheticReport r, int slot, ref SplitMix64 rng, InjectedErrorKind kind, string rule)
    {
        var before = r.Whole(slot);
        var after = Typos.Make(before, ref rng);
        var printed = r.PrintedText(slot);
        r.SetWhole(slot, after);
        r.AddError(new InjectedError(kind, Id(r, slot), rule, $"{Id(r, slot)} {(printed == "" ? "(blank)" : printed)} → {after} (a typing slip)"));
        return true;
    }

    private static bool Blank(SyntheticReport r, int slot, InjectedErrorKind kind, string rule)
    {
        var before = r.PrintedText(slot);
        r.SetBlank(slot);
        r.AddError(new InjectedError(kind, Id(r, slot), rule, $"{Id(r, slot)} {before} → (blank) while its parts are not zero"));
        return true;
    }

    private static string Id(SyntheticReport r, int slot) => r.SchemaDefinition.Cells[slot].Id.Value;
}

/// <summary>Typing slips: one digit changed, or two neighbouring digits swapped; never the same number, never negative.</summary>
internal static class Typos
{
    public static long Make(long value, ref SplitMix64 rng)
    {
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture).ToCharArray();
        if (digits.Length >= 2 && rng.Chance(0.3))
        {
            var start = rng.Next(digits.Length - 1);
            for (var k = 0; k < digits.Length - 1; k++)
            {
                var i = (start + k) % (digits.Length - 1);
                if (digits[i] != digits[i + 1] && !(i == 0 && digits[1] == '0'))
                {
                    (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
                    return long.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        var at = rng.Next(digits.Length);
        var old = digits[at] - '0';
        var lowest = at == 0 && digits.Length > 1 ? 1 : 0;
        int digit;
        do
        {
            digit = (int)rng.Between(lowest, 9);
        }
        while (digit == old);

        digits[at] = (char)('0' + digit);
        return long.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);
    }
}
