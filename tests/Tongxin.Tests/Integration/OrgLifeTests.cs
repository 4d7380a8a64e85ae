using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class OrgLifeTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<T> With<T>(Func<IServiceProvider, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider);
    }

    async Task<long> PlanAsync(string org, ActivityType type, DateTime startsUtc, string user = "partyadmin", List<long>? attendees = null)
    {
        var scope = await app.ScopeOfAsync(user);
        var orgId = await app.OrgIdAsync(org);
        var result = await With(sp => sp.GetRequiredService<PlanActivity.Handler>().Handle(new PlanActivity.Command
        {
            OrgId = orgId, Type = type, Topic = $"{type} {Guid.NewGuid():N}"[..30], Place = "机关三楼会议室",
            StartsAt = startsUtc, EndsAt = startsUtc.AddHours(2), AttendeeIds = attendees,
        }, scope, user));
        Assert.True(result.Ok, result.Error?.Message);
        return result.Value;
    }

    Task<Activity> ActivityAsync(long id) => app.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == id));

    Task<Tongxin.Web.Shared.Result<SignIn.Done>> ScanAsync(string token, long personId, DateTime now) =>
        With(sp => sp.GetRequiredService<SignIn.Handler>().WithTokenAsync(token, personId, now));

    [Fact]
    public async Task Plan_DerivesTheExpectedAttendees()
    {
        var functional = await PlanAsync("提案委员会功能型党支部", ActivityType.ThemedPartyDay, DateTime.UtcNow.AddDays(1));
        Assert.Equal(5, await app.WithDbAsync(db => db.Attendees.CountAsync(a => a.ActivityId == functional))); // 3 members + 2 in dual life
        var committee = await PlanAsync("第一党支部", ActivityType.CommitteeMeeting, DateTime.UtcNow.AddDays(1));
        Assert.Equal(5, await app.WithDbAsync(db => db.Attendees.CountAsync(a => a.ActivityId == committee)));
        var group = await PlanAsync("第一党支部第一党小组", ActivityType.GroupMeeting, DateTime.UtcNow.AddDays(1));
        var groupId = await app.OrgIdAsync("第一党支部第一党小组");
        Assert.Equal(await app.WithDbAsync(db => db.People.CountAsync(p => p.PartyGroupId == groupId)),
            await app.WithDbAsync(db => db.Attendees.CountAsync(a => a.ActivityId == group)));

        var c = await app.ClientAsync("secretary1");
        var page = await c.GetStringAsync($"/OrgLife/Activity/{committee}");
        Assert.Contains("应到 5 人", page);
    }

    [Fact]
    public async Task SignIn_RefusesExpiredForgedUnexpectedAndOutOfWindow_AndASecondScanChangesNothing()
    {
        var now = DateTime.UtcNow;
        var id = await PlanAsync("第一党支部", ActivityType.PartyLecture, now.AddMinutes(-10));
        var a = await ActivityAsync(id);
        var member = await app.PersonInAsync("第一党支部");
        var outsider = await app.PersonInAsync("第二党支部");

        var old = SignInToken.Issue(id, a.SignInSecret, now.AddMinutes(-2));
        Assert.Equal("二维码已过期，请扫描屏幕上最新的二维码", (await ScanAsync(old, member.Id, now)).Error!.Message);
        var fresh = SignInToken.Issue(id, a.SignInSecret, now);
        Assert.Equal("二维码无效", (await ScanAsync(fresh[..^2] + "xx", member.Id, now)).Error!.Message);
        Assert.Equal("二维码无效", (await ScanAsync(SignInToken.Issue(id, new byte[32], now), member.Id, now)).Error!.Message);
        var stranger = await ScanAsync(fresh, outsider.Id, now);
        Assert.Equal(Tongxin.Web.Shared.ErrorKind.Forbidden, stranger.Error!.Kind);

        var later = await PlanAsync("第一党支部", ActivityType.PartyLecture, now.AddHours(3));
        var laterActivity = await ActivityAsync(later);
        Assert.Contains("不在签到时间内", (await ScanAsync(SignInToken.Issue(later, laterActivity.SignInSecret, now), member.Id, now)).Error!.Message);

        var first = await ScanAsync(fresh, member.Id, now);
        Assert.Equal(SignIn.Outcome.SignedIn, first.Value!.Outcome);
        var signedAt = await app.WithDbAsync(db => db.Attendees.Where(x => x.ActivityId == id && x.PersonId == member.Id).Select(x => x.SignedInAt).SingleAsync());
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var second = await ScanAsync(SignInToken.Issue(id, a.SignInSecret, now.AddSeconds(20)), member.Id, now.AddSeconds(20));
        Assert.Equal(SignIn.Outcome.AlreadySignedIn, second.Value!.Outcome);
        Assert.Equal(signedAt, await app.WithDbAsync(db => db.Attendees.Where(x => x.ActivityId == id && x.PersonId == member.Id).Select(x => x.SignedInAt).SingleAsync()));
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Attendees.CountAsync(x => x.ActivityId == id && x.SignedInAt != null)));
    }

    [Fact]
    public async Task Member_SignsInThroughTheApi_WithTheScreensCurrentCode()
    {
        var id = await PlanAsync("第一党支部", ActivityType.ThemedPartyDay, DateTime.UtcNow.AddMinutes(-5));
        var secretary = await app.ClientAsync("secretary1");
        var screen = Html.Parse(await secretary.GetStringAsync($"/OrgLife/Screen/{id}?handler=Live"));
        var url = screen.QuerySelector("[data-testid=qr]")!.GetAttribute("data-url")!;
        var token = url[(url.LastIndexOf('/') + 1)..];

        var member = await app.ClientAsync("member1");
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/orglife/mine");
        Assert.Contains(mine.EnumerateArray(), m => m.GetProperty("id").GetInt64() == id);
        var r = await member.PostAsJsonAsync("/api/orglife/signin", new { token });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("SignedIn", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var again = await member.PostAsJsonAsync("/api/orglife/signin", new { token });
        Assert.Equal("AlreadySignedIn", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Contains("1 / 9", await secretary.GetStringAsync($"/OrgLife/Screen/{id}?handler=Live"));

        var bad = await member.PostAsJsonAsync("/api/orglife/signin", new { token = "1.2.3" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FiveHundredConcurrentSignIns_RecordEachPersonExactlyOnce()
    {
        var (id, token, ids, now) = await CrowdAsync(500);
        // Every person once, and 100 of them twice more at the same moment.
        var scans = ids.Concat(ids.Take(100)).Concat(ids.Take(100)).OrderBy(_ => Random.Shared.Next()).ToList();
        var results = await Task.WhenAll(scans.Select(p => Task.Run(() => ScanAsync(token, p, now))));
        Assert.All(results, r => Assert.True(r.Ok, r.Error?.Message));
        Assert.Equal(500, results.Count(r => r.Value!.Outcome == SignIn.Outcome.SignedIn));
        Assert.Equal(500, await app.WithDbAsync(db => db.Attendees.CountAsync(x => x.ActivityId == id && x.SignedInAt != null)));
        var chain = await app.WithDbAsync(db => db.AuditEntries.ToListAsync());
        Assert.Null((await app.WithDbAsync(db => new VerifyAuditChain.Handler(db).Handle())).FirstBrokenId);
        Assert.Equal(500, chain.Count(e => e.EntityType == "Attendee" && e.Action == "Update" && e.After!.Contains("\"Qr\"")
            && e.Before!.Contains("\"SignedInAt\":null")));
    }

    [Fact]
    public async Task BurstThroughTheQueue_SavesTogether_EachPersonOnce_AuditedAsThemselves()
    {
        var (id, token, ids, now) = await CrowdAsync(400);
        var users = await app.WithDbAsync(async db =>
        {
            var list = ids.Select(p => new AppUser { UserName = $"crowd{p}", NormalizedUserName = $"CROWD{p}", PersonId = p, TenantId = 1, DisplayName = "党员" }).ToList();
            db.Users.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });
        var stranger = users[0].Id;
        await app.WithDbAsync(async db => { db.Attendees.Remove(await db.Attendees.SingleAsync(x => x.ActivityId == id && x.PersonId == users[0].PersonId)); return await db.SaveChangesAsync(); });

        var queue = app.Services.GetRequiredService<SignInQueue>();
        var scans = users.Concat(users.Take(50)).OrderBy(_ => Random.Shared.Next()).ToList();
        var results = await Task.WhenAll(scans.Select(u => Task.Run(() => queue.SignInAsync(token, u.Id, u.UserName!, now, default))));

        Assert.All(results.Where((_, i) => scans[i].Id == stranger), r => Assert.Equal("您不在本次活动的应参加人员中", r.Error?.Message));
        Assert.Equal(399, results.Count(r => r.Ok && r.Value!.Outcome == SignIn.Outcome.SignedIn));
        Assert.Equal(49, results.Count(r => r.Ok && r.Value!.Outcome == SignIn.Outcome.AlreadySignedIn));
        var signed = await app.WithDbAsync(db => db.Attendees.Where(x => x.ActivityId == id && x.SignedInAt != null).Select(x => x.Id.ToString()).ToListAsync());
        Assert.Equal(399, signed.Count);
        // Batched, yet each entry names the member who scanned.
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Attendee" && signed.Contains(e.EntityId) && e.Action == "Update").ToListAsync());
        Assert.Equal(399, entries.Count);
        Assert.Equal(399, entries.Select(e => e.UserName).Distinct().Count(n => n.StartsWith("crowd")));
        Assert.True(entries.Select(e => e.At).Distinct().Count() < 399, "scans arriving together are saved together");
        Assert.Null((await app.WithDbAsync(db => new VerifyAuditChain.Handler(db).Handle())).FirstBrokenId);
    }

    async Task<(long Id, string Token, List<long> People, DateTime Now)> CrowdAsync(int size)
    {
        var branch = await app.OrgIdAsync("第二党支部");
        var ids = await app.WithDbAsync(async db =>
        {
            var people = Enumerable.Range(0, size).Select(i => new Person
            {
                Name = $"党员{i:000}", NameInitials = "dy", OrgId = branch, TenantId = 1, PartyStatus = PartyStatus.Full,
                JoinedDate = new DateOnly(2010, 1, 1), Gender = Gender.Unknown, CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.Select(p => p.Id).ToList();
        });
        var now = DateTime.UtcNow;
        var id = await PlanAsync("第二党支部", ActivityType.GroupStudy, now.AddMinutes(-1), attendees: ids);
        var a = await ActivityAsync(id);
        return (id, SignInToken.Issue(id, a.SignInSecret, now), ids, now);
    }

    [Fact]
    public async Task Leave_GrantedIsNotAbsence_SilenceIs()
    {
        var now = DateTime.UtcNow;
        var id = await PlanAsync("第一党支部", ActivityType.BranchMeeting, now.AddMinutes(10));
        var memberScope = await app.ScopeOfAsync("member1");
        var me = memberScope.PersonId!.Value;
        var member = await app.ClientAsync("member1");
        var r = await member.PostAsJsonAsync($"/api/orglife/activities/{id}/leave", new { reason = "出差" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var attendeeId = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attendeeId").GetInt64();

        var secretary2 = await app.ScopeOfAsync("secretary2");
        var refused = await With(sp => sp.GetRequiredService<Leave.Handler>().DecideAsync(attendeeId, true, secretary2, "secretary2"));
        Assert.Equal(Tongxin.Web.Shared.ErrorKind.NotFound, refused.Error!.Kind);
        var granted = await With(sp => sp.GetRequiredService<Leave.Handler>().DecideAsync(attendeeId, true, memberScope, "member1"));
        Assert.False(granted.Ok); // a member cannot grant their own leave
        var secretary = await app.ScopeOfAsync("secretary1");
        Assert.True((await With(sp => sp.GetRequiredService<Leave.Handler>().DecideAsync(attendeeId, true, secretary, "secretary1"))).Ok);

        // Everyone else but two signs in; then the meeting is recorded.
        var a = await ActivityAsync(id);
        var attendees = await app.WithDbAsync(db => db.Attendees.Where(x => x.ActivityId == id).Select(x => x.PersonId).ToListAsync());
        var silent = attendees.First(p => p != me);
        foreach (var p in attendees.Where(p => p != me && p != silent))
            Assert.True((await ScanAsync(SignInToken.Issue(id, a.SignInSecret, now.AddMinutes(5)), p, now.AddMinutes(5))).Ok);
        var record = await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(id, "## 议程\n传达学习文件", null, secretary, now.AddMinutes(30)));
        Assert.True(record.Ok, record.Error?.Message);
        var held = await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, now.AddMinutes(30)));
        Assert.True(held.Ok, held.Error?.Message);
        var again = await member.PostAsJsonAsync($"/api/orglife/activities/{id}/leave", new { reason = "再请" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // already granted
        var late = await With(sp => sp.GetRequiredService<Leave.Handler>().RequestAsync(id, silent, "补请", now.AddMinutes(11)));
        Assert.Equal("活动已开始，不能再请假", late.Error!.Message);

        var view = await With(sp => sp.GetRequiredService<GetActivity.Handler>().Handle(id, secretary));
        Assert.Equal(1, view!.OnLeave);
        Assert.Equal(1, view.AbsentWithoutLeave);
        Assert.True(view.Activity.QuorumMet);
        var page = await (await app.ClientAsync("secretary1")).GetStringAsync($"/OrgLife/Activity/{id}");
        Assert.Contains("已准假：出差", page);
    }

    [Fact]
    public async Task AnotherBranchSecretary_CanNeitherSeeNorSignAnyoneIn()
    {
        var id = await PlanAsync("第一党支部", ActivityType.ThemedPartyDay, DateTime.UtcNow.AddMinutes(-5));
        var c = await app.ClientAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/OrgLife/Activity/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/OrgLife/Screen/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/OrgLife/Compliance?orgId={await app.OrgIdAsync("第一党支部")}")).StatusCode);
        Assert.DoesNotContain($"/OrgLife/Activity/{id}\"", await c.GetStringAsync("/OrgLife"));
        var member = await app.PersonInAsync("第一党支部");
        var secretary2 = await app.ScopeOfAsync("secretary2");
        var manual = await With(sp => sp.GetRequiredService<SignIn.Handler>().ManualAsync(id, member.Id, "纸质签到", secretary2, DateTime.UtcNow));
        Assert.Equal(Tongxin.Web.Shared.ErrorKind.NotFound, manual.Error!.Kind);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attendees.CountAsync(x => x.ActivityId == id && x.SignedInAt != null)));

        // The branch's own secretary may, with a reason; the entry says so.
        var secretary1 = await app.ScopeOfAsync("secretary1");
        var own = await With(sp => sp.GetRequiredService<SignIn.Handler>().ManualAsync(id, member.Id, "纸质签到", secretary1, DateTime.UtcNow));
        Assert.True(own.Ok);
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Attendee").OrderByDescending(e => e.Id).FirstAsync());
        Assert.Contains("纸质签到", entry.After);
    }

    [Fact]
    public async Task Record_RefusesHtml_AndWithoutQuorumTheMeetingDoesNotCount()
    {
        var secretary = await app.ScopeOfAsync("secretary1");
        var now = DateTime.UtcNow;
        var id = await PlanAsync("第一党支部", ActivityType.BranchMeeting, now.AddHours(-3));
        var html = await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(id, "<script>alert(1)</script>", null, secretary, now));
        Assert.Equal("会议记录不能包含HTML代码，请使用纯文本或Markdown", html.Error!.Message);

        // Nobody signed in: recorded, but no quorum, so it does not count.
        var r = await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(id, "到会人数不足", null, secretary, now));
        Assert.True(r.Ok);
        Assert.True((await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, now))).Ok);
        var a = await ActivityAsync(id);
        Assert.Equal(ActivityStatus.Held, a.Status);
        Assert.False(a.QuorumMet);
        Assert.False(a.Counts);
        var page = await (await app.ClientAsync("secretary1")).GetStringAsync($"/OrgLife/Activity/{id}");
        Assert.Contains("不计入规定次数", page);
    }

    [Fact]
    public async Task ChangingAFrequency_IsAudited_AndOnlyForAdministrators()
    {
        var admin = await app.ScopeOfAsync("partyadmin");
        var r = await With(sp => sp.GetRequiredService<SetFrequency.Handler>().Handle(1, ActivityType.PartyLecture, new DateOnly(2026, 7, 1), RulePeriod.Month, 1, admin));
        Assert.True(r.Ok);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "FrequencyRule" && e.Action == "Create")));
        var secretary = await app.ScopeOfAsync("secretary1");
        var denied = await With(sp => sp.GetRequiredService<SetFrequency.Handler>().Handle(1, ActivityType.PartyLecture, new DateOnly(2026, 8, 1), RulePeriod.Month, 2, secretary));
        Assert.Equal(Tongxin.Web.Shared.ErrorKind.Forbidden, denied.Error!.Kind);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("secretary1")).GetAsync("/OrgLife/Rules")).StatusCode);
    }
}

