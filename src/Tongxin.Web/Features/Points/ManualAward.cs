using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// 手工加减分 by two people: one proposes with reason and evidence, a different authorised person approves, and only
/// then is the entry written (with both names, the cap applied at that moment). Items that need no approval are
/// written at once.
/// </summary>
public static class ManualAward
{
    public sealed record Pending(long Id, long PersonId, string PersonName, string OrgName, string ItemName, int Points,
        string Reason, string? Evidence, DateOnly On, string ProposedBy, bool Mine);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> ProposeAsync(long personId, string? ruleCode, string? reason, string? evidence, Scope scope, string userName,
            DateTime utcNow, CancellationToken ct = default)
        {
            if (await ProposerLevelAsync(personId, scope, ct) is not { } person) return Error.Forbidden("无权为此人加减分");
            if (string.IsNullOrWhiteSpace(reason)) return Error.Validation("请填写加减分事由", "Reason");
            var day = Clock.Today;
            var book = await PointRuleBook.LoadAsync(db, person.TenantId, day.Year, ct);
            if (book.ItemOn(ruleCode ?? "", day) is not { Trigger: PointTrigger.Manual } item) return Error.Validation("请选择可手工加减分的规则项", "RuleCode");
            if (item.Proposer > person.Level) return Error.Forbidden("该规则项须由上级党组织提出");
            if (ConflictOfInterest.Check(scope, personId) is { } own) return own;

            var proposal = new PointProposal
            {
                TenantId = person.TenantId, PersonId = personId, RuleCode = item.Code, Reason = reason.Trim(),
                Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), On = day,
                ProposedBy = userName, ProposedAt = utcNow, Status = ProposalStatus.Pending,
            };
            db.PointProposals.Add(proposal);
            if (!item.NeedsApproval)
            {
                proposal.Status = ProposalStatus.Approved;
                (proposal.DecidedBy, proposal.DecidedAt) = (userName, utcNow);
                await AddEntryAsync(proposal, item, userName, null, utcNow, ct);
            }
            await db.SaveChangesAsync(ct);
            return proposal.Id;
        }

        public async Task<Result<bool>> DecideAsync(long proposalId, bool approve, string? note, Scope scope, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            var proposal = await db.PointProposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
            if (proposal is null || await PersonInScopeAsync(proposal.PersonId, scope, ct) is null) return Error.NotFound();
            if (proposal.Status != ProposalStatus.Pending) return Error.Conflict("该申请已处理");
            if (proposal.ProposedBy == userName) return Error.Forbidden("加减分须由提出人以外的人审核");
            if (ConflictOfInterest.Check(scope, proposal.PersonId) is { } own) return own;
            var book = await PointRuleBook.LoadAsync(db, proposal.TenantId, proposal.On.Year, ct);
            if (book.ItemOn(proposal.RuleCode, proposal.On) is not { } item) return Error.Conflict("该规则项已停用");

            proposal.Status = approve ? ProposalStatus.Approved : ProposalStatus.Refused;
            (proposal.DecidedBy, proposal.DecidedAt, proposal.DecisionNote) = (userName, utcNow, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            if (approve) await AddEntryAsync(proposal, item, proposal.ProposedBy, userName, utcNow, ct);
            Notices.Notify.Person(db, proposal.TenantId, proposal.PersonId,
                approve ? $"您的积分记录“{proposal.Reason}”已审核通过" : $"您的积分记录“{proposal.Reason}”未通过审核", "/Points/Mine", utcNow);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该申请已处理"); }
            return true;
        }

        /// <summary>The level at which the user may propose for this person: the highest of their grants covering the person's branch or 党小组.</summary>
        async Task<(long TenantId, ProposerLevel Level)?> ProposerLevelAsync(long personId, Scope scope, CancellationToken ct)
        {
            var row = await (from p in db.People join o in db.Organizations on p.OrgId equals o.Id
                             where p.Id == personId
                             select new { p.TenantId, o.Path, GroupPath = db.Organizations.Where(g => g.Id == p.PartyGroupId).Select(g => g.Path).FirstOrDefault() })
                .FirstOrDefaultAsync(ct);
            if (row is null) return null;
            var levels = scope.Grants.Where(g => Roles.Grants[g.Role].Contains(Permissions.Points.Propose)
                    && (OrgTree.IsInSubtree(row.Path, g.Path) || (row.GroupPath is not null && OrgTree.IsInSubtree(row.GroupPath, g.Path))))
                .Select(g => LevelOf(g.Role)).ToList();
            return levels.Count == 0 ? null : (row.TenantId, levels.Max());
        }

        public static ProposerLevel LevelOf(string role) => role switch
        {
            Roles.PartyAdmin => ProposerLevel.Committee, Roles.BranchSecretary => ProposerLevel.Branch, _ => ProposerLevel.GroupLeader,
        };

        /// <summary>Proposals waiting in the user's subtree, and the user's own; their own cannot be approved by them.</summary>
        public async Task<List<Pending>> PendingAsync(Scope scope, string userName, CancellationToken ct = default)
        {
            var rows = await (from p in db.PointProposals
                              join person in db.People on p.PersonId equals person.Id
                              join o in db.Organizations on person.OrgId equals o.Id
                              where p.Status == ProposalStatus.Pending
                              orderby p.ProposedAt
                              select new { p, person.Name, OrgName = o.Name, o.Path }).ToListAsync(ct);
            var result = new List<Pending>();
            foreach (var r in rows.Where(r => scope.Can(Permissions.Points.Award, r.Path) || r.p.ProposedBy == userName))
            {
                var item = (await PointRuleBook.LoadAsync(db, r.p.TenantId, r.p.On.Year, ct)).ItemOn(r.p.RuleCode, r.p.On);
                result.Add(new Pending(r.p.Id, r.p.PersonId, r.Name, r.OrgName, item?.Name ?? r.p.RuleCode, item?.Points ?? 0,
                    r.p.Reason, r.p.Evidence, r.p.On, r.p.ProposedBy, r.p.ProposedBy == userName));
            }
            return result;
        }

        async Task AddEntryAsync(PointProposal proposal, PointRuleItem item, string awardedBy, string? approvedBy, DateTime utcNow, CancellationToken ct)
        {
            var sums = await PointLedger.SumsAsync(db, [proposal.PersonId], item.Code, PointLedger.CapPeriodOf(item, proposal.On), ct);
            var (points, note) = PointRuleBook.ApplyCap(item, sums.GetValueOrDefault(proposal.PersonId));
            db.PointEntries.Add(PointEntry.Under(item, proposal.TenantId, proposal.PersonId, proposal.On, points, note,
                $"{item.Name}：{proposal.Reason}", $"proposal:{proposal.Id}", null, awardedBy, approvedBy, utcNow));
        }

        async Task<(long Id, long TenantId)?> PersonInScopeAsync(long personId, Scope scope, CancellationToken ct)
        {
            var row = await (from p in db.People join o in db.Organizations on p.OrgId equals o.Id
                             where p.Id == personId select new { p.Id, p.TenantId, o.Path }).FirstOrDefaultAsync(ct);
            return row is not null && scope.Can(Permissions.Points.Award, row.Path) ? (row.Id, row.TenantId) : null;
        }
    }
}
