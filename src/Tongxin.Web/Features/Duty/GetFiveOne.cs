using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>
/// 五个一 for a year, from the records themselves: registered proposals a member (co-)signed, 社情民意 they submitted,
/// and the 调研视察, 界别活动 and 公益 activities they signed in to — each item with links to its records.
/// </summary>
public static class GetFiveOne
{
    public sealed record Record(FiveOneItem Item, string Title, string Url);

    public sealed record Member(long PersonId, string Name, string? Sector, IReadOnlyDictionary<FiveOneItem, int> Counts,
        IReadOnlyList<FiveOneItem> Gaps, IReadOnlyList<Record> Records);

    public sealed record View(int Year, IReadOnlyDictionary<FiveOneItem, int> Targets, IReadOnlyList<Member> Members);

    /// <summary>Whose items a viewer follows: the office and leaders every member (one 界别 when asked); a 界别召集人 their own 界别.</summary>
    public sealed record Reach(long TenantId, string? Sector, bool WholeUnit);

    static readonly Dictionary<ActivityType, FiveOneItem> ByActivity = new()
    {
        [ActivityType.Survey] = FiveOneItem.Survey, [ActivityType.SectorActivity] = FiveOneItem.SectorActivity, [ActivityType.PublicGood] = FiveOneItem.PublicGood,
    };

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Reach>> ReachAsync(Scope scope, string? sector, CancellationToken ct = default)
        {
            if (scope.TenantWith(Permissions.Proposals.View) is { } office) return new Reach(office, string.IsNullOrEmpty(sector) ? null : sector, true);
            if (scope.TenantWith(Permissions.Duty.Sector) is not { } tenant || scope.PersonId is not { } me) return Error.Forbidden();
            var own = await db.People.Where(p => p.Id == me && p.TenantId == tenant).Select(p => p.Sector).FirstOrDefaultAsync(ct);
            return string.IsNullOrEmpty(own) ? Error.Forbidden("您的人员信息中没有界别，无法查看本界别委员，请联系管理员补充") : new Reach(tenant, own, false);
        }

        public async Task<View> HandleAsync(Reach reach, int year, CancellationToken ct = default) => await Handle(reach.TenantId, year, sector: reach.Sector, ct: ct);

        /// <summary>Every CPPCC member of the tenant, or only <paramref name="personId"/>, optionally one 界别.</summary>
        public async Task<View> Handle(long tenantId, int year, long? personId = null, string? sector = null, CancellationToken ct = default)
        {
            var members = await db.People.Where(p => p.TenantId == tenantId && p.IsCppccMember && (personId == null || p.Id == personId)
                    && (sector == null || p.Sector == sector))
                .OrderBy(p => p.Sector).ThenBy(p => p.NameInitials).Select(p => new { p.Id, p.Name, p.Sector }).ToListAsync(ct);
            var ids = members.Select(m => m.Id).ToList();
            var records = new List<(long Person, Record Record)>();
            records.AddRange((await (from s in db.ProposalSigners join p in db.Proposals on s.ProposalId equals p.Id
                                     where ids.Contains(s.PersonId) && s.ConfirmedAt != null && p.Year == year && ProposalFlow.Registered.Contains(p.Status)
                                     select new { s.PersonId, p.Id, p.Title }).ToListAsync(ct))
                .Select(r => (r.PersonId, new Record(FiveOneItem.Proposal, r.Title, $"/Proposals/Details/{r.Id}"))));
            records.AddRange((await db.OpinionReports.Where(o => ids.Contains(o.AuthorPersonId) && o.Year == year && o.Status != OpinionStatus.Draft)
                    .Select(o => new { o.AuthorPersonId, o.Id, o.Title }).ToListAsync(ct))
                .Select(r => (r.AuthorPersonId, new Record(FiveOneItem.Opinion, r.Title, $"/Opinions/Details/{r.Id}"))));
            var types = ByActivity.Keys.ToList();
            var (yearStart, yearEnd) = (Tongxin.Web.Shared.Clock.ToUtc(new DateTime(year, 1, 1)), Tongxin.Web.Shared.Clock.ToUtc(new DateTime(year + 1, 1, 1)));
            records.AddRange((await (from a in db.Attendees join act in db.Activities on a.ActivityId equals act.Id
                                     where ids.Contains(a.PersonId) && a.SignedInAt != null && types.Contains(act.Type) && act.StartsAt >= yearStart && act.StartsAt < yearEnd
                                     select new { a.PersonId, act.Id, act.Topic, act.Type }).ToListAsync(ct))
                .Select(r => (r.PersonId, new Record(ByActivity[r.Type], r.Topic, $"/OrgLife/Activity/{r.Id}"))));

            var targets = await FiveOne.TargetsAsync(db, tenantId, year, ct);
            var byPerson = records.ToLookup(r => r.Person, r => r.Record);
            return new View(year, targets, members.Select(m =>
            {
                var mine = byPerson[m.Id].ToList();
                var counts = FiveOne.Items.ToDictionary(i => i, i => mine.Count(r => r.Item == i));
                return new Member(m.Id, m.Name, m.Sector, counts, FiveOne.Gaps(targets, counts), mine);
            }).ToList());
        }
    }
}
