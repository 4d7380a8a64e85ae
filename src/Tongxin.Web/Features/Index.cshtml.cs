using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features;

public class IndexModel(AppDbContext db) : AppPage
{
    public int Orgs { get; private set; }
    public int Branches { get; private set; }
    public int Members { get; private set; }
    public int Probationary { get; private set; }
    public int CppccMembers { get; private set; }
    public List<(long Id, string Name, string Flag)> Alerts { get; } = [];
    public List<OrgLife.Alert> Reminders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.HasRole(Roles.Auditor) && Scope.Grants.Count == 1) return Redirect("/Audit");
        if (!Scope.CanAnywhere(Permissions.Orgs.View))
            return Scope.PersonId is { } me ? Redirect($"/People/Details/{me}")
                : Scope.CanAnywhere(Permissions.Proposals.Handle) ? Redirect("/Proposals") : Forbid();
        var orgs = db.Organizations.Where(Scope.OrgFilter(Permissions.Orgs.View)).Where(o => o.ClosedAt == null);
        Orgs = await orgs.CountAsync(ct);
        var branchTypes = Enum.GetValues<OrgType>().Where(t => t.IsBranch()).ToList();
        var branches = await orgs.Where(o => branchTypes.Contains(o.Type))
            .Select(o => new { o.Id, o.Name, o.TermStart }).ToListAsync(ct);
        Branches = branches.Count;
        var people = Scope.People(db, Permissions.People.View);
        Members = await people.CountAsync(p => p.PartyStatus != PartyStatus.None, ct);
        Probationary = await people.CountAsync(p => p.PartyStatus == PartyStatus.Probationary, ct);
        CppccMembers = await people.CountAsync(p => p.IsCppccMember, ct);
        var visible = db.Organizations.Where(Scope.OrgFilter(Permissions.OrgLife.View)).Select(o => o.Id);
        Reminders = await db.Alerts.Where(a => a.ClosedAt == null && visible.Contains(a.OrgId))
            .OrderByDescending(a => a.CreatedAt).Take(50).ToListAsync(ct);
        var ids = branches.Select(b => b.Id).ToList();
        var full = await db.People.Where(p => ids.Contains(p.OrgId) && p.PartyStatus == PartyStatus.Full)
            .GroupBy(p => p.OrgId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var withCommittee = await db.CommitteeMembers.Where(c => ids.Contains(c.OrgId) && c.Post != CommitteePost.Secretary)
            .Select(c => c.OrgId).Distinct().ToListAsync(ct);
        foreach (var b in branches)
            foreach (var flag in BranchHealth.Flags(full.GetValueOrDefault(b.Id), withCommittee.Contains(b.Id),
                         b.TermStart?.AddYears(Organization.TermYears), Today))
                Alerts.Add((b.Id, b.Name, flag));
        return Page();
    }
}
