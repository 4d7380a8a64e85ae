using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// One line of a member's points ledger: never updated or deleted. A withdrawal is a new entry that reverses an
/// earlier one. <see cref="SourceKey"/> names the record behind it (e.g. "signin:{attendee}") so it is awarded once.
/// </summary>
public class PointEntry
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PersonId { get; set; }
    public int Year { get; set; }
    public PointCategory Category { get; set; }
    public int Points { get; set; }
    public string Reason { get; set; } = "";
    public long? RuleItemId { get; set; }
    public string? RuleCode { get; set; }
    public int? RuleVersion { get; set; }
    public string SourceKey { get; set; } = "";
    /// <summary>The activity behind it, for the link from the ledger to the meeting.</summary>
    public long? ActivityId { get; set; }
    public long? Reverses { get; set; }
    /// <summary>Set when a cap cut the points: what the rule gave and why less was counted.</summary>
    public string? CapNote { get; set; }
    public string AwardedBy { get; set; } = "";
    public string? ApprovedBy { get; set; }
    /// <summary>The local date of the record behind the entry; it decides the year and the cap period.</summary>
    public DateOnly On { get; set; }
    public DateTime At { get; set; }

    /// <summary>An award under a rule item (points already capped), for the record named by <paramref name="sourceKey"/>.</summary>
    public static PointEntry Under(PointRuleItem item, long tenantId, long personId, DateOnly on, int points, string? capNote, string reason,
        string sourceKey, long? activityId, string awardedBy, string? approvedBy, DateTime utcNow) => new()
    {
        TenantId = tenantId, PersonId = personId, Year = on.Year, Category = item.Category, Points = points, Reason = reason,
        RuleItemId = item.Id == 0 ? null : item.Id, RuleCode = item.Code, RuleVersion = item.Version, SourceKey = sourceKey,
        ActivityId = activityId, CapNote = capNote, AwardedBy = awardedBy, ApprovedBy = approvedBy, On = on, At = utcNow,
    };

    /// <summary>The entry that cancels <paramref name="award"/>: same source, rule and date, opposite points.</summary>
    public static PointEntry Reversal(PointEntry award, string reason, string userName, DateTime utcNow) => new()
    {
        TenantId = award.TenantId, PersonId = award.PersonId, Year = award.Year, Category = award.Category, Points = -award.Points,
        Reason = reason, RuleItemId = award.RuleItemId, RuleCode = award.RuleCode, RuleVersion = award.RuleVersion,
        SourceKey = award.SourceKey, ActivityId = award.ActivityId, Reverses = award.Id, AwardedBy = userName, On = award.On, At = utcNow,
    };
}

public class PointEntryConfiguration : IEntityTypeConfiguration<PointEntry>
{
    public void Configure(EntityTypeBuilder<PointEntry> b)
    {
        b.ToTable("PointEntries");
        b.Property(e => e.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(200);
        b.Property(e => e.RuleCode).HasMaxLength(60);
        b.Property(e => e.SourceKey).HasMaxLength(80);
        b.Property(e => e.CapNote).HasMaxLength(200);
        b.Property(e => e.AwardedBy).HasMaxLength(100);
        b.Property(e => e.ApprovedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.PersonId, e.Year });
        b.HasIndex(e => e.SourceKey);
    }
}
