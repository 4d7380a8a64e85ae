using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Organizations;

public static class UpdateOrganization
{
    public sealed record Command(long Id, string Name, OrgType Type, DateOnly? StartDate, DateOnly? EndDate, DateOnly? TermStart, int? Version = null);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(Command cmd, Scope scope, CancellationToken ct = default)
        {
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == cmd.Id, ct);
            if (org is null || !scope.Can(Permissions.Orgs.View, org.Path)) return Error.NotFound();
            if (!scope.Can(Permissions.Orgs.Edit, org.Path)) return Error.Forbidden();
            if (Versioned.Expect(db, org, cmd.Version) is { } changed) return changed;
            if (org.ParentId is null && cmd.Type != org.Type) return Error.Validation("不能修改单位根节点的类型", "Type");
            if (CreateOrganization.Validate(cmd.Name, cmd.Type, cmd.StartDate, cmd.EndDate) is { } error) return error;
            org.Name = cmd.Name.Trim();
            org.Type = cmd.Type;
            org.StartDate = cmd.StartDate;
            org.EndDate = cmd.EndDate;
            org.TermStart = cmd.TermStart;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict(Versioned.ChangedMeanwhile); }
            return org.Id;
        }
    }
}
