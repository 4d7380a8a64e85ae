using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Organizations;

public static class CloseOrganization
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long id, Scope scope, CancellationToken ct = default)
        {
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
            if (org is null || !scope.Can(Permissions.Orgs.View, org.Path)) return Error.NotFound();
            if (!scope.Can(Permissions.Orgs.Edit, org.Path)) return Error.Forbidden();
            if (org.ParentId is null) return Error.Validation("单位根节点不能撤销");
            if (org.IsClosed) return Error.Conflict("该组织已撤销");
            if (await db.Organizations.AnyAsync(o => o.ParentId == id && o.ClosedAt == null, ct))
                return Error.Validation("该组织还有未撤销的下级组织，请先撤销或移走");
            var members = await db.People.CountAsync(p => p.OrgId == id || p.PartyGroupId == id, ct);
            if (members > 0) return Error.Invalid($"该组织还有{members}名人员，请先转出组织关系");
            org.ClosedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
            return org.Id;
        }
    }
}
