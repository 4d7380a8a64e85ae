using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>
/// A CPPCC member writes a proposal (one issue), names co-signers and submits it. The lead counts as a proposer at
/// once; each co-signer counts only after confirming (<see cref="ConfirmCosign"/>).
/// </summary>
public static class SubmitProposal
{
    public sealed record Input(string? Title, string? Content, IReadOnlyList<long> CoSigners, int? Version = null, string? FormKey = null);

    const string Kind = "proposal";

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long? id, Input input, bool submit, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            if (scope.PersonId is not { } me) return Error.Forbidden("您的账号未关联人员信息");
            var lead = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == me, ct);
            if (lead is not { IsCppccMember: true }) return Error.Forbidden("只有政协委员可以提出提案");
            var title = input.Title?.Trim() ?? "";
            var content = input.Content?.Trim() ?? "";
            if (title.Length is < 4 or > 200) return Error.Validation("请填写提案标题（4至200字，一事一案）", "Title");
            if (submit && content.Length < 20) return Error.Validation("请写明案由和具体建议（不少于20字）", "Content");
            if (TextLimits.TooLong(content, 10_000, "提案内容", "Content") is { } tooLong) return tooLong;
            var cosigners = input.CoSigners.Where(c => c != me).Distinct().ToList();
            if (cosigners.Count > 0 && await db.People.CountAsync(p => cosigners.Contains(p.Id) && p.IsCppccMember && p.TenantId == lead.TenantId, ct) != cosigners.Count)
                return Error.Validation("联名人须为本届政协委员", "CoSigners");

            if (id is null && await FormSubmission.MadeAsync(db, input.FormKey, Kind, ct) is { } made) return made;
            Proposal proposal;
            if (id is { } existing)
            {
                proposal = await ProposalAccess.LoadAsync(db, existing, ct) ?? new Proposal();
                if (proposal.Id == 0 || proposal.LeadPersonId != me) return Error.NotFound();
                if (proposal.Status != ProposalStatus.Draft) return Error.Conflict("提案已提交，不能再修改");
                if (Versioned.Expect(db, proposal, input.Version) is { } changed) return changed;
                proposal.Version++; // co-signers alone live in another table: the draft is still a new version
            }
            else
            {
                proposal = new Proposal { TenantId = lead.TenantId, LeadPersonId = me, Status = ProposalStatus.Draft, CreatedAt = utcNow, Year = Clock.Today.Year };
                proposal.Signers.Add(new ProposalSigner { PersonId = me, Order = 0 });
                db.Proposals.Add(proposal);
            }
            (proposal.Title, proposal.Content) = (title, content);
            foreach (var gone in proposal.Signers.Where(s => s.PersonId != me && !cosigners.Contains(s.PersonId)).ToList()) proposal.Signers.Remove(gone);
            foreach (var (person, n) in cosigners.Select((c, n) => (c, n)))
            {
                var signer = proposal.Signers.FirstOrDefault(s => s.PersonId == person);
                if (signer is null) proposal.Signers.Add(signer = new ProposalSigner { PersonId = person });
                signer.Order = n + 1;
            }
            if (submit)
            {
                if (ProposalFlow.Next(proposal.Status, ProposalAction.Submit, proposal.Facts) is { Ok: false } refused) return refused.Error!;
                (proposal.Status, proposal.SubmittedAt, proposal.Year) = (ProposalStatus.Submitted, utcNow, Clock.Today.Year);
                proposal.Signers.Single(s => s.PersonId == me).ConfirmedAt = utcNow;
            }
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict(Versioned.ChangedMeanwhile); }
            if (id is null && !await FormSubmission.RecordAsync(db, input.FormKey, Kind, proposal.Id, ct))
            {
                // The same form sent twice (a double click): the first one's proposal is the answer.
                await tx.RollbackAsync(ct);
                return await FormSubmission.MadeAsync(db, input.FormKey, Kind, ct) ?? proposal.Id;
            }
            await tx.CommitAsync(ct);
            return proposal.Id;
        }
    }
}
