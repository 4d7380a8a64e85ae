using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Organizations;

/// <summary>Seats a party member of the branch on its committee, or removes a seat.</summary>
public static class SetCommitteeSeat
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Add(long orgId, long personId, CommitteePost post, Scope scope, CancellationToken ct = default)
        {
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == orgId, ct);
            if (org is null || !scope.Can(Permissions.Orgs.View, org.Path)) return Error.NotFound();
            if (!scope.Can(Permissions.Orgs.Edit, org.Path)) return Error.Forbidden();
            if (!org.Type.IsBranch()) return Error.Validation("只有党支部设支部委员会");
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
            var belongs = person is not null && (person.OrgId == orgId ||
                await db.DualLives.AnyAsync(d => d.PersonId == personId && d.OrgId == orgId, ct));
            if (person is null || !belongs) return Error.Validation("只能从本支部党员中选任", "PersonId");
            if (person.PartyStatus != PartyStatus.Full) return Error.Validation("预备党员不能担任支部委员", "PersonId");
            if (await db.CommitteeMembers.AnyAsync(c => c.OrgId == orgId && c.PersonId == personId, ct))
                return Error.ConflictWith($"{person.Name}已在支部委员会中");
            var unique = post is CommitteePost.Secretary or CommitteePost.DeputySecretary;
            if (unique && await db.CommitteeMembers.AnyAsync(c => c.OrgId == orgId && c.Post == post, ct))
                return Error.ConflictWith($"本支部已有{CommitteePosts.Names[post]}");
            if (await db.CommitteeMembers.CountAsync(c => c.OrgId == orgId, ct) >= 7)
                return Error.Validation("支部委员会最多7人");
            var seat = new CommitteeMember { OrgId = orgId, PersonId = personId, Post = post, TenantId = org.TenantId };
            db.CommitteeMembers.Add(seat);
            await db.SaveChangesAsync(ct);
            return seat.Id;
        }

        public async Task<Result<long>> Remove(long seatId, Scope scope, CancellationToken ct = default)
        {
            var seat = await db.CommitteeMembers.FirstOrDefaultAsync(c => c.Id == seatId, ct);
            var org = seat is null ? null : await db.Organizations.FirstOrDefaultAsync(o => o.Id == seat.OrgId, ct);
            if (seat is null || org is null || !scope.Can(Permissions.Orgs.View, org.Path)) return Error.NotFound();
            if (!scope.Can(Permissions.Orgs.Edit, org.Path)) return Error.Forbidden();
            db.CommitteeMembers.Remove(seat);
            await db.SaveChangesAsync(ct);
            return org.Id;
        }
    }
}
