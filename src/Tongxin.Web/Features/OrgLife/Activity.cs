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
    /// <summary>When the plan last changed, and what changed, for the attendees to see.</summary>
    public DateTime? ChangedAt { get; set; }
    public string? ChangeNote { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>Counts toward the required frequency: held, and quorate where a quorum applies.</summary>
    public bool Counts => Status == ActivityStatus.Held && (!Type.Info().Quorum || QuorumMet == true);

    public bool SignInOpen(DateTime utcNow) => Status != ActivityStatus.Cancelled
        && utcNow >= StartsAt - SignInOpensBefore && utcNow <= EndsAt;

    /// <summary>The minutes as a draft: saved at any time before or after the meeting, holding nothing.</summary>
    public Error? SaveMinutes(string? minutes, string? decisions)
    {
        if (Status == ActivityStatus.Cancelled) return Error.Conflict("活动已取消，不能记录");
        Minutes = string.IsNullOrWhiteSpace(minutes) ? null : minutes.Trim();
        Decisions = string.IsNullOrWhiteSpace(decisions) ? null : decisions.Trim();
        return null;
    }

    /// <summary>确认召开: after the start, with minutes; from then on those not signed in without leave count as absent.</summary>
    public Error? ConfirmHeld(bool? quorumMet, DateTime utcNow)
    {
        if (Status == ActivityStatus.Cancelled) return Error.Conflict("活动已取消，不能确认召开");
        if (Status == ActivityStatus.Held) return Error.Conflict("活动已确认召开");
        if (utcNow < StartsAt) return Error.Validation("活动尚未开始，不能确认召开");
        if (string.IsNullOrWhiteSpace(Minutes)) return Error.Validation("请先填写并保存会议记录", "Minutes");
        QuorumMet = Type.Info().Quorum ? quorumMet : null;
        Status = ActivityStatus.Held;
        RecordedAt = utcNow;
        return null;
    }

    /// <summary>Changes the plan (time, place, topic, host) until the activity is held; the change is kept to show attendees.</summary>
    public Error? Change(string topic, string place, DateTime startsAt, DateTime endsAt, long? hostPersonId, DateTime utcNow)
    {
        if (Status != ActivityStatus.Planned) return Error.Conflict(Status == ActivityStatus.Held ? "活动已召开，不能再变更" : "活动已取消，不能再变更");
        var changes = new List<string>();
        if (startsAt != StartsAt || endsAt != EndsAt)
            changes.Add($"时间由 {Clock.Show(StartsAt)}~{Clock.Show(EndsAt)} 改为 {Clock.Show(startsAt)}~{Clock.Show(endsAt)}");
        if (place != Place) changes.Add($"地点由“{Place}”改为“{place}”");
        if (topic != Topic) changes.Add($"主题由“{Topic}”改为“{topic}”");
        (Topic, Place, StartsAt, EndsAt, HostPersonId) = (topic, place, startsAt, endsAt, hostPersonId);
        if (changes.Count > 0) (ChangedAt, ChangeNote) = (utcNow, string.Join("；", changes));
        return null;
    }

    /// <summary>Cancels a planned activity with a reason; attendees see it, and it counts for nothing.</summary>
    public Error? Cancel(string? reason, DateTime utcNow)
    {
        if (Status != ActivityStatus.Planned) return Error.Conflict(Status == ActivityStatus.Held ? "活动已召开，不能取消" : "活动已取消");
        if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("请填写取消原因", "Reason");
        (Status, CancelledAt, CancelReason) = (ActivityStatus.Cancelled, utcNow, reason.Trim());
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
        b.Property(a => a.ChangeNote).HasMaxLength(500);
        b.Property(a => a.CancelReason).HasMaxLength(200);
        // Confirming, changing and cancelling race on the status: the second of two clicks is refused.
        b.Property(a => a.Status).IsConcurrencyToken();
        b.HasIndex(a => new { a.OrgId, a.StartsAt });
        b.HasIndex(a => new { a.TenantId, a.StartsAt });
        b.Ignore(a => a.Counts);
    }

    public void Configure(EntityTypeBuilder<Attendee> b)
    {
        b.ToTable("Attendees");
        b.Property(a => a.Method).HasConversion<string>().HasMaxLength(10);
        // A leave request is decided once: of two decisions at once (a double click, two secretaries) one lands.
        b.Property(a => a.Leave).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
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
