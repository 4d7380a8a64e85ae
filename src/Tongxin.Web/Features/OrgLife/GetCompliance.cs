using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>Which branch owes which activity in a period, and each member's attendance.</summary>
public static class GetCompliance
{
    public sealed record Unit(long OrgId, string Name, OrgType Type, IReadOnlyList<TypeCompliance> Types, string Path = "")
    {
        public Rag Status => Types.Count == 0 ? Rag.NotRequired
            : Types.Any(t => t.Status == Rag.Red) ? Rag.Red : Types.Any(t => t.Status == Rag.Amber) ? Rag.Amber : Rag.Green;
    }

    public sealed record Member(long PersonId, string Name, string OrgName, int Expected, int Present, int Leave, int AbsentWithoutLeave)
    {
        public double? Rate => Expected == 0 ? null : (double)Present / Expected;
    }

    public sealed record Report(Period Period, IReadOnlyList<Unit> Units, IReadOnlyList<Member> Members);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Report?> Handle(Scope scope, long? rootId, Period period, DateOnly today, CancellationToken ct = default, bool withMembers = true)
        {
            var orgs = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View)).Where(o => o.ClosedAt == null);
            if (rootId is { } id)
            {
                var path = await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
                if (path is null || !scope.Can(Permissions.OrgLife.View, path)) return null;
                orgs = orgs.Where(o => o.Path.StartsWith(path));
            }
            var branchTypes = Enum.GetValues<OrgType>().Where(t => t.IsBranch() || t == OrgType.PartyGroup).ToList();
            var unitsQuery = orgs.Where(o => branchTypes.Contains(o.Type));
            // The subtree as a subquery, not a list of ids: the planners use the path index that way.
            var unitIds = unitsQuery.Select(o => o.Id);
            var units = await unitsQuery.OrderBy(o => o.Path)
                .Select(o => new { o.Id, o.Name, o.Type, o.TenantId, o.StartDate, o.EndDate, o.Path }).ToListAsync(ct);
            var tenants = units.Select(u => u.TenantId).Distinct().ToList();
            var rules = (await db.FrequencyRules.Where(r => tenants.Contains(r.TenantId)).ToListAsync(ct))
                .GroupBy(r => r.TenantId).ToDictionary(g => g.Key, g => g.Select(r => new FrequencyRuleValue(r.Type, r.EffectiveFrom, r.Period, r.MinCount)).ToList());

            // Held dates from the start of the year, so a rule coarser than the view is judged on its whole period.
            var from = Clock.ToUtc(Period.Of(RulePeriod.Year, period.Start).Start.ToDateTime(TimeOnly.MinValue));
            var to = Clock.ToUtc(Period.Of(RulePeriod.Year, period.End).End.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var counted = await HeldDaysAsync(unitIds, from, to, ct);
            var withCommittee = (await db.CommitteeMembers.Where(c => unitIds.Contains(c.OrgId) && c.Post != CommitteePost.Secretary)
                .Select(c => c.OrgId).Distinct().ToListAsync(ct)).ToHashSet();

            // Units of a tenant share their schedule (which months, quarters… are owed), so it is worked out once.
            var schedules = new Dictionary<(long, ActivityType, Period), IReadOnlyList<(Period, FrequencyRuleValue)>>();
            var result = new List<Unit>();
            foreach (var u in units)
            {
                var tenantRules = rules.GetValueOrDefault(u.TenantId) ?? [];
                var types = ActivityTypes.OrgLife.Where(t => Applies(t, u.Type, withCommittee.Contains(u.Id))).Select(t => t.Type);
                // A temporary branch owes nothing outside its lifetime.
                var view = u.Type == OrgType.TemporaryBranch ? Clip(period, u.StartDate, u.EndDate) : period;
                var list = view is null ? [] : types
                    .Select(t => ComplianceCalendar.EvaluateScheduled(t, view.Value, ScheduleOf(u.TenantId, t, view.Value), counted[(u.Id, t)], today))
                    .Where(c => c.Status != Rag.NotRequired).ToList();
                result.Add(new Unit(u.Id, u.Name, u.Type, list, u.Path));

                IReadOnlyList<(Period, FrequencyRuleValue)> ScheduleOf(long tenant, ActivityType t, Period p) =>
                    schedules.TryGetValue((tenant, t, p), out var known) ? known
                        : schedules[(tenant, t, p)] = ComplianceCalendar.Schedule(p, tenantRules, t);
            }
            return new Report(period, result, withMembers ? await MembersAsync(unitIds, period, ct) : []);
        }

        /// <summary>
        /// The local days on which each unit held each type of activity that counts (held, and quorate where a quorum
        /// applies). The hot read of the overview: when the time zone keeps one offset over the range, the database
        /// works out the local day, so only (unit, type, day) comes back; otherwise the instants are converted here.
        /// </summary>
        async Task<ILookup<(long OrgId, ActivityType Type), DateOnly>> HeldDaysAsync(IQueryable<long> unitIds, DateTime from, DateTime to, CancellationToken ct)
        {
            var quorumTypes = ActivityTypes.All.Where(t => t.Quorum).Select(t => t.Type).ToList();
            if (Clock.FixedOffsetMinutes(from, to) is not { } offset)
                return (await db.Activities
                        .Where(a => unitIds.Contains(a.OrgId) && a.StartsAt >= from && a.StartsAt < to && a.Status == ActivityStatus.Held)
                        .Where(a => !quorumTypes.Contains(a.Type) || a.QuorumMet == true)
                        .Select(a => new { a.OrgId, a.Type, a.StartsAt }).ToListAsync(ct))
                    .ToLookup(a => (a.OrgId, a.Type), a => DateOnly.FromDateTime(Clock.ToLocal(a.StartsAt)));

            // Only constants go into the text: enum names and an integer offset.
            var day = db.Database.IsNpgsql()
                ? $"""CAST(a."StartsAt" AT TIME ZONE 'UTC' + INTERVAL '{offset} minutes' AS date)"""
                : $"""date(a."StartsAt", '{offset:+0;-0} minutes')""";
            var quorate = string.Join(", ", quorumTypes.Select(t => $"'{t}'"));
            var rows = await db.Database.SqlQueryRaw<HeldDay>($"""
                SELECT a."OrgId", a."Type", a."StartsAt", {day} AS "Day" FROM "Activities" AS a
                WHERE a."Status" = '{ActivityStatus.Held}' AND (a."Type" NOT IN ({quorate}) OR a."QuorumMet" = TRUE)
                """).Where(a => unitIds.Contains(a.OrgId) && a.StartsAt >= from && a.StartsAt < to)
                .Select(a => new { a.OrgId, a.Type, a.Day }).ToListAsync(ct);
            var types = Enum.GetValues<ActivityType>().ToDictionary(t => t.ToString());
            return rows.ToLookup(r => (r.OrgId, types[r.Type]), r => r.Day);
        }

        sealed class HeldDay
        {
            public long OrgId { get; set; }
            public string Type { get; set; } = "";
            public DateTime StartsAt { get; set; }
            public DateOnly Day { get; set; }
        }

        static bool Applies(ActivityTypeInfo t, OrgType unit, bool hasCommittee) => t.Audience switch
        {
            Audience.Group => unit == OrgType.PartyGroup,
            Audience.Committee => unit != OrgType.PartyGroup && hasCommittee,
            _ => unit != OrgType.PartyGroup && unit != OrgType.TemporaryBranch,
        };

        static Period? Clip(Period p, DateOnly? start, DateOnly? end)
        {
            var s = start > p.Start ? start.Value : p.Start;
            var e = end < p.End ? end.Value : p.End;
            return s <= e ? new Period(RulePeriod.None, s, e) : null;
        }

        async Task<List<Member>> MembersAsync(IQueryable<long> orgIds, Period period, CancellationToken ct)
        {
            var fromUtc = Clock.ToUtc(period.Start.ToDateTime(TimeOnly.MinValue));
            var toUtc = Clock.ToUtc(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var rows = await (from x in db.Attendees
                              join a in db.Activities on x.ActivityId equals a.Id
                              join p in db.People on x.PersonId equals p.Id
                              join o in db.Organizations on p.OrgId equals o.Id
                              where orgIds.Contains(a.OrgId) && a.Status == ActivityStatus.Held && a.StartsAt >= fromUtc && a.StartsAt < toUtc
                              select new { p.Id, p.Name, OrgName = o.Name, Present = x.SignedInAt != null, x.Leave }).ToListAsync(ct);
            return rows.GroupBy(r => (r.Id, r.Name, r.OrgName))
                .Select(g => new Member(g.Key.Id, g.Key.Name, g.Key.OrgName, g.Count(), g.Count(r => r.Present),
                    g.Count(r => !r.Present && r.Leave == LeaveStatus.Granted), g.Count(r => !r.Present && r.Leave != LeaveStatus.Granted)))
                .OrderBy(m => m.OrgName).ThenBy(m => m.Name).ToList();
        }
    }
}