[Trait("Category", "Db")]
public class ComplianceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Overview_ShowsWhoOwesWhat_FromTheRecordsKept()
    {
        var today = Tongxin.Web.Shared.Clock.Today;
        var c = await app.ClientAsync("partyadmin");
        var page = Html.Parse(await c.GetStringAsync($"/OrgLife/Compliance?period={today.Year}"));
        var b1 = page.QuerySelector("[data-testid=compliance] tr[data-org=第一党支部]")!;
        var partyDay = b1.QuerySelector("[data-type=ThemedPartyDay]")!.TextContent;
        Assert.Contains($"{today.Month - 1}/12", partyDay);
        Assert.DoesNotContain("未召开", b1.TextContent); // nothing of the past is missing
        var b2 = page.QuerySelector("[data-testid=compliance] tr[data-org=第二党支部]")!;
        if (today.Month > 9)
        {
            Assert.Equal("未落实", b2.QuerySelector("[data-testid=unit-status]")!.TextContent.Trim());
            Assert.Contains($"支部党员大会：{today.Year}年第3季度 未召开", b2.TextContent);
        }
        var members = page.QuerySelectorAll("[data-testid=member-attendance] tbody tr");
        Assert.True(members.Length >= 18);

        var scope = await app.ScopeOfAsync("secretary2");
        using var s = app.Services.CreateScope();
        var report = await s.ServiceProvider.GetRequiredService<GetCompliance.Handler>()
            .Handle(scope, null, Period.Of(RulePeriod.Year, today), today);
        Assert.All(report!.Units, u => Assert.StartsWith("第二党支部", u.Name)); // a secretary sees only their own branch
        var expected = await app.WithDbAsync(db => (from x in db.Attendees
                                                    join a in db.Activities on x.ActivityId equals a.Id
                                                    join o in db.Organizations on a.OrgId equals o.Id
                                                    where o.Name == "第二党支部" && a.Status == ActivityStatus.Held && x.SignedInAt == null && x.Leave != LeaveStatus.Granted
                                                    select x).CountAsync());
        Assert.Equal(expected, report.Members.Sum(m => m.AbsentWithoutLeave));
    }
    [Fact]
    public async Task AMeetingJustAfterLocalMidnight_CountsInTheLocalPeriod_NotTheUtcOne()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var scope = await app.ScopeOfAsync("partyadmin");
        Task<int> HeldAsync(Period p) => app.WithDbAsync(async db =>
            (await new GetCompliance.Handler(db).Handle(scope, b1, p, new DateOnly(2026, 12, 31)))!.Units.Single(u => u.OrgId == b1)
                .Types.Single(t => t.Type == ActivityType.PartyLecture).Held);
        var q1 = Period.Of(RulePeriod.Quarter, new DateOnly(2026, 3, 1));
        var q2 = Period.Of(RulePeriod.Quarter, new DateOnly(2026, 4, 1));
        var (q1Before, q2Before) = (await HeldAsync(q1), await HeldAsync(q2));

        // Both on 2026-03-31 in UTC; in China one is the last evening of Q1, the other the first night of Q2.
        await app.WithDbAsync(async db =>
        {
            foreach (var utc in new[] { new DateTime(2026, 3, 31, 15, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 31, 16, 30, 0, DateTimeKind.Utc) })
                db.Activities.Add(new Activity
                {
                    TenantId = 1, OrgId = b1, Type = ActivityType.PartyLecture, Topic = "午夜党课", Place = "会议室", StartsAt = utc, EndsAt = utc.AddHours(1),
                    Status = ActivityStatus.Held, SignInSecret = new byte[32], CreatedBy = "test", CreatedAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(q1Before + 1, await HeldAsync(q1));
        Assert.Equal(q2Before + 1, await HeldAsync(q2));
    }
}

[Trait("Category", "Db")]
public class OrgLifeExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Ledger_IsAnXlsxOfEveryExpectedAttendeeOfTheActivitiesHeld()
    {
        var year = Tongxin.Web.Shared.Clock.Today.Year;
        var b1 = await app.OrgIdAsync("第一党支部");
        var c = await app.ClientAsync("secretary1");
        var r = await c.GetAsync($"/OrgLife/Compliance?handler=Ledger&period={year}&orgId={b1}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var rows = XlsxBuilder.Read(await r.Content.ReadAsStreamAsync());
        Assert.Equal(ExportLedger.Headers, rows[0]);
        var expected = await app.WithDbAsync(db => (from x in db.Attendees join a in db.Activities on x.ActivityId equals a.Id
                                                    where a.OrgId == b1 && a.Status == ActivityStatus.Held select x).CountAsync());
        Assert.Equal(expected, rows.Count - 1);
        Assert.All(rows.Skip(1), row => Assert.Equal("第一党支部", row[1]));
        Assert.Contains(rows, row => row[5] == "请假" && row[7] == "因公出差");
        Assert.Contains(rows, row => row[5] == "无故缺席");

        var other = await app.ClientAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/OrgLife/Compliance?handler=Ledger&period={year}&orgId={b1}")).StatusCode);
        var own = XlsxBuilder.Read(await (await other.GetAsync($"/OrgLife/Compliance?handler=Ledger&period={year}")).Content.ReadAsStreamAsync());
        Assert.All(own.Skip(1), row => Assert.StartsWith("第二党支部", row[1]));
    }

    [Fact]
    public async Task Record_ExportsAsDocx_WithTheFactsAndTheMinutes()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var activity = await app.WithDbAsync(db => db.Activities.Where(a => a.OrgId == b1 && a.Status == ActivityStatus.Held).OrderBy(a => a.Id).FirstAsync());
        var c = await app.ClientAsync("secretary1");
        var r = await c.GetAsync($"/OrgLife/Activity/{activity.Id}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await r.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("第一党支部", text);
        Assert.Contains("活动纪实", text);
        Assert.Contains(activity.Topic, text);
        Assert.Contains("会议由支部书记主持", text);
        var present = await app.WithDbAsync(db => (from x in db.Attendees join p in db.People on x.PersonId equals p.Id
                                                   where x.ActivityId == activity.Id && x.SignedInAt != null select p.Name).FirstAsync());
        Assert.Contains(present, text);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("secretary2")).GetAsync($"/OrgLife/Activity/{activity.Id}?handler=Docx")).StatusCode);
    }
}

