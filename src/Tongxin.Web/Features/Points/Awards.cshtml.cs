using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

/// <summary>积分审核: propose a manual award or deduction, and approve or refuse others' proposals.</summary>
public class AwardsModel(AppDbContext db, ManualAward.Handler awards) : AppPage
{
    [BindProperty] public long PersonId { get; set; }
    [BindProperty] public string? RuleCode { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public string? Note { get; set; }

    public List<(long Id, string Name, string OrgName)> People { get; private set; } = [];
    public IReadOnlyList<PointRuleItem> ManualItems { get; private set; } = [];
    public List<ManualAward.Pending> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct) =>
        await AfterActionAsync((await awards.ProposeAsync(PersonId, RuleCode, Reason, Evidence, Scope, User.Identity!.Name!, DateTime.UtcNow, ct)).Error,
            "已提交，待他人审核", new { }, () => ShowAsync(ct));

    public async Task<IActionResult> OnPostDecideAsync(long id, bool approve, CancellationToken ct) =>
        await AfterActionAsync((await awards.DecideAsync(id, approve, Note, Scope, User.Identity!.Name!, DateTime.UtcNow, ct)).Error,
            approve ? "已审核通过，积分已记入" : "已退回", new { }, () => ShowAsync(ct));

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Points.Propose)) return Forbid();
        // Members of the branches in reach, and of the 党小组 a group leader holds.
        var reach = db.Organizations.Where(Scope.OrgFilter(Permissions.Points.Propose)).Select(o => o.Id);
        People = (await (from p in db.People
                         join o in db.Organizations on p.OrgId equals o.Id
                         where p.PartyStatus != Tongxin.Web.Features.People.PartyStatus.None
                            && (reach.Contains(p.OrgId) || (p.PartyGroupId != null && reach.Contains(p.PartyGroupId.Value)))
                         orderby o.Path, p.NameInitials
                         select new { p.Id, p.Name, OrgName = o.Name }).Take(500).ToListAsync(ct))
            .Select(p => (p.Id, p.Name, p.OrgName)).ToList();
        var proposing = Scope.Grants.Where(g => Roles.Grants[g.Role].Contains(Permissions.Points.Propose)).ToList();
        var level = proposing.Max(g => ManualAward.Handler.LevelOf(g.Role));
        ManualItems = (await PointRuleBook.LoadAsync(db, proposing[0].TenantId, Clock.Today.Year, ct)).Items
            .Where(i => i.Trigger == PointTrigger.Manual && i.Active && i.Proposer <= level)
            .GroupBy(i => i.Code).Select(g => g.OrderByDescending(i => i.Version).First()).ToList();
        Pending = await awards.PendingAsync(Scope, User.Identity!.Name!, ct);
        return Page();
    }
}
