using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Organizations;

public static class CreateOrganization
{
    public sealed record Command(long ParentId, string Name, OrgType Type, DateOnly? StartDate = null,
        DateOnly? EndDate = null, DateOnly? TermStart = null);

    public static Error? Validate(string name, OrgType type, DateOnly? start, DateOnly? end)
    {
        if (string.IsNullOrWhiteSpace(name)) return Error.Validation("请填写组织名称", "Name");
        if (name.Trim().Length > 100) return Error.Validation("组织名称不能超过100字", "Name");
        if (type == OrgType.TemporaryBranch && (start is null || end is null))
            return Error.Validation("临时党组织须填写成立日期和撤销日期", "StartDate");
        if (start is not null && end is not null && end < start) return Error.Validation("结束日期不能早于开始日期", "EndDate");
        return null;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(Command cmd, Scope scope, CancellationToken ct = default)
        {
            var parent = await db.Organizations.FirstOrDefaultAsync(o => o.Id == cmd.ParentId, ct);
            if (parent is null || !scope.Can(Permissions.Orgs.View, parent.Path)) return Error.NotFound("上级组织不存在或不在您的管理范围内");
            if (!scope.Can(Permissions.Orgs.Edit, parent.Path)) return Error.Forbidden();
            if (parent.IsClosed) return Error.Validation("上级组织已撤销", "ParentId");
            if (Validate(cmd.Name, cmd.Type, cmd.StartDate, cmd.EndDate) is { } error) return error;
            var org = await AddAsync(db, parent, cmd.Name.Trim(), cmd.Type, o =>
            {
                o.StartDate = cmd.StartDate; o.EndDate = cmd.EndDate; o.TermStart = cmd.TermStart;
            }, ct);
            return org.Id;
        }
    }

    /// <summary>Adds a node (or a tenant root when parent is null) and assigns its path, in one transaction.</summary>
    public static async Task<Organization> AddAsync(AppDbContext db, Organization? parent, string name, OrgType type,
        Action<Organization>? configure = null, CancellationToken ct = default)
    {
        var org = new Organization
        {
            Name = name, Type = type, ParentId = parent?.Id, TenantId = parent?.TenantId ?? 0,
            Path = $"/pending-{Guid.NewGuid():N}/", CreatedAt = DateTime.UtcNow,
        };
        configure?.Invoke(org);
        var ownTx = db.Database.CurrentTransaction is null;
        await using var tx = ownTx ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        org.Path = OrgTree.ChildPath(parent?.Path ?? "/", org.Id);
        org.Depth = OrgTree.DepthOf(org.Path);
        if (parent is null) org.TenantId = org.Id;
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return org;
    }
}
