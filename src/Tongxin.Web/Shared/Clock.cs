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

    public static DateOnly Today => DateOnly.FromDateTime(ToLocal(DateTime.UtcNow));

    public static string Show(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