[Trait("Category", "Db")]
public class AlertTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Job_RaisesEachAlertOnce_AndTheDashboardShowsThemInScope()
    {
        var scope = await app.ScopeOfAsync("secretary1");
        using (var s = app.Services.CreateScope())
        {
            var ends = DateTime.UtcNow.AddDays(-10);
            var plan = await s.ServiceProvider.GetRequiredService<PlanActivity.Handler>().Handle(new PlanActivity.Command
            {
                OrgId = await app.OrgIdAsync("第一党支部"), Type = ActivityType.PartyLecture, Topic = "专题党课", Place = "会议室",
                StartsAt = ends.AddHours(-2), EndsAt = ends,
            }, scope, "secretary1");
            Assert.True(plan.Ok);
        }
        var day = new DateOnly(Tongxin.Web.Shared.Clock.Today.Year, 12, 20);
        int first, second;
        using (var s = app.Services.CreateScope()) first = await s.ServiceProvider.GetRequiredService<RaiseAlerts.Handler>().RunAsync(day);
        using (var s = app.Services.CreateScope()) second = await s.ServiceProvider.GetRequiredService<RaiseAlerts.Handler>().RunAsync(day);
        Assert.True(first > 0);
        Assert.Equal(0, second);

        var alerts = await app.WithDbAsync(db => db.Alerts.Select(a => a.Message).ToListAsync());
        Assert.Contains(alerts, m => m.StartsWith("第二党支部本季度尚未召开支部党员大会"));
        Assert.Contains(alerts, m => m.StartsWith("离退休干部党支部任期已于2025-06-01届满"));
        Assert.Contains(alerts, m => m.Contains("“专题党课”已结束超过7天，尚未记录活动纪实"));

        var own = Html.Parse(await (await app.ClientAsync("secretary2")).GetStringAsync("/"));
        var reminders = own.QuerySelector("[data-testid=reminders]")!.TextContent;
        Assert.Contains("第二党支部本季度尚未召开支部党员大会", reminders);
        Assert.DoesNotContain("第一党支部", reminders);
        Assert.DoesNotContain("离退休干部党支部", reminders);

        // Once the record is written the "unrecorded" alert closes; the others stay while they hold.
        var unrecorded = await app.WithDbAsync(db => db.Activities.Where(a => a.Topic == "专题党课").Select(a => a.Id).SingleAsync());
        using (var s = app.Services.CreateScope())
        {
            Assert.True((await s.ServiceProvider.GetRequiredService<RecordActivity.Handler>().Handle(unrecorded, "已补记", null, scope, DateTime.UtcNow)).Ok);
            Assert.True((await s.ServiceProvider.GetRequiredService<ConfirmHeld.Handler>().Handle(unrecorded, scope, DateTime.UtcNow)).Ok);
        }
        using (var s = app.Services.CreateScope()) await s.ServiceProvider.GetRequiredService<RaiseAlerts.Handler>().RunAsync(day);
        var open = await app.WithDbAsync(db => db.Alerts.Where(a => a.ClosedAt == null).Select(a => a.Message).ToListAsync());
        Assert.DoesNotContain(open, m => m.Contains("专题党课"));
        Assert.Contains(open, m => m.StartsWith("第二党支部本季度尚未召开支部党员大会"));
    }
}

