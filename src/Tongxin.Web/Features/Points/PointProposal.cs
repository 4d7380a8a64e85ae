using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Points;

public enum ProposalStatus { Pending, Approved, Refused }

/// <summary>A manual award or deduction proposed with its reason and evidence; it counts only once another person approves.</summary>
public class PointProposal
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PersonId { get; set; }
    public string RuleCode { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? Evidence { get; set; }
    public DateOnly On { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public ProposalStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

public class PointProposalConfiguration : IEntityTypeConfiguration<PointProposal>
{
    public void Configure(EntityTypeBuilder<PointProposal> b)
    {
        b.ToTable("PointProposals");
        b.Property(p => p.RuleCode).HasMaxLength(60);
        b.Property(p => p.Reason).HasMaxLength(200);
        b.Property(p => p.Evidence).HasMaxLength(1000);
        b.Property(p => p.ProposedBy).HasMaxLength(100);
        b.Property(p => p.DecidedBy).HasMaxLength(100);
        b.Property(p => p.DecisionNote).HasMaxLength(200);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.Status).IsConcurrencyToken();
        b.HasIndex(p => new { p.TenantId, p.Status });
    }
}
