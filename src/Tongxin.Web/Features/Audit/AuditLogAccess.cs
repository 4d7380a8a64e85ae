using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Audit;

/// <summary>
/// Reading or exporting the audit log, with the filter used: saved like any record, so the reading itself stands in
/// the log (who looked at what, when) and cannot be taken out of it.
/// </summary>
public class AuditLogAccess
{
    public long Id { get; set; }
    public long? TenantId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>View or Export.</summary>
    public string Action { get; set; } = "";
    public string Filter { get; set; } = "";
}

public sealed class AuditLogAccessConfig : IEntityTypeConfiguration<AuditLogAccess>
{
    public void Configure(EntityTypeBuilder<AuditLogAccess> b)
    {
        b.ToTable("AuditLogAccesses");
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.Filter).HasMaxLength(500);
    }
}
