using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>
/// 履职档案: a member's year — every duty activity (present, on leave, absent), proposal, 社情民意 and liaison contact —
/// and the score and grade the unit's scheme gives it. Everything is counted from the records.
/// </summary>
public static class GetDutyFile
{
    public sealed record Activity(long Id, ActivityType Type, string Topic, DateTime StartsAt, string Attendance);

    public sealed record File(long PersonId, string Name, string? Sector, string? Affiliation, bool IsStanding,
        IReadOnlyList<Activity> Activities, IReadOnlyList<(long Id, string Title, ProposalStatus Status, bool Key, bool Excellent)> Proposals,
        IReadOnlyList<(long Id, string Title, OpinionStatus Status)> Opinions, int LiaisonContacts,
        IReadOnlyDictionary<DutyFact, int> Facts, int Score, DutyGrade Grade, IReadOnlyList<ScoreLine> Lines);

    public sealed record View(int Year, DutyScheme Scheme, IReadOnlyList<File> Files);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(long tenantId, int year, long? personId = null, CancellationToken ct = default)
        {
            var scheme = await DutyScheme.LoadAsync(db, tenantId, year, ct);
            var members = await db.People.Where(p => p.TenantId == tenantId && p.IsCppccMember && (personId == null || p.Id == personId))
                .OrderBy(p => p.Sector).ThenBy(p => p.NameInitials)
                .Select(p => new { p.Id, p.Name, p.Sector, p.Affiliation, p.IsStandingCommittee }).ToListAsync(ct);
            var ids = members.Select(m => m.Id).ToList();
            var (yearStart, yearEnd) = (Clock.ToUtc(new DateTime(year, 1, 1)), Clock.ToUtc(new DateTime(year + 1, 1, 1)));
            var dutyTypes = ActivityTypes.All.Where(t => t.Duty).Select(t => t.Type).ToList();
            var now = DateTime.UtcNow;
            var attendance = (await (from a in db.Attendees join act in db.Activities on a.ActivityId equals act.Id
                                     where ids.Contains(a.PersonId) && dutyTypes.Contains(act.Type) && act.StartsAt >= yearStart && act.StartsAt < yearEnd
                                        && act.Status != ActivityStatus.Cancelled
                                     orderby act.StartsAt
                                     select new { a.PersonId, act.Id, act.Type, act.Topic, act.StartsAt, act.EndsAt, act.Status, a.SignedInAt, a.Leave })
                    .ToListAsync(ct)).ToLookup(a => a.PersonId);
            var proposals = (await (from s in db.ProposalSigners join p in db.Proposals on s.ProposalId equals p.Id
                                    where ids.Contains(s.PersonId) && s.ConfirmedAt != null && p.Year == year && p.Status != ProposalStatus.Draft
                                    select new { s.PersonId, p.Id, p.Title, p.Status, p.IsKey, p.IsExcellent }).ToListAsync(ct)).ToLookup(p => p.PersonId);
            var opinions = (await db.OpinionReports.Where(o => ids.Contains(o.AuthorPersonId) && o.Year == year && o.Status != OpinionStatus.Draft)
                .Select(o => new { o.AuthorPersonId, o.Id, o.Title, o.Status, Instructed = o.Instruction != null }).ToListAsync(ct)).ToLookup(o => o.AuthorPersonId);
            var contacts = await (from c in db.LiaisonContacts join p in db.LiaisonPairs on c.PairId equals p.Id
                                  where ids.Contains(p.PartyPersonId) && c.On >= new DateOnly(year, 1, 1) && c.On <= new DateOnly(year, 12, 31)
                                  group c by p.PartyPersonId into g select new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);

            var files = members.Select(m =>
            {
                var acts = attendance[m.Id].ToList();
                string Attendance(DateTime? signedIn, LeaveStatus leave, DateTime ends) =>
                    signedIn is not null ? "出席" : leave == LeaveStatus.Granted ? "请假" : ends < now ? "缺席" : "待参加";
                var registered = proposals[m.Id].Where(p => ProposalFlow.Registered.Contains(p.Status)).ToList();
                int Missed(ActivityType type, bool excused) =>
                    acts.Count(a => a.Type == type && a.Status == ActivityStatus.Held && a.SignedInAt == null && (a.Leave == LeaveStatus.Granted) == excused);
                int Attended(ActivityType type) => acts.Count(a => a.Type == type && a.SignedInAt != null);
                var mine = opinions[m.Id].ToList();
                var facts = new Dictionary<DutyFact, int>
                {
                    [DutyFact.PlenaryAbsent] = Missed(ActivityType.Plenary, false), [DutyFact.PlenaryExcused] = Missed(ActivityType.Plenary, true),
                    [DutyFact.StandingAbsent] = Missed(ActivityType.StandingCommittee, false), [DutyFact.StandingExcused] = Missed(ActivityType.StandingCommittee, true),
                    [DutyFact.RegisteredProposal] = registered.Count, [DutyFact.KeyProposal] = registered.Count(p => p.IsKey),
                    [DutyFact.ExcellentProposal] = registered.Count(p => p.IsExcellent),
                    [DutyFact.OpinionSubmitted] = mine.Count, [DutyFact.OpinionAdopted] = mine.Count(o => o.Status == OpinionStatus.Adopted),
                    [DutyFact.OpinionInstructed] = mine.Count(o => o.Instructed),
                    [DutyFact.Consultation] = Attended(ActivityType.Consultation), [DutyFact.Survey] = Attended(ActivityType.Survey),
                    [DutyFact.SectorActivity] = Attended(ActivityType.SectorActivity), [DutyFact.Training] = Attended(ActivityType.DutyTraining),
                    [DutyFact.PublicGood] = Attended(ActivityType.PublicGood), [DutyFact.LiaisonContact] = contacts.GetValueOrDefault(m.Id),
                };
                var (score, grade, lines) = DutyScore.Compute(scheme, facts);
                return new File(m.Id, m.Name, m.Sector, m.Affiliation, m.IsStandingCommittee,
                    acts.Select(a => new Activity(a.Id, a.Type, a.Topic, a.StartsAt, Attendance(a.SignedInAt, a.Leave, a.EndsAt))).ToList(),
                    proposals[m.Id].Select(p => (p.Id, p.Title, p.Status, p.IsKey, p.IsExcellent)).ToList(),
                    mine.Select(o => (o.Id, o.Title, o.Status)).ToList(), contacts.GetValueOrDefault(m.Id), facts, score, grade, lines);
            }).ToList();
            return new View(year, scheme, files);
        }
    }
}
