using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Notices;

/// <summary>
/// 站内通知: an event that concerns a person (their leave decided, a meeting of theirs moved, their proposal
/// answered …), written by the handler of the event in its own transaction, read in the app. No SMS or e-mail.
/// </summary>
public class Notice
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PersonId { get; set; }
    public string Text { get; set; } = "";
    public string Url { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

public sealed class NoticeConfig : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("Notices");
        b.Property(n => n.Text).HasMaxLength(300);
        b.Property(n => n.Url).HasMaxLength(200);
        b.HasIndex(n => new { n.PersonId, n.ReadAt });
    }
}
