using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

public enum ActivityStatus { Planned, Held, Cancelled }

/// <summary>One meeting or event of organisational life: planned, signed into, recorded once.</summary>
public class Activity
{
    public static readonly TimeSpan SignInOpensBefore = TimeSpan.FromMinutes(30);

    public long Id { get; set; }
    public long TenantId { get; set; }
    /// <summary>The branch (or party group, for 党小组会) holding it.</summary>
    public long OrgId { get; set; }
    public ActivityType Type { get; set; }
    public string Topic { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Place { get; set; } = "";
    public long? HostPersonId { get; set; }
    public ActivityStatus Status { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }
    public bool? QuorumMet { get; set; }
    public DateTime? RecordedAt { get; set; }
    public byte[] SignInSecret { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Counts toward the required frequency: held, and quorate where a quorum applies.</summary>
    public bool Counts => Status == ActivityStatus.Held && (!Type.Info().Quorum || QuorumMet == true);

    public bool SignInOpen(DateTime utcNow) => Status != ActivityStatus.Cancelled
        && utcNow >= StartsAt - SignInOpensBefore && utcNow <= EndsAt;

    public Error? Hold(string minutes, string? decisions, bool? quorumMet, DateTime utcNow)
    {
        if (Status == ActivityStatus.Cancelled) return Error.Conflict("活动已取消，不能记录");
        if (utcNow < StartsAt) return Error.Validation("活动尚未开始，不能标记为已召开");
        if (string.IsNullOrWhiteSpace(minutes)) return Error.Validation("请填写会议记录", "Minutes");
        Minutes = minutes.Trim();
        Decisions = string.IsNullOrWhiteSpace(decisions) ? null : decisions.Trim();
        QuorumMet = Type.Info().Quorum ? quorumMet : null;
        Status = ActivityStatus.Held;
        RecordedAt = utcNow;
        return null;
    }
}

public enum LeaveStatus { None, Requested, Granted, Refused }
public enum SignInMethod { None, Qr, Manual }

/// <summary>An expected attendee of an activity, with their sign-in and leave.</summary>
public class Attendee
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long ActivityId { get; set; }
    public long PersonId { get; set; }
    public DateTime? SignedInAt { get; set; }
    public SignInMethod Method { get; set; }
    public string? ManualReason { get; set; }
    public LeaveStatus Leave { get; set; }
    public string? LeaveReason { get; set; }
    public string? LeaveDecidedBy { get; set; }

    public bool Present => SignedInAt is not null;
    public bool AbsentWithoutLeave => !Present && Leave != LeaveStatus.Granted;
}

/// <summary>A tenant's frequency for an activity type, in force from a date (defaults apply otherwise).</summary>
public class FrequencyRule
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public ActivityType Type { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public RulePeriod Period { get; set; }
    public int MinCount { get; set; }
}

/// <summary>An in-app alert for the people responsible for an organisation.</summary>
public class Alert
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OrgId { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>Deduplication key: the same alert is raised once.</summary>
    public string Key { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

public class OrgLifeConfiguration : IEntityTypeConfiguration<Activity>, IEntityTypeConfiguration<Attendee>,
    IEntityTypeConfiguration<FrequencyRule>, IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("Activities");
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Topic).HasMaxLength(200);
        b.Property(a => a.Place).HasMaxLength(100);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.OrgId, a.StartsAt });
        b.HasIndex(a => new { a.TenantId, a.StartsAt });
        b.Ignore(a => a.Counts);
    }

    public void Configure(EntityTypeBuilder<Attendee> b)
    {
        b.ToTable("Attendees");
        b.Property(a => a.Method).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.Leave).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.ManualReason).HasMaxLength(200);
        b.Property(a => a.LeaveReason).HasMaxLength(200);
        b.Property(a => a.LeaveDecidedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.ActivityId, a.PersonId }).IsUnique();
        // Signing in is "set once": the UPDATE only succeeds while the column is still empty.
        b.Property(a => a.SignedInAt).IsConcurrencyToken();
        b.HasIndex(a => a.PersonId);
        b.Ignore(a => a.Present);
        b.Ignore(a => a.AbsentWithoutLeave);
    }

    public void Configure(EntityTypeBuilder<FrequencyRule> b)
    {
        b.ToTable("FrequencyRules");
        b.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.Period).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(r => new { r.TenantId, r.Type, r.EffectiveFrom }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(a => a.Kind).HasMaxLength(40);
        b.Property(a => a.Key).HasMaxLength(200);
        b.Property(a => a.Message).HasMaxLength(400);
        b.HasIndex(a => new { a.TenantId, a.Key }).IsUnique();
        b.HasIndex(a => a.OrgId);
    }
}
