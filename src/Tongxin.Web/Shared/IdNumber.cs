namespace Tongxin.Web.Shared;

/// <summary>Resident identity card numbers (GB 11643-1999): 18 characters, the last a check digit.</summary>
public static class IdNumber
{
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const string CheckChars = "10X98765432";

    public static char CheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Returns null when valid, otherwise a Chinese reason.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "身份证号为空";
        var v = Normalize(value);
        if (v.Length != 18) return "身份证号应为18位";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(v[i])) return "身份证号前17位应为数字";
        if (BirthDate(v) is null) return "身份证号中的出生日期无效";
        if (CheckDigit(v) != v[17]) return "身份证号校验位错误";
        return null;
    }

    public static bool IsValid(string? value) => Validate(value) is null;

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static DateOnly? BirthDate(string v) =>
        v.Length >= 14 && DateOnly.TryParseExact(v.Substring(6, 8), "yyyyMMdd", out var d) ? d : null;

    /// <summary>110105199001011234 → 110***********1234.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.Length <= 7) return new string('*', value.Length);
        return value[..3] + new string('*', value.Length - 7) + value[^4..];
    }

    public static string WithCheckDigit(string first17) => first17 + CheckDigit(first17);
}
