using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Organizations;

public static class MoveOrganization
{
    public sealed record Command(long Id, long NewParentId);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(Command cmd, Scope scope, CancellationToken ct = default)
        {
            if (cmd.NewParentId == 0) return Error.Validation("请选择新的上级组织", "NewParentId");
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == cmd.Id, ct);
            var target = await db.Organizations.FirstOrDefaultAsync(o => o.Id == cmd.NewParentId, ct);
            if (org is null || !scope.Can(Permissions.Orgs.View, org.Path)) return Error.NotFound();
            if (target is null || !scope.Can(Permissions.Orgs.View, target.Path)) return Error.Validation("目标上级组织不存在或不在您的管理范围内", "NewParentId");
            if (!scope.Can(Permissions.Orgs.Edit, org.Path) || !scope.Can(Permissions.Orgs.Edit, target.Path)) return Error.Forbidden();
            if (org.ParentId is null) return Error.Validation("单位根节点不能移动");
            if (OrgTree.CheckMove(org.Path, target.Path) is { } reason) return Error.Validation(reason, "NewParentId");
            if (target.TenantId != org.TenantId) return Error.Validation("不能跨单位移动组织，请使用组织关系转接");
            if (target.IsClosed) return Error.Validation("目标上级组织已撤销");
            if (org.ParentId == target.Id) return org.Id;

            var oldPrefix = org.Path;
            var newPrefix = OrgTree.ChildPath(target.Path, org.Id);
            var subtree = await db.Organizations.Where(o => o.Path.StartsWith(oldPrefix)).ToListAsync(ct);
            foreach (var node in subtree)
            {
                node.Path = OrgTree.Rebase(node.Path, oldPrefix, newPrefix);
                node.Depth = OrgTree.DepthOf(node.Path);
            }
            org.ParentId = target.Id;
            await db.SaveChangesAsync(ct);
            return org.Id;
        }
    }
}
