using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Features.OrgLife;

namespace Tongxin.Web.Features.Points;

/// <summary>学习积分, 履责积分, 品行积分, 考评积分.</summary>
public enum PointCategory { Study, Duty, Conduct, Appraisal }

/// <summary>What earns (or costs) points. Never logins, time online, clicks or study minutes.</summary>
public enum PointTrigger { Attended, AbsentWithoutLeave, EssayAccepted, MicroLecture, ProposalRegistered, OpinionAdopted, Manual }

/// <summary>Who may propose a manual item: a 党小组组长 for their group, a branch secretary, or only the organ party committee.</summary>
public enum ProposerLevel { GroupLeader, Branch, Committee }

/// <summary>A tenant's point rules for one year: the base everyone starts from and the floor nobody falls below.</summary>
public class PointRuleSet
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    public int Base { get; set; }
    public int Floor { get; set; }
    public DateTime? LockedAt { get; set; }
    public string? LockedBy { get; set; }
}

/// <summary>
/// One rule item. A change never edits a row: it adds the item's next version from a date, so every entry can name
/// the rule and version it was awarded under.
/// </summary>
public class PointRuleItem
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long RuleSetId { get; set; }
    /// <summary>Stable across versions, e.g. "attend-ThemedPartyDay".</summary>
    public string Code { get; set; } = "";
    public int Version { get; set; } = 1;
    public DateOnly EffectiveFrom { get; set; }
    public string Name { get; set; } = "";
    public PointCategory Category { get; set; }
    public PointTrigger Trigger { get; set; }
    public ActivityType? ActivityType { get; set; }
    public int Points { get; set; }
    public RulePeriod CapPeriod { get; set; }
    /// <summary>Most points (in absolute value) this item gives one person in a cap period; null: no cap.</summary>
    public int? Cap { get; set; }
    /// <summary>For manual items: whether a second person must approve before it counts.</summary>
    public bool NeedsApproval { get; set; }
    /// <summary>For manual items: the lowest level that may propose it.</summary>
    public ProposerLevel Proposer { get; set; } = ProposerLevel.Branch;
    public bool Active { get; set; } = true;
}

public class PointRuleSetConfiguration : IEntityTypeConfiguration<PointRuleSet>
{
    public void Configure(EntityTypeBuilder<PointRuleSet> b)
    {
        b.ToTable("PointRuleSets");
        b.HasIndex(r => new { r.TenantId, r.Year }).IsUnique();
        b.Property(r => r.LockedBy).HasMaxLength(100);
    }
}

public class PointRuleItemConfiguration : IEntityTypeConfiguration<PointRuleItem>
{
    public void Configure(EntityTypeBuilder<PointRuleItem> b)
    {
        b.Property(i => i.Proposer).HasConversion<string>().HasMaxLength(12);
        b.ToTable("PointRuleItems");
        b.Property(r => r.Code).HasMaxLength(60);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.ActivityType).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.CapPeriod).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(r => new { r.RuleSetId, r.Code, r.Version }).IsUnique();
    }
}
