using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Shared;

/// <summary>The open organisations where the user holds a permission, in tree order, for filter and form selects.</summary>
public static class OrgChoices
{
    public static async Task<List<(long Id, string Name, int Depth)>> ForAsync(AppDbContext db, Scope scope, string permission, CancellationToken ct) =>
        (await db.Organizations.Where(scope.OrgFilter(permission)).Where(o => o.ClosedAt == null)
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Depth }).ToListAsync(ct))
        .Select(o => (o.Id, o.Name, o.Depth)).ToList();
}
