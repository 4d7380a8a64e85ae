using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

public static class GetPerson
{
    public sealed record OrgRef(long Id, string Name, string Path = "");

    public sealed record View(Person Person, string? IdNumberShown, OrgRef Org, OrgRef? PartyGroup,
        IReadOnlyList<OrgRef> DualLives, IReadOnlyList<(OrgRef Org, CommitteePost Post)> Posts, bool CanEdit);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Null when the person does not exist or is outside the viewer's scope (both answer 404).</summary>
        public async Task<View?> Handle(long id, Scope scope, CancellationToken ct = default)
        {
            var row = await (from x in db.People.AsNoTracking()
                             join o in db.Organizations on x.OrgId equals o.Id
                             where x.Id == id
                             select new { P = x, O = o }).FirstOrDefaultAsync(ct);
            if (row is null || !scope.CanSeePerson(id, row.O.Path)) return null;
            var p = row.P;
            var showId = scope.IsSelf(id) || scope.Can(Permissions.People.ViewIdNumber, row.O.Path);
            var group = p.PartyGroupId is { } g
                ? await db.Organizations.Where(o => o.Id == g).Select(o => new OrgRef(o.Id, o.Name)).FirstOrDefaultAsync(ct)
                : null;
            var dual = await (from d in db.DualLives
                              join o in db.Organizations on d.OrgId equals o.Id
                              where d.PersonId == id
                              select new OrgRef(o.Id, o.Name)).ToListAsync(ct);
            var posts = await (from c in db.CommitteeMembers
                               join o in db.Organizations on c.OrgId equals o.Id
                               where c.PersonId == id
                               select new { o.Id, o.Name, c.Post }).ToListAsync(ct);
            return new View(p, showId ? p.IdNumber : IdNumber.Mask(p.IdNumber), new OrgRef(row.O.Id, row.O.Name, row.O.Path), group,
                dual, posts.Select(x => (new OrgRef(x.Id, x.Name), x.Post)).ToList(),
                scope.Can(Permissions.People.Edit, row.O.Path));
        }
    }
}
