using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>The branch opens its yearly 民主评议: every party member of the branch takes part, 预备党员 marked as not graded.</summary>
public static class OpenRound
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long orgId, int year, Scope scope, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null || !scope.Can(Permissions.Appraisal.Manage, org.Path)) return Error.Forbidden("无权组织此支部的民主评议");
            if (!org.Type.IsBranch() || org.ClosedAt is not null) return Error.Validation("民主评议以党支部为单位开展", "OrgId");
            if (await db.AppraisalRounds.AnyAsync(r => r.OrgId == orgId && r.Year == year, ct)) return Error.Conflict("本支部该年度的民主评议已经开始");
            var members = await db.People.Where(p => p.OrgId == orgId && p.PartyStatus != PartyStatus.None)
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.PartyStatus }).ToListAsync(ct);
            if (members.Count == 0) return Error.Validation("支部暂无党员", "OrgId");

            var round = new AppraisalRound
            {
                TenantId = org.TenantId, OrgId = orgId, Year = year, Status = AppraisalStatus.Open, OpenedBy = userName, OpenedAt = utcNow,
                Participants = members.Select(m => new AppraisalParticipant { PersonId = m.Id, IsProbationary = m.PartyStatus == PartyStatus.Probationary }).ToList(),
            };
            db.AppraisalRounds.Add(round);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Error.Conflict("本支部该年度的民主评议已经开始"); }
            return round.Id;
        }
    }
}
