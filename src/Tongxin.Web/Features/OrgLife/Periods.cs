namespace Tongxin.Web.Features.OrgLife;

/// <summary>A calendar period [Start, End] with both ends inclusive dates.</summary>
public readonly record struct Period(RulePeriod Kind, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly d) => d >= Start && d <= End;

    /// <summary>The label in the user's language (2026年第3季度 / Q3 2026).</summary>
    public string LabelIn(Microsoft.Extensions.Localization.IStringLocalizer l) => Kind switch
    {
        RulePeriod.Quarter => l["{0}年第{1}季度", Start.Year, (Start.Month - 1) / 3 + 1],
        RulePeriod.Year => l["{0}年", Start.Year],
        _ => Label,
    };

    public string Label => Kind switch
    {
        RulePeriod.Month => $"{Start:yyyy-MM}",
        RulePeriod.Quarter => $"{Start.Year}年第{(Start.Month - 1) / 3 + 1}季度",
        RulePeriod.Year => $"{Start.Year}年",
        _ => $"{Start:yyyy-MM-dd}~{End:yyyy-MM-dd}",
    };

    public static Period Of(RulePeriod kind, DateOnly d) => kind switch
    {
        RulePeriod.Month => new(kind, new DateOnly(d.Year, d.Month, 1), new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month))),
        RulePeriod.Quarter => Quarter(d.Year, (d.Month - 1) / 3 + 1),
        RulePeriod.Year => new(kind, new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Period Quarter(int year, int q)
    {
        var start = new DateOnly(year, (q - 1) * 3 + 1, 1);
        return new(RulePeriod.Quarter, start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The sub-periods of kind <paramref name="inner"/> that make up this period (a year has 12 months, 4 quarters).</summary>
    public IEnumerable<Period> Split(RulePeriod inner)
    {
        for (var d = Start; d <= End; d = Of(inner, d).End.AddDays(1))
            yield return Of(inner, d);
    }

    /// <summary>The years a period may fall in, as for every year field of the UI; outside them a period does not parse.</summary>
    public const int MinYear = 2000, MaxYear = 2100;

    /// <summary>Parses 2026, 2026-Q3 or 2026-07 (years 2000–2100; null otherwise, and the page shows its default).</summary>
    public static Period? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().ToUpperInvariant();
        if (t.Length >= 4 && int.TryParse(t[..4], out var year) && year is < MinYear or > MaxYear) return null;
        if (t.Length == 4 && int.TryParse(t, out var y)) return Of(RulePeriod.Year, new DateOnly(y, 1, 1));
        if (t.Length == 7 && t[4] == '-' && t[5] == 'Q' && int.TryParse(t[..4], out y) && t[6] is >= '1' and <= '4') return Quarter(y, t[6] - '0');
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], out y) && int.TryParse(t[5..], out var m) && m is >= 1 and <= 12)
            return Of(RulePeriod.Month, new DateOnly(y, m, 1));
        return null;
    }

    public string Code => Kind switch
    {
        RulePeriod.Month => $"{Start:yyyy-MM}", RulePeriod.Quarter => $"{Start.Year}-Q{(Start.Month - 1) / 3 + 1}", _ => $"{Start.Year}",
    };
}
