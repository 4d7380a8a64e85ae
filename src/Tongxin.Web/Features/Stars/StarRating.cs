using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Stars;

public enum StarRatingStatus { Draft, Submitted, Reviewed }

/// <summary>A branch's 争星 rating for one year: its self-assessment, then the organ party committee's review.</summary>
public class StarRating
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OrgId { get; set; }
    public int Year { get; set; }
    public StarRatingStatus Status { get; set; }
    public double? SelfTotal { get; set; }
    public int? SelfStars { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public double? ReviewTotal { get; set; }
    public int? ReviewStars { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>The reviewer's word: why it was sent back, or a comment on the result.</summary>
    public string? ReviewNote { get; set; }
    public List<StarScore> Scores { get; set; } = [];
}

/// <summary>One checklist item of a rating: the figure computed from records (if any), the branch's score and evidence, the review.</summary>
public class StarScore
{
    public long Id { get; set; }
    public long RatingId { get; set; }
    public string ItemCode { get; set; } = "";
    public string? Basis { get; set; }
    public double SelfScore { get; set; }
    public string? Evidence { get; set; }
    public double? ReviewScore { get; set; }
    public string? ReviewNote { get; set; }
}

public class StarRatingConfiguration : IEntityTypeConfiguration<StarRating>
{
    public void Configure(EntityTypeBuilder<StarRating> b)
    {
        b.ToTable("StarRatings");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.Status).IsConcurrencyToken();
        b.Property(r => r.SubmittedBy).HasMaxLength(100);
        b.Property(r => r.ReviewedBy).HasMaxLength(100);
        b.Property(r => r.ReviewNote).HasMaxLength(500);
        b.HasIndex(r => new { r.OrgId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.Year });
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.RatingId);
    }
}

public class StarScoreConfiguration : IEntityTypeConfiguration<StarScore>
{
    public void Configure(EntityTypeBuilder<StarScore> b)
    {
        b.ToTable("StarScores");
        b.Property(s => s.ItemCode).HasMaxLength(40);
        b.Property(s => s.Basis).HasMaxLength(200);
        b.Property(s => s.Evidence).HasMaxLength(1000);
        b.Property(s => s.ReviewNote).HasMaxLength(200);
        b.HasIndex(s => new { s.RatingId, s.ItemCode }).IsUnique();
    }
}
