namespace Tongxin.Web.Shared;

/// <summary>
/// Instants are stored in UTC; people read and type China Standard Time (Tongxin:TimeZone, default Asia/Shanghai).
/// </summary>
public static class Clock
{
    static TimeZoneInfo zone = Find("Asia/Shanghai");

    public static void Configure(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id)) zone = Find(id);
    }

    static TimeZoneInfo Find(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST"); }
    }

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>
    /// The zone's offset in minutes when it is the same throughout [fromUtc, toUtc] (China has had one since 1991),
    /// checked every two weeks and at the end; null when daylight saving or a change falls inside.
    /// </summary>
    public static int? FixedOffsetMinutes(DateTime fromUtc, DateTime toUtc) => FixedOffsetMinutes(zone, fromUtc, toUtc);

    public static int? FixedOffsetMinutes(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));
        for (var at = fromUtc; at < toUtc; at = at.AddDays(14))
            if (zone.GetUtcOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) != offset) return null;
        if (zone.GetUtcOffset(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc)) != offset) return null;
        return (int)offset.TotalMinutes;
    }

    public static DateOnly Today => DateOnly.FromDateTime(ToLocal(DateTime.UtcNow));

    public static string Show(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    /// <summary>The local day of an instant, as people write it: 2026-11-22.</summary>
    public static string ShowDay(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd");

    public static string? ShowDay(DateTime? utc) => utc is { } u ? ShowDay(u) : null;

    public static string? ShowDay(DateOnly? day) => day?.ToString("yyyy-MM-dd");
}
