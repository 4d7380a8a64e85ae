using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Organizations;

public static class GetOrgDetail
{
    public sealed record Seat(long Id, long PersonId, string PersonName, CommitteePost Post);
    public sealed record Child(long Id, string Name, OrgType Type, bool Closed);

    public sealed record View(Organization Org, string? ParentName, IReadOnlyList<Organization> Ancestors,
        IReadOnlyList<Seat> Committee, IReadOnlyList<Child> Children, int FullMembers, int Probationary,
        int DualLifeMembers, int People, IReadOnlyList<BranchHealth.Flag> Flags, bool CanEdit,
        IReadOnlyList<(long Id, string Name)> Candidates);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View?> Handle(long id, Scope scope, DateOnly today, CancellationToken ct = default)
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
            if (org is null || !scope.Can(Permissions.Orgs.View, org.Path)) return null;
            var ancestorIds = OrgTree.AncestorIds(org.Path).Where(a => a != id).ToList();
            var ancestors = await db.Organizations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id))
                .OrderBy(o => o.Depth).ToListAsync(ct);
            var committee = await (from c in db.CommitteeMembers
                                   join p in db.People on c.PersonId equals p.Id
                                   where c.OrgId == id
                                   orderby c.Post
                                   select new Seat(c.Id, p.Id, p.Name, c.Post)).ToListAsync(ct);
            var children = await db.Organizations.Where(o => o.ParentId == id)
                .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
                .Select(o => new Child(o.Id, o.Name, o.Type, o.ClosedAt != null)).ToListAsync(ct);
            var members = db.People.Where(p => p.OrgId == id);
            var full = await members.CountAsync(p => p.PartyStatus == PartyStatus.Full, ct);
            var prob = await members.CountAsync(p => p.PartyStatus == PartyStatus.Probationary, ct);
            var all = await members.CountAsync(ct);
            var dual = await db.DualLives.CountAsync(d => d.OrgId == id, ct);
            // A committee proper has seats beyond the lone secretary.
            var hasCommittee = committee.Count(s => s.Post != CommitteePost.Secretary) > 0;
            var flags = org.Type.IsBranch() && !org.IsClosed
                ? BranchHealth.Flags(full, hasCommittee, org.ReElectionDue, today)
                : [];
            var candidates = org.Type.IsBranch()
                ? await db.People.Where(p => p.PartyStatus != PartyStatus.None &&
                        (p.OrgId == id || db.DualLives.Any(d => d.PersonId == p.Id && d.OrgId == id)))
                    .OrderBy(p => p.NameInitials).Select(p => new { p.Id, p.Name }).ToListAsync(ct)
                : [];
            var parentName = ancestors.LastOrDefault()?.Name;
            return new View(org, parentName, ancestors, committee, children, full, prob, dual, all, flags,
                scope.Can(Permissions.Orgs.Edit, org.Path), candidates.Select(c => (c.Id, c.Name)).ToList());
        }
    }
}
