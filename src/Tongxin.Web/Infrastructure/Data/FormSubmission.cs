using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Infrastructure.Data;

/// <summary>
/// A form that creates a record carries a one-time key; the record and its key are saved in one transaction, so a
/// double click or a resent form finds the key taken and answers with the record the first submission made.
/// </summary>
public class FormSubmission
{
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public long EntityId { get; set; }
    public DateTime At { get; set; }

    public static bool IsKey(string? key) => key is { Length: 32 } && key.All(char.IsAsciiHexDigit);

    /// <summary>The record a key already made, if any.</summary>
    public static async Task<long?> MadeAsync(AppDbContext db, string? key, string kind, CancellationToken ct) =>
        IsKey(key) ? await db.FormSubmissions.Where(f => f.Key == key && f.Kind == kind).Select(f => (long?)f.EntityId).FirstOrDefaultAsync(ct) : null;

    /// <summary>
    /// Records the key for the record just saved in the caller's transaction. False when another submission of the
    /// same form got there first: the caller rolls back and answers with <see cref="MadeAsync"/>.
    /// </summary>
    public static async Task<bool> RecordAsync(AppDbContext db, string? key, string kind, long entityId, CancellationToken ct)
    {
        if (!IsKey(key)) return true;
        db.FormSubmissions.Add(new FormSubmission { Key = key!, Kind = kind, EntityId = entityId, At = DateTime.UtcNow });
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return false; }
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");
}

public sealed class FormSubmissionConfig : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.ToTable("FormSubmissions");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(32);
        b.Property(f => f.Kind).HasMaxLength(30);
    }
}
