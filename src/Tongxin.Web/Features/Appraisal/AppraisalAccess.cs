using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Appraisal;

public static class AppraisalAccess
{
    /// <summary>The round with its participants, if the user may run it (管理 in the branch's subtree).</summary>
    public static async Task<(AppraisalRound Round, string OrgName)?> ManagedAsync(AppDbContext db, long roundId, Scope scope, CancellationToken ct, bool track = true)
    {
        var query = db.AppraisalRounds.Include(r => r.Participants).Where(r => r.Id == roundId);
        var round = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (round is null) return null;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == round.OrgId).Select(o => new { o.Path, o.Name }).FirstAsync(ct);
        return scope.Can(Permissions.Appraisal.Manage, org.Path) ? (round, org.Name) : null;
    }
}
