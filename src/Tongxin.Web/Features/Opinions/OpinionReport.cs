using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Opinions;

public enum OpinionStatus { Draft, Submitted, Adopted, NotAdopted }

/// <summary>Where an adopted report was sent: the city party committee and government, the provincial CPPCC, the national CPPCC.</summary>
public enum ForwardLevel { City, Province, National }

/// <summary>A 社情民意信息: written by a member, edited and adopted (采用) by the office, forwarded, perhaps instructed on (批示).</summary>
public class OpinionReport
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    public long AuthorPersonId { get; set; }
    public string Title { get; set; } = "";
    public string Content { get; set; } = "";
    public OpinionStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>The proposal it was turned from (转社情民意), if any.</summary>
    public long? SourceProposalId { get; set; }
    public string? EditedBy { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionNote { get; set; }
    public ForwardLevel? ForwardedTo { get; set; }
    public DateOnly? ForwardedOn { get; set; }
    /// <summary>批示: the leader's instruction on the report, who gave it and when.</summary>
    public string? Instruction { get; set; }
    public string? InstructedBy { get; set; }
    public DateOnly? InstructedOn { get; set; }
}

public class OpinionReportConfiguration : IEntityTypeConfiguration<OpinionReport>
{
    public void Configure(EntityTypeBuilder<OpinionReport> b)
    {
        b.ToTable("OpinionReports");
        b.Property(o => o.Title).HasMaxLength(200);
        b.Property(o => o.Content).HasMaxLength(10000);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(o => o.Status).IsConcurrencyToken();
        // An instruction is recorded once (a second submission of the same form finds it taken).
        b.Property(o => o.Instruction).IsConcurrencyToken();
        b.Property(o => o.EditedBy).HasMaxLength(100);
        b.Property(o => o.DecidedBy).HasMaxLength(100);
        b.Property(o => o.DecisionNote).HasMaxLength(500);
        b.Property(o => o.ForwardedTo).HasConversion<string>().HasMaxLength(10);
        b.Property(o => o.Instruction).HasMaxLength(2000);
        b.Property(o => o.InstructedBy).HasMaxLength(50);
        b.HasIndex(o => new { o.TenantId, o.Year, o.Status });
        b.HasIndex(o => o.AuthorPersonId);
    }
}
