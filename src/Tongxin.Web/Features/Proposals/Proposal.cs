using Tongxin.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Proposals;

/// <summary>A 提案: one issue, its proposers, its review, its handling by units, the answer and the proposer's rating.</summary>
public class Proposal : IVersioned
{
    /// <summary>Who is told of what happens to the proposal: the lead and the co-signers who confirmed.</summary>
    public IEnumerable<long> Proposers => Signers.Where(s => s.ConfirmedAt is not null).Select(s => s.PersonId).Prepend(LeadPersonId).Distinct();

    public int Version { get; set; }
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    /// <summary>案号, given when registered (立案), e.g. 2026-0012.</summary>
    public string? Number { get; set; }
    public string Title { get; set; } = "";
    /// <summary>案由与建议.</summary>
    public string Content { get; set; } = "";
    /// <summary>The first signer, who leads.</summary>
    public long LeadPersonId { get; set; }
    public ProposalStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>Why it was not registered, merged or converted.</summary>
    public string? ReviewNote { get; set; }
    public long? MergedIntoId { get; set; }
    public bool IsKey { get; set; }
    public bool IsExcellent { get; set; }
    /// <summary>领衔督办: the leader overseeing the handling, if any.</summary>
    public string? Overseer { get; set; }
    public DateOnly? AssignedOn { get; set; }
    public DateOnly? Deadline { get; set; }
    public bool Extended { get; set; }
    public string? ExtensionReason { get; set; }
    public OutcomeClass? Outcome { get; set; }
    public string? ReplyText { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public string? RepliedBy { get; set; }
    public Satisfaction? HandlingRating { get; set; }
    public Satisfaction? ResultRating { get; set; }
    public string? RatingNote { get; set; }
    public DateTime? RatedAt { get; set; }
    public bool SentBack { get; set; }
    public DateTime? ClosedAt { get; set; }

    public List<ProposalSigner> Signers { get; set; } = [];
    public List<ProposalUnit> Units { get; set; } = [];

    public ProposalFacts Facts => new(Extended, SentBack, HandlingRating, ResultRating);
}

/// <summary>A proposer: the lead (confirmed by submitting) or a co-signer, who counts only once they confirm.</summary>
public class ProposalSigner
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public long PersonId { get; set; }
    public int Order { get; set; }
    public DateTime? ConfirmedAt { get; set; }
}

/// <summary>A handling unit of the proposal: the lead unit (主办) or a co-unit (会办).</summary>
public class ProposalUnit
{
    public long Id { get; set; }
    public long ProposalId { get; set; }
    public long OrgId { get; set; }
    public bool IsLead { get; set; }
}

public class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("Proposals");
        b.Property(p => p.Number).HasMaxLength(20);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Content).HasMaxLength(10000);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Status).IsConcurrencyToken();
        b.Property(p => p.ReviewedBy).HasMaxLength(100);
        b.Property(p => p.ReviewNote).HasMaxLength(500);
        b.Property(p => p.Overseer).HasMaxLength(50);
        b.Property(p => p.ExtensionReason).HasMaxLength(500);
        b.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(2);
        b.Property(p => p.ReplyText).HasMaxLength(10000);
        b.Property(p => p.RepliedBy).HasMaxLength(100);
        b.Property(p => p.HandlingRating).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ResultRating).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.RatingNote).HasMaxLength(500);
        b.HasIndex(p => new { p.TenantId, p.Year, p.Status });
        b.HasIndex(p => p.LeadPersonId);
        b.HasIndex(p => new { p.TenantId, p.Number }).IsUnique();
        b.HasMany(p => p.Signers).WithOne().HasForeignKey(s => s.ProposalId);
        b.HasMany(p => p.Units).WithOne().HasForeignKey(u => u.ProposalId);
        b.Ignore(p => p.Facts);
    }
}

public class ProposalSignerConfiguration : IEntityTypeConfiguration<ProposalSigner>
{
    public void Configure(EntityTypeBuilder<ProposalSigner> b)
    {
        b.ToTable("ProposalSigners");
        b.HasIndex(s => new { s.ProposalId, s.PersonId }).IsUnique();
        b.HasIndex(s => s.PersonId);
    }
}

public class ProposalUnitConfiguration : IEntityTypeConfiguration<ProposalUnit>
{
    public void Configure(EntityTypeBuilder<ProposalUnit> b)
    {
        b.ToTable("ProposalUnits");
        b.HasIndex(u => new { u.ProposalId, u.OrgId }).IsUnique();
        b.HasIndex(u => u.OrgId);
    }
}
