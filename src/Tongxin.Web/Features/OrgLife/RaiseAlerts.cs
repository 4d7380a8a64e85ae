using Microsoft.EntityFrameworkCore;
using Quartz;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// In-app alerts: a required activity still missing 15 days before its period ends, 换届 due within 90 days, an activity
/// over for 7 days and still unrecorded. Each alert has a key, so running again (or on several nodes) raises it once.
/// </summary>
public static class RaiseAlerts
{
    public const int DaysBeforePeriodEnd = 15;
    public const int UnrecordedAfterDays = 7;

    public sealed class Handler(AppDbContext db, GetCompliance.Handler compliance)
    {
        public async Task<int> RunAsync(DateOnly today, CancellationToken ct = default)
        {
            var raised = 0;
            var stillMissing = new HashSet<string>();
            var roots = await db.Organizations.Where(o => o.ParentId == null && o.ClosedAt == null).ToListAsync(ct);
            foreach (var root in roots)
            {
                // The whole tenant, as its party-affairs office sees it.
                var scope = new Scope("system", null, [new Grant(Roles.PartyAdmin, root.Id, root.Path, root.TenantId)]);
                foreach (var kind in new[] { RulePeriod.Month, RulePeriod.Quarter, RulePeriod.Year })
                {
                    var period = Period.Of(kind, today);
                    if (period.End.DayNumber - today.DayNumber > DaysBeforePeriodEnd) continue;
                    var report = await compliance.Handle(scope, null, period, today, ct);
                    foreach (var unit in report!.Units)
                        foreach (var t in unit.Types.Where(t => t.Missing.Any(m => m == period)))
                        {
                            var key = $"missing:{unit.OrgId}:{t.Type}:{period.Code}";
                            stillMissing.Add(key);
                            raised += await RaiseAsync(root.TenantId, unit.OrgId, "missing", key,
                                $"{unit.Name}{PeriodWord(kind)}尚未召开{t.Type.DisplayName()}（{period.Label}，{period.End:yyyy-MM-dd}截止）", ct);
                        }
                }
            }

            var branchTypes = Enum.GetValues<OrgType>().Where(t => t.IsBranch()).ToList();
            var dueBy = today.AddDays(BranchHealth.ReElectionWarningDays);
            var terms = await db.Organizations.Where(o => branchTypes.Contains(o.Type) && o.ClosedAt == null && o.TermStart != null).ToListAsync(ct);
            foreach (var b in terms.Where(b => b.ReElectionDue <= dueBy))
                raised += await RaiseAsync(b.TenantId, b.Id, "term", $"term:{b.Id}:{b.ReElectionDue:yyyyMMdd}",
                    b.ReElectionDue < today ? $"{b.Name}任期已于{b.ReElectionDue:yyyy-MM-dd}届满，应及时换届" : $"{b.Name}将于{b.ReElectionDue:yyyy-MM-dd}任期届满，请做好换届准备", ct);

            var cutoff = Clock.ToUtc(today.AddDays(-UnrecordedAfterDays).ToDateTime(TimeOnly.MinValue));
            var unrecorded = await (from a in db.Activities
                                    join o in db.Organizations on a.OrgId equals o.Id
                                    where a.Status == ActivityStatus.Planned && a.EndsAt < cutoff
                                    select new { a.Id, a.TenantId, a.OrgId, a.Topic, a.StartsAt, OrgName = o.Name }).ToListAsync(ct);
            foreach (var a in unrecorded)
                raised += await RaiseAsync(a.TenantId, a.OrgId, "unrecorded", $"unrecorded:{a.Id}",
                    $"{a.OrgName}{Clock.ToLocal(a.StartsAt):yyyy-MM-dd}的“{a.Topic}”已结束超过{UnrecordedAfterDays}天，尚未记录活动纪实", ct);
            await CloseSettledAsync(stillMissing, unrecorded.Select(a => $"unrecorded:{a.Id}").ToHashSet(), ct);
            return raised;
        }

        /// <summary>
        /// An alert closes once it no longer holds: the meeting was held (or its period is over — the compliance page
        /// then shows the miss in red), the record was written.
        /// </summary>
        async Task CloseSettledAsync(HashSet<string> missing, HashSet<string> unrecorded, CancellationToken ct)
        {
            var open = await db.Alerts.Where(a => a.ClosedAt == null && (a.Kind == "missing" || a.Kind == "unrecorded")).ToListAsync(ct);
            var now = DateTime.UtcNow;
            foreach (var alert in open.Where(a => !(a.Kind == "missing" ? missing : unrecorded).Contains(a.Key)))
                alert.ClosedAt = now;
            await db.SaveChangesAsync(ct);
        }

        async Task<int> RaiseAsync(long tenantId, long orgId, string kind, string key, string message, CancellationToken ct)
        {
            if (await db.Alerts.AnyAsync(a => a.TenantId == tenantId && a.Key == key, ct)) return 0;
            db.Alerts.Add(new Alert { TenantId = tenantId, OrgId = orgId, Kind = kind, Key = key, Message = message, CreatedAt = DateTime.UtcNow });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); return 0; } // another node raised it first
            return 1;
        }

        static string PeriodWord(RulePeriod k) => k switch { RulePeriod.Month => "本月", RulePeriod.Quarter => "本季度", _ => "本年度" };
    }

    /// <summary>The Quartz job: hourly, once per firing across all nodes; alerts are idempotent, so a missed or doubled run does no harm.</summary>
    [DisallowConcurrentExecution]
    public sealed class Job(IServiceScopeFactory scopes) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
            new(Infrastructure.Jobs.JobRun.RecordAsync(scopes, context, async (services, token) =>
            {
                await services.GetRequiredService<Handler>().RunAsync(Clock.Today, token);
                await services.GetRequiredService<Proposals.RaiseOverdueAlerts.Handler>().RunAsync(Clock.Today, token);
                await services.GetRequiredService<Duty.RaiseFiveOneReminders.Handler>().RunAsync(Clock.Today, token);
            }, ct));
    }
}
