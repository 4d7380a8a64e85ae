using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Dashboard;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features;

/// <summary>工作台: the panels of the user's roles (party, branch, CPPCC office, their own), each figure a link to its records.</summary>
public class IndexModel(AppDbContext db, GetPartyDashboard.Handler party, GetBranchDashboard.Handler branch,
    GetCppccDashboard.Handler cppcc, GetMyDashboard.Handler mine, Todo.GetTodo.Handler todo) : AppPage
{
    public sealed record Totals(int Orgs, int Branches, int Members, int Probationary, int CppccMembers);

    public Totals? Counts { get; private set; }
    public GetPartyDashboard.View? Party { get; private set; }
    public GetBranchDashboard.View? Branch { get; private set; }
    public GetCppccDashboard.View? Cppcc { get; private set; }
    public GetMyDashboard.View? Mine { get; private set; }
    public Todo.GetTodo.View? MyTodo { get; private set; }
    public List<(long Id, string Name, BranchHealth.Flag Flag)> Alerts { get; } = [];
    public List<OrgLife.Alert> Reminders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.IsAuditorOnly) return Redirect("/Audit");
        var today = Clock.Today;
        if (await GetBranchDashboard.BranchOfAsync(db, Scope, ct) is { } branchId)
            Branch = await branch.Handle(Scope, branchId, today, ct);
        else if (Scope.CanAnywhere(Permissions.OrgLife.View) && !Scope.SeesOnlyDutyActivities)
        {
            Party = await party.Handle(Scope, today, ct);
            await CountsAsync(ct);
        }
        if (Scope.CanAnywhere(Permissions.OrgLife.View))
        {
            var visible = db.Organizations.Where(Scope.OrgFilter(Permissions.OrgLife.View)).Select(o => o.Id);
            Reminders = await db.Alerts.Where(a => a.ClosedAt == null && visible.Contains(a.OrgId))
                .OrderByDescending(a => a.CreatedAt).Take(50).ToListAsync(ct);
        }
        Cppcc = await cppcc.Handle(Scope, today, ct);
        Mine = await mine.Handle(Scope, today, ct);
        if (Mine is not null) MyTodo = await todo.Handle(Scope, User.Identity!.Name!, ct);
        if (Party is null && Branch is null && Cppcc is null && Mine is null)
            return Scope.CanAnywhere(Permissions.Proposals.Handle) ? Redirect("/Proposals")
                : Scope.CanAnywhere(Permissions.Users.Manage) ? Redirect("/Admin/Users") : Forbid();
        return Page();
    }

    async Task CountsAsync(CancellationToken ct)
    {
        var orgs = db.Organizations.Where(Scope.OrgFilter(Permissions.Orgs.View)).Where(o => o.ClosedAt == null);
        var branchTypes = Enum.GetValues<OrgType>().Where(t => t.IsBranch()).ToList();
        var branches = await orgs.Where(o => branchTypes.Contains(o.Type)).Select(o => new { o.Id, o.Name, o.TermStart }).ToListAsync(ct);
        var people = Scope.People(db, Permissions.People.View);
        Counts = new Totals(await orgs.CountAsync(ct), branches.Count, await people.CountAsync(p => p.PartyStatus != PartyStatus.None, ct),
            await people.CountAsync(p => p.PartyStatus == PartyStatus.Probationary, ct), await people.CountAsync(p => p.IsCppccMember, ct));
        var ids = branches.Select(b => b.Id).ToList();
        var full = await db.People.Where(p => ids.Contains(p.OrgId) && p.PartyStatus == PartyStatus.Full)
            .GroupBy(p => p.OrgId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var withCommittee = (await db.CommitteeMembers.Where(c => ids.Contains(c.OrgId) && c.Post != CommitteePost.Secretary)
            .Select(c => c.OrgId).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var b in branches)
            foreach (var flag in BranchHealth.Flags(full.GetValueOrDefault(b.Id), withCommittee.Contains(b.Id),
                         b.TermStart?.AddYears(Organization.TermYears), Today))
                Alerts.Add((b.Id, b.Name, flag));
    }
}
