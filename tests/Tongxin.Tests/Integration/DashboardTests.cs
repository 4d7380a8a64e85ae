using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Dashboard;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Features.Todo;
using Tongxin.Web.Shared;
using ProposalStatus = Tongxin.Web.Features.Proposals.ProposalStatus;

namespace Tongxin.Tests.Integration;

/// <summary>工作台 (issue 12 point 3): each role's panels, every figure equal to the records it links to, scoped.</summary>
[Trait("Category", "Db")]
public class DashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    static DateOnly Today => Clock.Today;

    Task<GetPartyDashboard.View> PartyOf(string user) => app.AsAsync<GetPartyDashboard.Handler, GetPartyDashboard.View>(user, (h, s) => h.Handle(s, Today));

    [Fact]
    public async Task EachRoleOpensItsOwnPanels_AndThoseWithoutADashboardAreSentWhereTheirWorkIs()
    {
        async Task<string[]> Panels(string user)
        {
            var r = await (await app.ClientAsync(user)).GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return Html.Parse(await r.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid^=panel-]").Select(e => e.GetAttribute("data-testid")!).ToArray();
        }
        Assert.Equal(["panel-party"], await Panels("partyadmin"));
        Assert.Equal(["panel-branch", "panel-mine"], await Panels("secretary1"));
        Assert.Equal(["panel-mine"], await Panels("member1"));
        Assert.Equal(["panel-mine"], await Panels("weiyuan2"));
        Assert.Equal(["panel-cppcc"], await Panels("office"));
        Assert.Equal(["panel-party", "panel-cppcc"], await Panels("leader"));
        async Task<string?> Sent(string user) => (await (await app.ClientAsync(user)).GetAsync("/")).Headers.Location?.OriginalString;
        Assert.Equal("/Proposals", await Sent("unit1"));
        Assert.Equal("/Audit", await Sent("auditor"));
        Assert.Equal("/Admin/Users", await Sent("security"));
    }

    [Fact]
    public async Task ComplianceBarsAreBranches_WithTheirGroupsMeetingsCounted_AndEqualTheComplianceOfTheirSubtree()
    {
        var view = await PartyOf("partyadmin");
        Assert.DoesNotContain(view.ComplianceByGroup, c => c.Name.Contains("党小组"));
        var b1 = await app.OrgIdAsync("第一党支部");
        var bar = Assert.Single(view.ComplianceByGroup, c => c.OrgId == b1);
        var own = await app.AsAsync<GetCompliance.Handler, GetCompliance.Report?>("partyadmin",
            (h, s) => h.Handle(s, b1, Period.Of(RulePeriod.Year, Today), Today));
        var types = own!.Units.SelectMany(u => u.Types).Where(t => GetPartyDashboard.ThreeMeetingsOneLecture.Contains(t.Type)).ToList();
        Assert.Contains(types, t => t.Type == ActivityType.GroupMeeting); // the 党小组会 of its two groups
        Assert.Equal((types.Sum(t => t.Due), types.Sum(t => t.Met)), (bar.Due, bar.Met));
        Assert.True(bar.Due > 0);

        var html = await (await app.ClientAsync("partyadmin")).GetStringAsync("/");
        Assert.Contains($"/OrgLife/Compliance?orgId={b1}&amp;period={Today.Year}", html);
    }

    [Fact]
    public async Task AttendanceByMonth_IsSignedInOverExpectedAtTheBranchesHeldMeetings()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var view = await app.AsAsync<GetBranchDashboard.Handler, GetBranchDashboard.View?>("secretary1", (h, s) => h.Handle(s, b1, Today));
        var (yearStart, yearEnd) = (Clock.ToUtc(new DateTime(Today.Year, 1, 1)), Clock.ToUtc(new DateTime(Today.Year + 1, 1, 1)));
        var rows = await app.WithDbAsync(db => (from x in db.Attendees
                                                join a in db.Activities on x.ActivityId equals a.Id
                                                join o in db.Organizations on a.OrgId equals o.Id
                                                where a.Status == ActivityStatus.Held && a.StartsAt >= yearStart && a.StartsAt < yearEnd
                                                      && (o.Id == b1 || o.ParentId == b1)
                                                select new { a.StartsAt, a.Type, Present = x.SignedInAt != null }).ToListAsync());
        rows = rows.Where(r => !r.Type.Info().Duty).ToList();
        Assert.NotEmpty(rows);
        foreach (var month in view!.Attendance)
        {
            var mine = rows.Where(r => Clock.ToLocal(r.StartsAt).Month == month.Number).ToList();
            Assert.Equal((mine.Count, mine.Count(r => r.Present)), (month.Expected, month.Present));
        }
        Assert.Equal(Today.Month, view.Attendance.Count);
    }

    [Fact]
    public async Task AMembersWaitingCount_IsTheirOwnTodo_AndABranchSecretaryCannotOpenAnotherBranch()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        Assert.True((await app.AsAsync<OpenRound.Handler, Result<long>>("secretary1", (h, s) => h.Handle(b1, Today.Year, s, "secretary1", DateTime.UtcNow))).Ok);
        var view = await app.AsAsync<GetBranchDashboard.Handler, GetBranchDashboard.View?>("secretary1", (h, s) => h.Handle(s, b1, Today));
        Assert.Equal(9, view!.Members);
        foreach (var user in new[] { "member1", "groupleader1", "secretary1" })
        {
            var todo = await app.AsAsync<GetTodo.Handler, GetTodo.View>(user, (h, s) => h.Handle(s, user));
            var personal = GetTodo.Personal.Where(k => k != GetTodo.Kind.FiveOne).Sum(k => todo.Counts.GetValueOrDefault(k));
            var person = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync());
            Assert.True(personal >= 1, user);
            Assert.Equal(personal, Assert.Single(view.MembersWaiting, m => m.PersonId == person).Count);
        }

        Assert.Null(await app.AsAsync<GetBranchDashboard.Handler, GetBranchDashboard.View?>("secretary2", (h, s) => h.Handle(s, b1, Today)));
        Assert.Null(await app.AsAsync<GetBranchDashboard.Handler, GetBranchDashboard.View?>("member1", (h, s) => h.Handle(s, b1, Today)));
    }

    [Fact]
    public async Task TheFunnelCountsEachStageFromTheStatuses_AndEachStageLinksToExactlyItsProposals()
    {
        async Task<IReadOnlyDictionary<ProposalStage, int>> Funnel() =>
            (await app.AsAsync<GetCppccDashboard.Handler, GetCppccDashboard.View?>("office", (h, s) => h.Handle(s, Today)))!.Office!.Funnel;
        var before = await Funnel();
        var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) =>
            h.Handle(null, new("关于完善社区养老服务设施的建议", "建议在老旧小区加装电梯并配建社区食堂，方便老年人就近用餐和出行。", []), true, s, DateTime.UtcNow))).Value;
        var other = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) =>
            h.Handle(null, new("关于加强农村饮用水安全保障的建议", "建议加快农村供水管网改造，建立水质定期检测和公开制度，保障群众饮水安全。", []), true, s, DateTime.UtcNow))).Value;
        Assert.True((await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow))).Ok);
        var after = await Funnel();
        Assert.Equal(before[ProposalStage.Submitted] + 2, after[ProposalStage.Submitted]);
        Assert.Equal(before[ProposalStage.Registered] + 1, after[ProposalStage.Registered]);
        Assert.Equal(before[ProposalStage.Assigned], after[ProposalStage.Assigned]);
        var city = await app.OrgIdAsync("江州市政协");
        var statuses = await app.WithDbAsync(db => db.Proposals.Where(p => p.Year == Today.Year && p.TenantId == city).Select(p => p.Status).ToListAsync());
        Assert.Equal(statuses.Count(s => ProposalFlow.Registered.Contains(s)), after[ProposalStage.Registered]);

        var office = await app.ClientAsync("office");
        var registered = await office.GetStringAsync($"/Proposals?year={Today.Year}&stage=Registered");
        Assert.Contains($"/Proposals/Details/{id}\"", registered);
        Assert.DoesNotContain($"/Proposals/Details/{other}\"", registered);
        Assert.Contains($"/Proposals/Details/{other}\"", await office.GetStringAsync($"/Proposals?year={Today.Year}&stage=Submitted"));
        Assert.DoesNotContain($"/Proposals/Details/{id}\"", await office.GetStringAsync($"/Proposals?year={Today.Year}&stage=Assigned"));
    }

    [Fact]
    public async Task PointsPerBranchAreAveragesOfTheLedger_InTreeOrder_AndStarsCountTheReviewedRatings()
    {
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        var proposed = await app.AsAsync<ManualAward.Handler, Result<long>>("secretary1", (h, s) => h.ProposeAsync(member, "award", "获评市级优秀志愿者", "市文明办通报", s, "secretary1", DateTime.UtcNow));
        Assert.True((await app.AsAsync<ManualAward.Handler, Result<bool>>("partyadmin", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "partyadmin", DateTime.UtcNow))).Ok);

        var view = await PartyOf("partyadmin");
        var b1 = await app.OrgIdAsync("第一党支部");
        var bar = Assert.Single(view.Points, p => p.OrgId == b1);
        var (entries, members) = await app.WithDbAsync(async db =>
        {
            var people = db.People.Where(p => p.OrgId == b1 && p.PartyStatus != PartyStatus.None);
            return (await db.PointEntries.Where(e => e.Year == Today.Year && people.Select(p => p.Id).Contains(e.PersonId)).ToListAsync(), await people.CountAsync());
        });
        Assert.Equal(members, bar.Members);
        foreach (var c in Enum.GetValues<PointCategory>())
            Assert.Equal(Math.Round((double)entries.Where(e => e.Category == c).Sum(e => e.Points) / members, 1), bar.AveragePerMember[c]);
        Assert.True(bar.AveragePerMember.Values.Sum() > 0);
        var paths = await app.WithDbAsync(db => db.Organizations.Where(o => view.Points.Select(p => p.OrgId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path));
        Assert.Equal(view.Points.Select(p => paths[p.OrgId]).Order(StringComparer.Ordinal), view.Points.Select(p => paths[p.OrgId]));

        var reviewed = await app.WithDbAsync(db => db.StarRatings.Where(r => r.Year == view.StarYear && r.Status == Tongxin.Web.Features.Stars.StarRatingStatus.Reviewed)
            .Select(r => r.ReviewStars).ToListAsync());
        foreach (var stars in Enumerable.Range(1, 5)) Assert.Equal(reviewed.Count(r => r == stars), view.Stars[stars]);
    }

    [Fact]
    public async Task AMembersPanelShowsTheirOwnPointsAndNextActivity_AndNothingOfTheBranch()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var start = DateTime.UtcNow.AddDays(3);
        var planned = await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", (h, s) => h.Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.ThemedPartyDay, Topic = "主题党日走访困难群众", Place = "社区服务中心", StartsAt = start, EndsAt = start.AddHours(2),
        }, s, "secretary1"));
        Assert.True(planned.Ok, planned.Error?.Message);
        var view = await app.AsAsync<GetMyDashboard.Handler, GetMyDashboard.View?>("member1", (h, s) => h.Handle(s, Today));
        Assert.Contains(view!.Activities, a => a.Id == planned.Value);
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        var ledger = await app.WithDbAsync(db => db.PointEntries.Where(e => e.PersonId == member && e.Year == Today.Year).ToListAsync());
        foreach (var c in Enum.GetValues<PointCategory>())
            Assert.Equal(ledger.Where(e => e.Category == c).Sum(e => e.Points), view.Points!.ByCategory.GetValueOrDefault(c));

        var html = await (await app.ClientAsync("member1")).GetStringAsync("/");
        Assert.Contains($"/OrgLife/Activity/{planned.Value}", html);
        Assert.DoesNotContain("chart-compliance", html);
        Assert.DoesNotContain("branch-waiting", html);
    }
}
