using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// The rules in force for a tenant's year: the items it keeps, or — until it keeps any — the built-in defaults
/// (version 0, the local examples of domain.md §5). Pure apart from <see cref="LoadAsync"/>.
/// </summary>
public sealed record PointRuleBook(long TenantId, int Year, int Base, int Floor, IReadOnlyList<PointRuleItem> Items)
{
    public const int DefaultBase = 60, DefaultFloor = 0;

    public static IReadOnlyList<PointRuleItem> Defaults { get; } =
    [
        Attend(ActivityType.BranchMeeting, "参加支部党员大会", 2, 8),
        Attend(ActivityType.CommitteeMeeting, "参加支委会", 1, 12),
        Attend(ActivityType.GroupMeeting, "参加党小组会", 1, 12),
        Attend(ActivityType.PartyLecture, "参加党课", 2, 8, PointCategory.Study),
        Attend(ActivityType.ThemedPartyDay, "参加主题党日", 2, 24),
        Attend(ActivityType.OrgLifeMeeting, "参加组织生活会", 2, 4),
        Attend(ActivityType.GroupStudy, "参加集中学习", 1, 12, PointCategory.Study),
        Item("absent", "无故缺席组织生活", PointCategory.Conduct, PointTrigger.AbsentWithoutLeave, -2, RulePeriod.Year, 20),
        Item("essay", "心得体会被采用", PointCategory.Study, PointTrigger.EssayAccepted, 2, RulePeriod.Year, 6),
        Item("micro-lecture", "讲授微党课", PointCategory.Study, PointTrigger.MicroLecture, 3, RulePeriod.Year, 9),
        Item("proposal", "提案被立案", PointCategory.Duty, PointTrigger.ProposalRegistered, 3, RulePeriod.Year, 9),
        Item("opinion", "社情民意被采用", PointCategory.Duty, PointTrigger.OpinionAdopted, 3, RulePeriod.Year, 9),
        Item("award", "受到表彰奖励", PointCategory.Appraisal, PointTrigger.Manual, 5, RulePeriod.Year, 10, approval: true, proposer: ProposerLevel.GroupLeader),
        Item("breach", "违反纪律规定", PointCategory.Conduct, PointTrigger.Manual, -5, RulePeriod.None, null, approval: true, proposer: ProposerLevel.Committee),
    ];

    static PointRuleItem Attend(ActivityType type, string name, int points, int yearCap, PointCategory category = PointCategory.Duty) =>
        Item($"attend-{type}", name, category, PointTrigger.Attended, points, RulePeriod.Year, yearCap, type: type);

    static PointRuleItem Item(string code, string name, PointCategory category, PointTrigger trigger, int points, RulePeriod capPeriod,
        int? cap, ActivityType? type = null, bool approval = false, ProposerLevel proposer = ProposerLevel.Branch) => new()
    {
        Code = code, Version = 0, EffectiveFrom = DateOnly.MinValue, Name = name, Category = category, Trigger = trigger,
        ActivityType = type, Points = points, CapPeriod = capPeriod, Cap = cap, NeedsApproval = approval, Proposer = proposer,
    };

    /// <summary>The version of an item in force on a day: the latest that started by then.</summary>
    public PointRuleItem? ItemOn(string code, DateOnly day) =>
        Items.Where(i => i.Code == code && i.EffectiveFrom <= day).OrderByDescending(i => i.Version).FirstOrDefault() is { Active: true } i ? i : null;

    public PointRuleItem? ForAttendance(ActivityType type, DateOnly day) => ItemOn($"attend-{type}", day);

    /// <summary>
    /// Points counted for an award when <paramref name="alreadyInPeriod"/> points of the same item were counted in its
    /// cap period; the note says what the cap did, or is null when it did nothing.
    /// </summary>
    public static (int Points, string? CapNote) ApplyCap(PointRuleItem item, int alreadyInPeriod)
    {
        if (item.Cap is not { } cap) return (item.Points, null);
        var room = Math.Max(0, cap - Math.Abs(alreadyInPeriod));
        var counted = Math.Min(Math.Abs(item.Points), room) * Math.Sign(item.Points);
        return counted == item.Points ? (counted, null)
            : (counted, $"{PeriodName(item.CapPeriod)}上限{cap}分，已计{Math.Abs(alreadyInPeriod)}分，本次计{Math.Abs(counted)}分（规则{item.Points:+0;-0}分）");
    }

    static string PeriodName(RulePeriod p) => p switch { RulePeriod.Month => "每月", RulePeriod.Quarter => "每季度", _ => "全年" };

    /// <summary>The year's total: the base plus every entry, never below the floor.</summary>
    public int Total(IEnumerable<int> entryPoints) => Math.Max(Floor, Base + entryPoints.Sum());

    public static async Task<PointRuleBook> LoadAsync(AppDbContext db, long tenantId, int year, CancellationToken ct = default)
    {
        var set = await db.PointRuleSets.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct);
        if (set is null) return new PointRuleBook(tenantId, year, DefaultBase, DefaultFloor, Defaults);
        var items = await db.PointRuleItems.AsNoTracking().Where(i => i.RuleSetId == set.Id).ToListAsync(ct);
        return new PointRuleBook(tenantId, year, set.Base, set.Floor, items);
    }
}
