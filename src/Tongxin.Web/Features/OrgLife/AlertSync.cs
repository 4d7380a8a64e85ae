using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// Alerts that follow a condition (a proposal overdue, members with 五个一 gaps): each run says which keys of a kind
/// should be open now; those not open are raised or reopened (with the current message), open ones no longer wanted
/// are closed. Idempotent, so several nodes may run it.
/// </summary>
public static class AlertSync
{
    /// <returns>How many alerts were newly raised.</returns>
    public static async Task<int> SyncAsync(AppDbContext db, string kind, IReadOnlyDictionary<string, Alert> wanted, CancellationToken ct)
    {
        var keys = wanted.Keys.ToList();
        var existing = await db.Alerts.Where(a => a.Kind == kind && (a.ClosedAt == null || keys.Contains(a.Key))).ToListAsync(ct);
        var now = DateTime.UtcNow;
        foreach (var alert in existing)
        {
            if (!wanted.TryGetValue(alert.Key, out var want)) { alert.ClosedAt ??= now; continue; }
            alert.ClosedAt = null; // wanted again after it was settled: the same alert comes back
            alert.Message = want.Message;
        }
        var raised = wanted.Values.Where(a => existing.All(e => e.Key != a.Key)).ToList();
        db.Alerts.AddRange(raised);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return 0; } // another node raised them first
        return raised.Count;
    }
}
