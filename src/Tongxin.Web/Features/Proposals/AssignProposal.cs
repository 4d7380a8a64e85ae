using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>The 提案 office hands a registered proposal to a lead unit and co-units with a deadline, extends it once, flags it, and closes it.</summary>
public static class AssignProposal
{
    public sealed record Input(long? LeadUnit, IReadOnlyList<long> CoUnits, DateOnly? Deadline, string? Overseer, bool IsKey, bool IsExcellent);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> AssignAsync(long id, Input input, Scope scope, DateOnly today, CancellationToken ct = default)
        {
            if (await OfficeLoadAsync(id, scope, ct) is not { } proposal) return Error.NotFound();
            var next = ProposalFlow.Next(proposal.Status, ProposalAction.Assign, proposal.Facts);
            if (!next.Ok) return next.Error!;
            if (input.LeadUnit is not { } lead) return Error.Validation("请选择主办单位", "LeadUnit");
            var units = input.CoUnits.Where(u => u != lead).Distinct().Prepend(lead).ToList();
            if (await db.Organizations.CountAsync(o => units.Contains(o.Id) && o.Type == OrgType.HandlingUnit && o.TenantId == proposal.TenantId && o.ClosedAt == null, ct) != units.Count)
                return Error.Validation("承办单位须为本单位登记的承办单位", "LeadUnit");
            var deadline = input.Deadline ?? ProposalFlow.DefaultDeadline(today);
            if (deadline <= today || deadline > ProposalFlow.LongestDeadline(today)) return Error.Validation("办理期限须在交办后6个月以内", "Deadline");

            proposal.Units.Clear();
            proposal.Units.AddRange(units.Select(u => new ProposalUnit { OrgId = u, IsLead = u == lead }));
            (proposal.Status, proposal.AssignedOn, proposal.Deadline) = (next.Value, today, deadline);
            (proposal.Overseer, proposal.IsKey, proposal.IsExcellent) = (string.IsNullOrWhiteSpace(input.Overseer) ? null : input.Overseer.Trim(), input.IsKey, input.IsExcellent);
            Notices.Notify.People(db, proposal.TenantId, proposal.Proposers, $"您的提案“{proposal.Title}”已交办，办理期限{deadline:yyyy-MM-dd}",
                $"/Proposals/Details/{proposal.Id}", DateTime.UtcNow);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> ExtendAsync(long id, DateOnly? wanted, string? reason, Scope scope, CancellationToken ct = default)
        {
            if (await OfficeLoadAsync(id, scope, ct) is not { } proposal) return Error.NotFound();
            var next = ProposalFlow.Next(proposal.Status, ProposalAction.Extend, proposal.Facts);
            if (!next.Ok) return next.Error!;
            if (wanted is null) return Error.Validation("请填写新的办理期限", "Deadline");
            if (ProposalFlow.CheckExtension(proposal.AssignedOn!.Value, proposal.Deadline!.Value, wanted.Value, reason) is { } problem)
                return Error.Validation(problem, "Deadline");
            if (TextLimits.TooLong(reason, 500, "延期理由", "Reason") is { } tooLong) return tooLong;
            (proposal.Deadline, proposal.Extended, proposal.ExtensionReason) = (wanted, true, reason!.Trim());
            return await SaveAsync(ct);
        }

        /// <summary>
        /// 重点/优秀 and the overseeing leader after 交办 too: 优秀提案 are chosen once the handling is known, often at year
        /// end. Any proposal registered or later; the duty file and its score follow.
        /// </summary>
        public async Task<Result<bool>> FlagAsync(long id, bool isKey, bool isExcellent, string? overseer, Scope scope, CancellationToken ct = default)
        {
            if (await OfficeLoadAsync(id, scope, ct) is not { } proposal) return Error.NotFound();
            if (!ProposalFlow.Registered.Contains(proposal.Status)) return Error.Validation("只有已立案的提案可以标记重点或优秀");
            if (ConflictOfInterest.Check(scope, [.. proposal.Signers.Select(s => (long?)s.PersonId)]) is { } own) return own;
            (proposal.IsKey, proposal.IsExcellent, proposal.Overseer) = (isKey, isExcellent, string.IsNullOrWhiteSpace(overseer) ? null : overseer.Trim());
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> CloseAsync(long id, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            if (await OfficeLoadAsync(id, scope, ct) is not { } proposal) return Error.NotFound();
            var next = ProposalFlow.Next(proposal.Status, ProposalAction.Close, proposal.Facts);
            if (!next.Ok) return next.Error!;
            (proposal.Status, proposal.ClosedAt) = (next.Value, utcNow);
            return await SaveAsync(ct);
        }

        async Task<Proposal?> OfficeLoadAsync(long id, Scope scope, CancellationToken ct) =>
            await ProposalAccess.LoadAsync(db, id, ct) is { } p && p.Status != ProposalStatus.Draft && ProposalAccess.IsOffice(scope, p.TenantId) ? p : null;

        async Task<Result<bool>> SaveAsync(CancellationToken ct)
        {
            try { await db.SaveChangesAsync(ct); return true; }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该提案已由他人处理，请刷新后再试"); }
        }
    }
}
