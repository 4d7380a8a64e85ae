using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Duty;

/// <summary>The items of the yearly "五个一" (domain.md §6).</summary>
public enum FiveOneItem { Proposal, Opinion, Survey, SectorActivity, PublicGood }

/// <summary>A tenant's target for one item in one year; a year without its own targets uses the defaults (one of each).</summary>
public class DutyTarget
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    public FiveOneItem Item { get; set; }
    public int MinCount { get; set; }
}

public class DutyTargetConfiguration : IEntityTypeConfiguration<DutyTarget>
{
    public void Configure(EntityTypeBuilder<DutyTarget> b)
    {
        b.ToTable("DutyTargets");
        b.Property(t => t.Item).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(t => new { t.TenantId, t.Year, t.Item }).IsUnique();
    }
}

/// <summary>Pure rules of 五个一: names, defaults, and whether a member's records meet the targets.</summary>
public static class FiveOne
{
    public static readonly FiveOneItem[] Items = Enum.GetValues<FiveOneItem>();

    public static string Name(this FiveOneItem i) => i switch
    {
        FiveOneItem.Proposal => "提交一件提案", FiveOneItem.Opinion => "报送一篇社情民意", FiveOneItem.Survey => "参加一次调研视察",
        FiveOneItem.SectorActivity => "参加一次界别活动", _ => "办一件民生实事",
    };

    public static IReadOnlyDictionary<FiveOneItem, int> Defaults { get; } = Items.ToDictionary(i => i, _ => 1);

    /// <summary>Items whose count falls short of the target (targets of 0 are not asked for).</summary>
    public static IReadOnlyList<FiveOneItem> Gaps(IReadOnlyDictionary<FiveOneItem, int> targets, IReadOnlyDictionary<FiveOneItem, int> counts) =>
        Items.Where(i => targets.GetValueOrDefault(i) > 0 && counts.GetValueOrDefault(i) < targets[i]).ToList();

    /// <summary>
    /// The third-quarter reminder (July–September, while there is still time in the year): which items are still open,
    /// or null when nothing is owed or it is not the season.
    /// </summary>
    public static IReadOnlyList<FiveOneItem>? Q3Reminder(DateOnly today, int year, IReadOnlyList<FiveOneItem> gaps) =>
        today.Year == year && today.Month is >= 7 and <= 9 && gaps.Count > 0 ? gaps : null;

    public static async Task<IReadOnlyDictionary<FiveOneItem, int>> TargetsAsync(AppDbContext db, long tenantId, int year, CancellationToken ct = default)
    {
        var own = await db.DutyTargets.AsNoTracking().Where(t => t.TenantId == tenantId && t.Year == year).ToDictionaryAsync(t => t.Item, t => t.MinCount, ct);
        return own.Count == 0 ? Defaults : Items.ToDictionary(i => i, i => own.GetValueOrDefault(i));
    }
}
