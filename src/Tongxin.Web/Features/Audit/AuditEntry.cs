using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Audit;

/// <summary>One change, chained by hash to the previous entry of its stream; never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>Which of the hash chains this entry belongs to (decision 0007).</summary>
    public int Stream { get; set; }
    /// <summary>Position in the stream: 1, 2, 3… without gaps, so a deleted entry shows.</summary>
    public long Seq { get; set; }
    public long? TenantId { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.HasIndex(a => new { a.Stream, a.Seq }).IsUnique();
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(60);
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
