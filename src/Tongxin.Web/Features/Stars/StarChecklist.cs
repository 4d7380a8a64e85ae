using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Stars;

/// <summary>
/// The checklist in force for a tenant's year: the template it adopted, or — until it adopts one — the common local
/// scheme of domain.md §5 (team 20, systems 20, work 30, support 20, bonus 10: 100 in all — see decision 0009). Pure apart from <see cref="LoadAsync"/>.
/// </summary>
public sealed record StarChecklist(long TenantId, int Year, bool Adopted, double FiveAt, double FourAt, double ThreeAt, double TwoAt,
    IReadOnlyList<StarTemplateItem> Items, int BottomBandBranches = StarChecklist.DefaultBottomBandBranches)
{
    public const double DefaultFiveAt = 90, DefaultFourAt = 80, DefaultThreeAt = 70, DefaultTwoAt = 60;
    /// <summary>"一个单位支部多，一个四星级都没有……肯定是末档" (seed 003): "many" is local; three branches by default.</summary>
    public const int DefaultBottomBandBranches = 3;

    /// <summary>
    /// Whether a unit's reviewed branches put it in the bottom band: enough branches, all reviewed, none with four
    /// stars or more. Null while some are not yet reviewed (the band is decided on the final ratings).
    /// </summary>
    public bool? InBottomBand(int branches, int reviewed, int fourOrMore) =>
        branches < BottomBandBranches ? false : reviewed < branches ? (fourOrMore > 0 ? false : null) : fourOrMore == 0;

    public static IReadOnlyList<StarTemplateItem> DefaultItems { get; } =
    [
        Item("team-leaders", "班子队伍", "支部委员会健全，按期换届，书记履职尽责", 10),
        Item("team-members", "班子队伍", "党员教育管理监督到位，发展党员程序规范", 10),
        Item("orglife-held", "制度落实", "三会一课等组织生活按规定频次开展（按组织生活日历计算）", 15, StarSource.ActivitiesHeld),
        Item("orglife-records", "制度落实", "组织生活记录完整规范，材料齐全", 5),
        Item("points-average", "工作业绩", "党员积分平均分（达到目标分得满分，按比例计分）", 10, StarSource.AveragePoints, target: 70),
        Item("work-integration", "工作业绩", "党建与业务深度融合，服务中心工作成效明显", 20),
        Item("support-venue", "基础保障", "活动阵地、经费保障到位", 10),
        Item("support-ledger", "基础保障", "党建台账规范，信息及时报送", 10),
        Item("bonus-innovation", "加分项", "党建工作创新项目（获上级推广或表彰）", 10, innovation: true),
    ];

    static StarTemplateItem Item(string code, string group, string name, double max, StarSource source = StarSource.Manual,
        int? target = null, bool innovation = false) => new()
    {
        Code = code, Group = group, Name = name, MaxScore = max, Source = source, Target = target, IsInnovation = innovation,
    };

    public double MaxTotal => Items.Sum(i => i.MaxScore);

    /// <summary>Stars for a total: five needs the five-star line and a score on an innovation item; without it a top total gets four.</summary>
    public int StarsFor(double total, bool hasInnovation) =>
        total >= FiveAt && hasInnovation ? 5 : total >= FourAt ? 4 : total >= ThreeAt ? 3 : total >= TwoAt ? 2 : 1;

    /// <summary>Stars from item scores keyed by code.</summary>
    public (double Total, int Stars) Rate(IReadOnlyDictionary<string, double> scores)
    {
        var total = Math.Round(Items.Sum(i => scores.GetValueOrDefault(i.Code)), 1);
        return (total, StarsFor(total, Items.Any(i => i.IsInnovation && scores.GetValueOrDefault(i.Code) > 0)));
    }

    /// <summary>An item's score from a share of its basis (0–1), to one decimal.</summary>
    public static double Scaled(StarTemplateItem item, double share) => Math.Round(item.MaxScore * Math.Clamp(share, 0, 1), 1);

    /// <summary>The year's template; a year not yet adopted reads as a copy of the latest earlier one, else the defaults.</summary>
    public static async Task<StarChecklist> LoadAsync(AppDbContext db, long tenantId, int year, CancellationToken ct = default)
    {
        var t = await db.StarTemplates.AsNoTracking().Include(t => t.Items).Where(t => t.TenantId == tenantId && t.Year <= year)
            .OrderByDescending(t => t.Year).FirstOrDefaultAsync(ct);
        return t is null
            ? new StarChecklist(tenantId, year, false, DefaultFiveAt, DefaultFourAt, DefaultThreeAt, DefaultTwoAt, DefaultItems)
            : new StarChecklist(tenantId, year, t.Year == year, t.FiveAt, t.FourAt, t.ThreeAt, t.TwoAt, t.Items.OrderBy(i => i.Order).ToList(), t.BottomBandBranches);
    }
}
