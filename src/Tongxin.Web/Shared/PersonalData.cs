namespace Tongxin.Web.Shared;

/// <summary>Personal identifiers (ID numbers, phone numbers) as they may be shown to someone without the right to read them.</summary>
public static class PersonalData
{
    static readonly HashSet<string> IdNumberFields = ["IdNumber"];
    static readonly HashSet<string> PhoneFields = ["Phone", "PhoneNumber"];

    /// <summary>13800001234 → 138****1234.</summary>
    public static string MaskPhone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.Length <= 7) return new string('*', value.Length);
        return value[..3] + new string('*', value.Length - 7) + value[^4..];
    }

    /// <summary>
    /// The value of a property as the audit log keeps it: ID and phone numbers masked. An update entry lists only the
    /// properties that changed, so a changed number still shows as changed even when the masked forms look alike.
    /// </summary>
    public static object? MaskForAudit(string property, object? value) => value switch
    {
        string s when IdNumberFields.Contains(property) => IdNumber.Mask(s),
        string s when PhoneFields.Contains(property) => MaskPhone(s),
        _ => value,
    };
}
