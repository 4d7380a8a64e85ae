using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>
/// 办复 and 评价: the lead unit answers with an outcome class; the lead proposer rates the handling and the result, and
/// after a 不满意 may send it back once for re-handling (a new deadline, a month by default).
/// </summary>
public static class AnswerProposal
{
    public const int ReHandlingMonths = 1;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> ReplyAsync(long id, OutcomeClass? outcome, string? text, Scope scope, string userName, DateOnly today, CancellationToken ct = default)
        {
            var proposal = await ProposalAccess.LoadAsync(db, id, ct);
            if (proposal is null || !await ProposalAccess.IsHandlerAsync(db, proposal, scope, leadOnly: false, ct)) return Error.NotFound();
            if (!await ProposalAccess.IsHandlerAsync(db, proposal, scope, leadOnly: true, ct)) return Error.Forbidden("答复由主办单位统一作出，会办单位请将意见送主办单位");
            var next = ProposalFlow.Next(proposal.Status, ProposalAction.Reply, proposal.Facts);
            if (!next.Ok) return next.Error!;
            if (outcome is null) return Error.Validation("请选择办理结果类别（A、B、C、D）", "Outcome");
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 20) return Error.Validation("请填写答复内容（不少于20字）", "ReplyText");
            if (TextLimits.TooLong(text, 10_000, "答复内容", "ReplyText") is { } tooLong) return tooLong;
            (proposal.Status, proposal.Outcome, proposal.ReplyText, proposal.RepliedOn, proposal.RepliedBy) = (next.Value, outcome, text.Trim(), today, userName);
            (proposal.HandlingRating, proposal.ResultRating, proposal.RatedAt) = (null, null, null);
            Notices.Notify.People(db, proposal.TenantId, proposal.Proposers, $"您的提案“{proposal.Title}”已答复（{outcome}类），请评价办理情况",
                $"/Proposals/Details/{proposal.Id}", DateTime.UtcNow);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> RateAsync(long id, Satisfaction? handling, Satisfaction? result, string? note, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            if (await LeadLoadAsync(id, scope, ct) is not { } proposal) return Error.NotFound();
            var next = ProposalFlow.Next(proposal.Status, ProposalAction.Rate, proposal.Facts);
            if (!next.Ok) return next.Error!;
            if (handling is null || result is null) return Error.Validation("请分别评价办理过程和办理结果", "HandlingRating");
            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if ((handling == Satisfaction.Dissatisfied || result == Satisfaction.Dissatisfied) && note is null)
                return Error.Validation("评价为不满意的，请写明原因", "RatingNote");
            if (TextLimits.TooLong(note, 500, "评价意见", "RatingNote") is { } tooLong) return tooLong;
            (proposal.Status, proposal.HandlingRating, proposal.ResultRating, proposal.RatingNote, proposal.RatedAt) = (next.Value, handling, result, note, utcNow);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> SendBackAsync(long id, Scope scope, DateOnly today, CancellationToken ct = default)
        {
            if (await LeadLoadAsync(id, scope, ct) is not { } proposal) return Error.NotFound();
            var next = ProposalFlow.Next(proposal.Status, ProposalAction.SendBack, proposal.Facts);
            if (!next.Ok) return next.Error!;
            (proposal.Status, proposal.SentBack, proposal.Deadline) = (next.Value, true, today.AddMonths(ReHandlingMonths));
            Notices.Notify.People(db, proposal.TenantId, proposal.Proposers, $"提案“{proposal.Title}”已退回承办单位重新办理，期限{proposal.Deadline:yyyy-MM-dd}",
                $"/Proposals/Details/{proposal.Id}", DateTime.UtcNow, scope.PersonId);
            return await SaveAsync(ct);
        }

        async Task<Proposal?> LeadLoadAsync(long id, Scope scope, CancellationToken ct) =>
            await ProposalAccess.LoadAsync(db, id, ct) is { } p && p.LeadPersonId == scope.PersonId ? p : null;

        async Task<Result<bool>> SaveAsync(CancellationToken ct)
        {
            try { await db.SaveChangesAsync(ct); return true; }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该提案已由他人处理，请刷新后再试"); }
        }
    }
}
