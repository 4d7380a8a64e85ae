using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>
/// The 提案 office reviews a submitted proposal: 立案 (a number, and 履责 points for the party members among its
/// confirmed proposers), 不立案 with a reason, 并案 into another proposal, or 转为社情民意.
/// </summary>
public static class ReviewProposal
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<ProposalStatus>> Handle(long id, ProposalAction decision, string? note, long? mergeInto, Scope scope, string userName,
            DateTime utcNow, CancellationToken ct = default)
        {
            var proposal = await ProposalAccess.LoadAsync(db, id, ct);
            if (proposal is null || proposal.Status == ProposalStatus.Draft || !ProposalAccess.IsOffice(scope, proposal.TenantId)) return Error.NotFound();
            if (ConflictOfInterest.Check(scope, [.. proposal.Signers.Select(s => (long?)s.PersonId)]) is { } own) return own;
            if (decision is not (ProposalAction.Register or ProposalAction.Refuse or ProposalAction.Merge or ProposalAction.Convert))
                return Error.Validation("请选择审查结果", "Decision");
            var next = ProposalFlow.Next(proposal.Status, decision, proposal.Facts);
            if (!next.Ok) return next.Error!;
            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (decision != ProposalAction.Register && note is null) return Error.Validation("不立案、并案或转社情民意须说明理由", "Note");
            if (TextLimits.TooLong(note, 500, "审查意见", "Note") is { } tooLong) return tooLong;
            if (decision == ProposalAction.Merge)
            {
                var target = mergeInto is { } t ? await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == t && p.TenantId == proposal.TenantId, ct) : null;
                if (target is null || target.Id == id || target.Status is not (ProposalStatus.Submitted or ProposalStatus.Registered or ProposalStatus.Assigned))
                    return Error.Validation("请选择并入的提案（已提交、已立案或办理中）", "MergeInto");
                proposal.MergedIntoId = target.Id;
            }
            (proposal.Status, proposal.ReviewedAt, proposal.ReviewedBy, proposal.ReviewNote) = (next.Value, utcNow, userName, note);
            if (decision == ProposalAction.Convert)
                db.OpinionReports.Add(new Opinions.OpinionReport
                {
                    TenantId = proposal.TenantId, Year = proposal.Year, AuthorPersonId = proposal.LeadPersonId, Title = proposal.Title,
                    Content = proposal.Content, Status = Opinions.OpinionStatus.Submitted, CreatedAt = utcNow, SubmittedAt = utcNow, SourceProposalId = proposal.Id,
                });
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (decision == ProposalAction.Register)
            {
                proposal.Number = ProposalNumber.Format(proposal.Year,
                    await NumberSequence.NextAsync(db, proposal.TenantId, ProposalNumber.Kind, proposal.Year, () => ProposalNumber.HighestAsync(db, proposal.TenantId, proposal.Year, ct), ct));
                var proposers = proposal.Signers.Where(s => s.ConfirmedAt is not null).Select(s => s.PersonId).ToList();
                await AwardForRecord.AddAsync(db, proposal.TenantId, PointTrigger.ProposalRegistered, Clock.Today, proposers,
                    $"proposal-registered:{proposal.Id}", $"提案“{proposal.Title}”立案", utcNow, ct);
            }
            Notices.Notify.People(db, proposal.TenantId, proposal.Proposers, decision switch
            {
                ProposalAction.Register => $"您的提案“{proposal.Title}”已立案，案号{proposal.Number}",
                ProposalAction.Refuse => $"您的提案“{proposal.Title}”未予立案：{note}",
                ProposalAction.Merge => $"您的提案“{proposal.Title}”已并案办理",
                _ => $"您的提案“{proposal.Title}”已转为社情民意",
            }, $"/Proposals/Details/{proposal.Id}", utcNow);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该提案已由他人审查"); }
            await tx.CommitAsync(ct);
            return next.Value;
        }
    }
}