[Trait("Category", "Db")]
public class AttachmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<HttpResponseMessage> UploadAsync(HttpClient c, long id, byte[] bytes, string name)
    {
        var page = await c.GetStringAsync($"/OrgLife/Activity/{id}");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "upload", name);
        form.Add(new StringContent(Html.AntiForgery(page)), "__RequestVerificationToken");
        return await c.PostAsync($"/OrgLife/Activity/{id}?handler=Upload", form);
    }

    [Fact]
    public async Task PhotosAndPdfs_AreKeptOutsideTheWebRoot_AndOnlyShownInScope()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var id = await app.WithDbAsync(db => db.Activities.Where(a => a.OrgId == b1).Select(a => a.Id).FirstAsync());
        var c = await app.ClientAsync("secretary1");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(c, id, png, "合影.png")).StatusCode);
        var fake = await UploadAsync(c, id, "<html><script>alert(1)</script></html>"u8.ToArray(), "照片.png");
        Assert.Contains("只能上传 JPG、PNG 照片或 PDF 文件", await fake.Content.ReadAsStringAsync());

        var file = await app.WithDbAsync(db => db.Set<ActivityAttachment>().SingleAsync(f => f.ActivityId == id));
        Assert.Equal("image/png", file.ContentType);
        Assert.True(File.Exists(Path.Combine(app.FilesRoot, Attachments.Area, file.StoredKey)));
        var download = await c.GetAsync($"/OrgLife/Activity/{id}?handler=File&fileId={file.Id}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("合影.png", await c.GetStringAsync($"/OrgLife/Activity/{id}"));

        var other = await app.ClientAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/OrgLife/Activity/{id}?handler=File&fileId={file.Id}")).StatusCode);
        using var scope = app.Services.CreateScope();
        var refused = await scope.ServiceProvider.GetRequiredService<Attachments.Handler>()
            .AddAsync(id, "x.png", new MemoryStream(png), png.Length, await app.ScopeOfAsync("secretary2"), "secretary2");
        Assert.Equal(Tongxin.Web.Shared.ErrorKind.NotFound, refused.Error!.Kind);
    }
}
