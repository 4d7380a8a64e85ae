using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>A co-signer confirms joining a submitted proposal, or declines and is taken off it.</summary>
public static class ConfirmCosign
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> Handle(long proposalId, bool accept, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            var proposal = await ProposalAccess.LoadAsync(db, proposalId, ct);
            var signer = proposal?.Signers.FirstOrDefault(s => s.PersonId == scope.PersonId && s.PersonId != proposal.LeadPersonId);
            if (proposal is null || signer is null) return Error.NotFound();
            if (signer.ConfirmedAt is not null) return Error.Conflict("您已确认联名");
            if (proposal.Status == ProposalStatus.Draft) return Error.NotFound();
            if (proposal.Status != ProposalStatus.Submitted) return Error.Conflict("提案已审查，不能再确认联名");
            if (accept) signer.ConfirmedAt = utcNow;
            else proposal.Signers.Remove(signer);
            await db.SaveChangesAsync(ct);
            return accept;
        }
    }
}
