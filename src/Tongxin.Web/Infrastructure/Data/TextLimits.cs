using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Infrastructure.Faults;

namespace Tongxin.Web.Infrastructure.Data;

/// <summary>
/// Lengths of user text. Handlers check their fields against these with a message on the field; <see cref="Check"/>
/// is the net under them: no string longer than its column (or <see cref="LongText"/> for unbounded ones) is saved,
/// and no control character other than tab and line breaks.
/// </summary>
public static class TextLimits
{
    /// <summary>Minutes, proposal bodies, replies, reports: about thirty pages of text.</summary>
    public const int LongText = 50_000;

    /// <summary>The field's error, or null when it fits.</summary>
    public static Shared.Error? TooLong(string? value, int max, string label, string field) =>
        value is not null && value.Trim().Length > max ? Shared.Error.Invalid($"{label}不能超过 {max} 字", field) : null;

    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is AuditEntry or DataProtectionKey) continue;
            foreach (var p in entry.Properties)
            {
                if (p.CurrentValue is not string s || p.Metadata.ClrType != typeof(string)) continue;
                if (entry.State == EntityState.Modified && !p.IsModified) continue;
                // Control characters pasted from Word (U+000B and the like) look like nothing on screen but make
                // “第一\v党支部” a different name from 第一党支部; tabs and line breaks stay in text that has them.
                if (!Redacted(p.Metadata.Name) && s.Any(IsInvisibleControl)) p.CurrentValue = s = new string(s.Where(c => !IsInvisibleControl(c)).ToArray());
                var max = p.Metadata.GetMaxLength() ?? (Redacted(p.Metadata.Name) ? int.MaxValue : LongText);
                if (s.Length > max) throw new TextTooLongException(entry.Metadata.ClrType.Name, p.Metadata.Name, max);
            }
        }
    }

    static bool IsInvisibleControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    // Machine-written values without a declared length (sealed boxes, secrets, hashes) are not user text.
    static bool Redacted(string name) => name is "SealedBox" or "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp" or "Xml" or "FriendlyName";
}
