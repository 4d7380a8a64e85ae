using System.Globalization;
using System.Text.RegularExpressions;

namespace Tongxin.Web.Shared;

/// <summary>
/// Dates as people type them in roster spreadsheets: 2019-07-01, 2019.7, 2019年7月, 2019/7/1,
/// or an Excel serial number. A month without a day means its first day.
/// </summary>
public static partial class FlexibleDate
{
    [GeneratedRegex(@"^([0-9]{4})\s*[-./年]\s*([0-9]{1,2})\s*(?:[-./月]\s*([0-9]{1,2})\s*日?|月)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(object? raw, out DateOnly? date, out string? error)
    {
        date = null; error = null;
        switch (raw)
        {
            case null or DBNull: return true;
            case DateTime dt: date = DateOnly.FromDateTime(dt); return true;
            case double serial when serial is >= 1900 and <= 2100: error = BareYear(serial.ToString(CultureInfo.InvariantCulture)); return false;
            case double serial: return FromSerial(serial, out date, out error);
        }
        // Full-width digits and spaces (２０１９年７月) read as ordinary ones.
        var text = Convert.ToString(raw, CultureInfo.InvariantCulture)!.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (text.Length == 0) return true;
        if (text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is >= 1900 and <= 2100)
        { error = BareYear(text); return false; }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !text.Contains('.'))
            return FromSerial(n, out date, out error);
        var m = Pattern().Match(text);
        if (!m.Success) { error = $"日期“{text}”格式无法识别（可用 2019-07-01、2019.7、2019年7月、2019/7/1）"; return false; }
        var year = int.Parse(m.Groups[1].Value);
        var month = int.Parse(m.Groups[2].Value);
        var day = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 1;
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        { error = $"日期“{text}”不存在"; return false; }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>"2019" alone is a year, not Excel's day 2019 (1905-07-11): refused, not guessed.</summary>
    static string BareYear(string text) => $"只填了年份“{text}”，无法确定日期，请写明月份（如 {text}-07 或 {text}年7月）";

    static bool FromSerial(double serial, out DateOnly? date, out string? error)
    {
        date = null; error = null;
        // Excel serials: 1 = 1900-01-01; 60 is the phantom 1900-02-29. Accept 1900..2100 only.
        if (serial < 61 || serial > 73051 || serial != Math.Floor(serial))
        { error = $"日期序号“{serial}”超出范围"; return false; }
        date = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial));
        return true;
    }
}
