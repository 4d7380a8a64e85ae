using System.Text;

namespace Tongxin.Web.Shared;

/// <summary>
/// User text made safe for the XML inside .xlsx and .docx: characters XML 1.0 does not allow (U+000B pasted from Word,
/// other control characters, lone surrogates) are dropped, so one odd title never breaks a whole year's ledger.
/// </summary>
public static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsClean(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (Allowed(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!Allowed(c)) return false;
        }
        return true;
    }

    static bool Allowed(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
