using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>
/// A proposal past its deadline and still unanswered raises an alert for its lead unit and one for the 提案 office
/// (the CPPCC unit); both close once it is answered or the deadline moves. Run by the hourly alerts job; idempotent.
/// </summary>
public static class RaiseOverdueAlerts
{
    public const string Kind = "proposal-overdue";

    public sealed class Handler(AppDbContext db)
    {
        public async Task<int> RunAsync(DateOnly today, CancellationToken ct = default)
        {
            var overdue = await db.Proposals.Where(p => p.Status == ProposalStatus.Assigned && p.Deadline < today)
                .Select(p => new { p.Id, p.TenantId, p.Number, p.Title, p.Deadline, LeadUnit = p.Units.Where(u => u.IsLead).Select(u => u.OrgId).First() })
                .ToListAsync(ct);
            var wanted = new Dictionary<string, Alert>();
            foreach (var p in overdue)
            {
                var message = $"提案{p.Number}“{p.Title}”已超过办理期限（{p.Deadline:yyyy-MM-dd}），尚未答复";
                foreach (var (org, who) in new[] { (p.LeadUnit, "unit"), (p.TenantId, "office") })
                {
                    var key = $"{Kind}:{p.Id}:{p.Deadline:yyyyMMdd}:{who}";
                    wanted[key] = new Alert { TenantId = p.TenantId, OrgId = org, Kind = Kind, Key = key, Message = message, CreatedAt = DateTime.UtcNow };
                }
            }
            return await AlertSync.SyncAsync(db, Kind, wanted, ct);
        }

        /// <summary>Open overdue alerts for the organisations given (the user's units, or the office's CPPCC unit).</summary>
        public Task<List<Alert>> OpenForAsync(IQueryable<long> orgIds, CancellationToken ct = default) =>
            db.Alerts.Where(a => a.Kind == Kind && a.ClosedAt == null && orgIds.Contains(a.OrgId)).OrderBy(a => a.CreatedAt).Take(100).ToListAsync(ct);
    }
}
