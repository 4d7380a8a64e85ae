using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Appraisal;

public enum AppraisalStatus { Open, Closed, Final }

public enum AppraisalGrade { Excellent, Qualified, BasicallyQualified, Unqualified }

/// <summary>A branch's 民主评议党员 for one year: open for self-assessment and ballots, then closed, then decided.</summary>
public class AppraisalRound
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OrgId { get; set; }
    public int Year { get; set; }
    public AppraisalStatus Status { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? FinalisedBy { get; set; }
    public DateTime? FinalisedAt { get; set; }
    /// <summary>While open: the marks cast so far, sealed (<see cref="BallotBox"/>). Empty once closed.</summary>
    public string? SealedBox { get; set; }
    /// <summary>Bumped with every ballot, so two voters at once cannot overwrite each other's marks in the box.</summary>
    public int BoxVersion { get; set; }
    public List<AppraisalParticipant> Participants { get; set; } = [];
}

/// <summary>A member taking part: their self-assessment, whether they have voted, and the branch's decision on them.</summary>
public class AppraisalParticipant
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long PersonId { get; set; }
    /// <summary>预备党员 take part and vote but are not graded.</summary>
    public bool IsProbationary { get; set; }
    public string? SelfAssessment { get; set; }
    public DateTime? SelfAssessedAt { get; set; }
    public DateTime? VotedAt { get; set; }
    /// <summary>Voted on a paper sheet, counted by the branch (<see cref="RecordPaperBallots"/>).</summary>
    public bool VotedOnPaper { get; set; }
    public AppraisalGrade? Grade { get; set; }
    public string? GradeNote { get; set; }
    /// <summary>The member's points total for the year when the decision was made, kept with the result.</summary>
    public int? PointsTotal { get; set; }
}

/// <summary>
/// One mark on a mutual-evaluation ballot, written when the round closes, in random order and in one batch (decision
/// 0012). Marks carry no voter and no time: who voted is kept on the participant, not what.
/// </summary>
public class AppraisalBallot
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public long SubjectId { get; set; }
    public AppraisalGrade Grade { get; set; }
}

public class AppraisalRoundConfiguration : IEntityTypeConfiguration<AppraisalRound>
{
    public void Configure(EntityTypeBuilder<AppraisalRound> b)
    {
        b.ToTable("AppraisalRounds");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Status).IsConcurrencyToken();
        b.Property(r => r.OpenedBy).HasMaxLength(100);
        b.Property(r => r.FinalisedBy).HasMaxLength(100);
        b.Property(r => r.BoxVersion).IsConcurrencyToken();
        b.HasIndex(r => new { r.OrgId, r.Year }).IsUnique();
        b.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RoundId);
    }
}

public class AppraisalParticipantConfiguration : IEntityTypeConfiguration<AppraisalParticipant>
{
    public void Configure(EntityTypeBuilder<AppraisalParticipant> b)
    {
        b.ToTable("AppraisalParticipants");
        b.Property(p => p.SelfAssessment).HasMaxLength(2000);
        b.Property(p => p.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.GradeNote).HasMaxLength(200);
        // A second ballot from the same member loses the race on this column.
        b.Property(p => p.VotedAt).IsConcurrencyToken();
        b.HasIndex(p => new { p.RoundId, p.PersonId }).IsUnique();
        b.HasIndex(p => p.PersonId);
    }
}

public class AppraisalBallotConfiguration : IEntityTypeConfiguration<AppraisalBallot>
{
    public void Configure(EntityTypeBuilder<AppraisalBallot> b)
    {
        b.ToTable("AppraisalBallots");
        b.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.RoundId, x.SubjectId });
    }
}
