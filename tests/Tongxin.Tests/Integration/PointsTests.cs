using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class PointsTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<(long ActivityId, long AttendeeId, long PersonId, string Token)> MeetingAsync(string user)
    {
        var now = DateTime.UtcNow;
        return await app.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            var activity = new Activity
            {
                TenantId = person.TenantId, OrgId = person.OrgId, Type = ActivityType.ThemedPartyDay, Topic = "主题党日：重温入党誓词",
                Place = "党员活动室", StartsAt = now.AddMinutes(-1), EndsAt = now.AddHours(2), SignInSecret = new byte[32], CreatedBy = "test", CreatedAt = now,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            var attendee = new Attendee { ActivityId = activity.Id, PersonId = personId, TenantId = person.TenantId };
            db.Attendees.Add(attendee);
            await db.SaveChangesAsync();
            return (activity.Id, attendee.Id, personId, SignInToken.Issue(activity.Id, activity.SignInSecret, now));
        });
    }

    async Task<Tongxin.Web.Shared.Result<SignIn.Done>> ScanAsync(string token, long personId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SignIn.Handler>().WithTokenAsync(token, personId, DateTime.UtcNow);
    }

    Task<List<PointEntry>> EntriesAsync(long attendeeId) =>
        app.WithDbAsync(db => db.PointEntries.Where(e => e.SourceKey == $"signin:{attendeeId}").ToListAsync());

    [Fact]
    public async Task SignIn_EarnsTheAttendancePoints_Once_WithItsSource()
    {
        var m = await MeetingAsync("member1");
        Assert.True((await ScanAsync(m.Token, m.PersonId)).Ok);
        var entry = Assert.Single(await EntriesAsync(m.AttendeeId));
        Assert.Equal((2, PointCategory.Duty, "attend-ThemedPartyDay", 0, m.ActivityId, m.PersonId),
            (entry.Points, entry.Category, entry.RuleCode, entry.RuleVersion, entry.ActivityId, entry.PersonId));
        Assert.Contains("重温入党誓词", entry.Reason);

        Assert.Equal(SignIn.Outcome.AlreadySignedIn, (await ScanAsync(m.Token, m.PersonId)).Value!.Outcome);
        Assert.Single(await EntriesAsync(m.AttendeeId));
    }

    [Fact]
    public async Task TheYearCap_CountsOnlyWhatIsLeft_AndTheEntrySaysSo()
    {
        var m = await MeetingAsync("secretary2");
        var day = Tongxin.Web.Shared.Clock.Today;
        await app.WithDbAsync(async db =>
        {
            db.PointEntries.Add(new PointEntry
            {
                TenantId = 1, PersonId = m.PersonId, Year = day.Year, Category = PointCategory.Duty, Points = 23, Reason = "此前参加主题党日",
                RuleCode = "attend-ThemedPartyDay", RuleVersion = 0, SourceKey = "test:earlier", AwardedBy = "test", On = day, At = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        Assert.True((await ScanAsync(m.Token, m.PersonId)).Ok);
        var entry = Assert.Single(await EntriesAsync(m.AttendeeId));
        Assert.Equal(1, entry.Points);
        Assert.Contains("全年上限24分，已计23分，本次计1分", entry.CapNote);
    }

    [Fact]
    public async Task WhenThePointsCannotBeSaved_TheSignInIsNotSavedEither()
    {
        var m = await MeetingAsync("member1");
        var provider = app.Services.GetRequiredService<DatabaseSettings>().Provider;
        var (create, drop) = provider == DbProvider.Postgres
            ? ("""
               CREATE FUNCTION test_refuse_points() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
               CREATE TRIGGER "TestRefusePoints" BEFORE INSERT ON "PointEntries" FOR EACH ROW EXECUTE FUNCTION test_refuse_points();
               """, """DROP TRIGGER "TestRefusePoints" ON "PointEntries"; DROP FUNCTION test_refuse_points();""")
            : ("CREATE TRIGGER TestRefusePoints BEFORE INSERT ON PointEntries BEGIN SELECT RAISE(ABORT, 'refused'); END;",
               "DROP TRIGGER TestRefusePoints;");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(create));
        try
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => ScanAsync(m.Token, m.PersonId));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }
        Assert.Null(await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == m.AttendeeId).Select(a => a.SignedInAt).SingleAsync()));
        Assert.Empty(await EntriesAsync(m.AttendeeId));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Attendee" && e.EntityId == m.AttendeeId.ToString() && e.Action == "Update")));
    }

    [Fact]
    public async Task TheLedger_IsAppendOnly_InTheDatabaseItself()
    {
        var m = await MeetingAsync("secretary1");
        Assert.True((await ScanAsync(m.Token, m.PersonId)).Ok);
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"PointEntries\" SET \"Points\" = 99")));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"PointEntries\"")));
        Assert.Equal(2, Assert.Single(await EntriesAsync(m.AttendeeId)).Points);
    }
}

[Trait("Category", "Db")]
public class WithdrawSignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Withdrawal_ClearsTheSignIn_AndReversesItsPoints_AndOnlyTheBranchMayDoIt()
    {
        var now = DateTime.UtcNow;
        var (activityId, attendeeId, personId) = await app.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync();
            var person = await db.People.SingleAsync(p => p.Id == personId);
            var activity = new Activity
            {
                TenantId = person.TenantId, OrgId = person.OrgId, Type = ActivityType.BranchMeeting, Topic = "支部党员大会", Place = "会议室",
                StartsAt = now.AddMinutes(-5), EndsAt = now.AddHours(1), SignInSecret = new byte[32], CreatedBy = "test", CreatedAt = now,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            var attendee = new Attendee { ActivityId = activity.Id, PersonId = personId, TenantId = person.TenantId };
            db.Attendees.Add(attendee);
            await db.SaveChangesAsync();
            return (activity.Id, attendee.Id, personId);
        });
        using (var s = app.Services.CreateScope())
            Assert.True((await s.ServiceProvider.GetRequiredService<SignIn.Handler>().ManualAsync(activityId, personId, "纸质签到", await app.ScopeOfAsync("secretary1"), now)).Ok);

        async Task<Tongxin.Web.Shared.Result<bool>> WithdrawAsync(string user, string? reason)
        {
            using var s = app.Services.CreateScope();
            return await s.ServiceProvider.GetRequiredService<WithdrawSignIn.Handler>().Handle(activityId, personId, reason, await app.ScopeOfAsync(user), user, now);
        }
        Assert.False((await WithdrawAsync("secretary2", "代签")).Ok); // another branch's secretary
        Assert.Equal("撤销签到须说明原因", (await WithdrawAsync("secretary1", " ")).Error!.Message);
        Assert.True((await WithdrawAsync("secretary1", "代签")).Ok);

        Assert.Null(await app.WithDbAsync(db => db.Attendees.Where(a => a.Id == attendeeId).Select(a => a.SignedInAt).SingleAsync()));
        var entries = await app.WithDbAsync(db => db.PointEntries.Where(e => e.SourceKey == $"signin:{attendeeId}").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([2, -2], entries.Select(e => e.Points));
        Assert.Equal(entries[0].Id, entries[1].Reverses);
        Assert.Equal(("secretary1", "撤销签到：代签"), (entries[1].AwardedBy, entries[1].Reason));
        Assert.Equal("此人尚未签到，无需撤销", (await WithdrawAsync("secretary1", "再次")).Error!.Message);

        // Signed in again, the points come back once.
        using (var s = app.Services.CreateScope())
            Assert.True((await s.ServiceProvider.GetRequiredService<SignIn.Handler>().ManualAsync(activityId, personId, "补登", await app.ScopeOfAsync("secretary1"), now)).Ok);
        Assert.Equal(2, await app.WithDbAsync(db => db.PointEntries.Where(e => e.SourceKey == $"signin:{attendeeId}").SumAsync(e => e.Points)));
    }
}

[Trait("Category", "Db")]
public class ManualAwardTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<T> AsAsync<T>(string user, Func<ManualAward.Handler, Tongxin.Web.Infrastructure.Auth.Scope, Task<T>> work)
    {
        var scope = await app.ScopeOfAsync(user);
        using var s = app.Services.CreateScope();
        return await work(s.ServiceProvider.GetRequiredService<ManualAward.Handler>(), scope);
    }

    [Fact]
    public async Task AnAward_CountsOnlyAfterAnotherAuthorisedPersonApproves()
    {
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        var now = DateTime.UtcNow;

        var foreign = await AsAsync("secretary2", (h, s) => h.ProposeAsync(member, "award", "市级优秀党员", null, s, "secretary2", now));
        Assert.Equal("无权为此人加减分", foreign.Error!.Message);
        var notManual = await AsAsync("secretary1", (h, s) => h.ProposeAsync(member, "attend-ThemedPartyDay", "补记", null, s, "secretary1", now));
        Assert.Equal("请选择可手工加减分的规则项", notManual.Error!.Message);

        var proposed = await AsAsync("secretary1", (h, s) => h.ProposeAsync(member, "award", "获评市级优秀共产党员", "市委文件〔2026〕12号", s, "secretary1", now));
        Assert.True(proposed.Ok);
        Task<List<PointEntry>> EntriesAsync() => app.WithDbAsync(db => db.PointEntries.Where(e => e.SourceKey == $"proposal:{proposed.Value}").ToListAsync());
        Assert.Empty(await EntriesAsync()); // not counted yet

        var self = await AsAsync("secretary1", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "secretary1", now));
        Assert.Equal("加减分须由提出人以外的人审核", self.Error!.Message);
        var otherBranch = await AsAsync("secretary2", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "secretary2", now));
        Assert.False(otherBranch.Ok);
        Assert.Empty(await EntriesAsync());
        Assert.DoesNotContain(await AsAsync("secretary2", (h, s) => h.PendingAsync(s, "secretary2")), p => p.Id == proposed.Value);
        Assert.True(Assert.Single(await AsAsync("secretary1", (h, s) => h.PendingAsync(s, "secretary1")), p => p.Id == proposed.Value).Mine);

        Assert.True((await AsAsync("partyadmin", (h, s) => h.DecideAsync(proposed.Value, true, "同意", s, "partyadmin", now))).Ok);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((5, PointCategory.Appraisal, "secretary1", "partyadmin"), (entry.Points, entry.Category, entry.AwardedBy, entry.ApprovedBy));
        Assert.Contains("获评市级优秀共产党员", entry.Reason);
        Assert.Equal("该申请已处理", (await AsAsync("partyadmin", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "partyadmin", now))).Error!.Message);
    }

    [Fact]
    public async Task AGroupLeader_ProposesForTheirGroupOnly_ItemsAboveTheirLevelAreRefused_AndTheyCannotApprove()
    {
        var now = DateTime.UtcNow;
        var (ownGroup, otherGroup) = await app.WithDbAsync(async db =>
        {
            var groups = await db.Organizations.Where(o => o.Name == "第一党支部第一党小组" || o.Name == "第一党支部第二党小组").ToDictionaryAsync(o => o.Name, o => o.Id);
            var leader = await db.Users.Where(u => u.UserName == "groupleader1").Select(u => u.PersonId).SingleAsync();
            var secretary = await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.PersonId).SingleAsync();
            var own = await db.People.Where(p => p.PartyGroupId == groups["第一党支部第一党小组"] && p.Id != leader && p.Id != secretary)
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var other = await db.People.Where(p => p.PartyGroupId == groups["第一党支部第二党小组"]).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            return (own, other);
        });

        Assert.Equal("无权为此人加减分", (await AsAsync("groupleader1", (h, s) => h.ProposeAsync(otherGroup, "award", "获评先进", "文件", s, "groupleader1", now))).Error!.Message);
        Assert.Equal("该规则项须由上级党组织提出", (await AsAsync("groupleader1", (h, s) => h.ProposeAsync(ownGroup, "breach", "违反纪律", "通报", s, "groupleader1", now))).Error!.Message);
        Assert.Equal("该规则项须由上级党组织提出", (await AsAsync("secretary1", (h, s) => h.ProposeAsync(ownGroup, "breach", "违反纪律", "通报", s, "secretary1", now))).Error!.Message);

        var proposed = await AsAsync("groupleader1", (h, s) => h.ProposeAsync(ownGroup, "award", "获评局先进工作者", "局文件〔2026〕3号", s, "groupleader1", now));
        Assert.True(proposed.Ok);
        Assert.True(Assert.Single(await AsAsync("groupleader1", (h, s) => h.PendingAsync(s, "groupleader1")), p => p.Id == proposed.Value).Mine);
        Assert.Equal(ErrorKind.NotFound, (await AsAsync("groupleader1", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "groupleader1", now))).Error!.Kind);
        Assert.True((await AsAsync("secretary1", (h, s) => h.DecideAsync(proposed.Value, true, null, s, "secretary1", now))).Ok);
        var entry = await app.WithDbAsync(db => db.PointEntries.SingleAsync(e => e.SourceKey == $"proposal:{proposed.Value}"));
        Assert.Equal(("groupleader1", "secretary1", ownGroup), (entry.AwardedBy, entry.ApprovedBy, entry.PersonId));
    }
}

[Trait("Category", "Db")]
public class PointsOverviewTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Overview_TotalsEachMemberFromTheLedger_WithinTheViewersSubtree_AndExportsTheYear()
    {
        var year = Tongxin.Web.Shared.Clock.Today.Year;
        var (member, other) = await app.WithDbAsync(async db =>
        {
            var member = await db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync();
            var other = await db.Users.Where(u => u.UserName == "secretary2").Select(u => u.PersonId!.Value).SingleAsync();
            foreach (var (person, category, points) in new[] { (member, PointCategory.Duty, 2), (member, PointCategory.Conduct, -2), (member, PointCategory.Study, 3), (other, PointCategory.Duty, 1) })
                db.PointEntries.Add(new PointEntry
                {
                    TenantId = 1, PersonId = person, Year = year, Category = category, Points = points, Reason = "测试", SourceKey = $"test:{Guid.NewGuid():N}",
                    AwardedBy = "test", On = new DateOnly(year, 3, 1), At = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
            return (member, other);
        });

        var secretary = await app.ScopeOfAsync("secretary1");
        var view = await app.WithDbAsync(db => new GetPointsOverview.Handler(db).Handle(secretary, year));
        var row = Assert.Single(view.Members, m => m.PersonId == member);
        Assert.Equal((63, 2, -2, 3), (row.Total, row.ByCategory[PointCategory.Duty], row.ByCategory[PointCategory.Conduct], row.ByCategory[PointCategory.Study]));
        Assert.DoesNotContain(view.Members, m => m.PersonId == other); // another branch
        Assert.All(view.Members, m => Assert.StartsWith("第一党支部", m.OrgName));
        var branch = Assert.Single(view.Branches, b => b.OrgName == "第一党支部");
        Assert.Equal(view.Members.Count(m => m.OrgName == "第一党支部"), branch.Members);
        Assert.Equal(63, branch.Max);

        var c = await app.ClientAsync("secretary1");
        var sheet = XlsxBuilder.Read(await (await c.GetAsync($"/Points?handler=Xlsx&year={year}")).Content.ReadAsStreamAsync());
        Assert.Equal(["姓名", "所在组织", "学习积分", "履责积分", "品行积分", "考评积分", "年度总分"], sheet[0]);
        Assert.Contains(sheet, r => r.SequenceEqual([row.Name, row.OrgName, "3", "2", "-2", "0", "63"]));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await app.ClientAsync("member1")).GetAsync("/Points")).StatusCode);
    }
}

[Trait("Category", "Db")]
public class PointRulesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AYearIsAdoptedFromTheDefaults_ChangedByNewVersions_ThenLocked_AllAudited()
    {
        var c = await app.ClientAsync("partyadmin");
        Assert.Contains("现按系统默认规则计分", await c.GetStringAsync("/Points/Rules?year=2027"));
        var r = await Html.PostFormAsync(c, "/Points/Rules?year=2027", "/Points/Rules?handler=Adopt&year=2027", new());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode);
        var items = await app.WithDbAsync(db => db.PointRuleItems.Where(i => db.PointRuleSets.Any(s => s.Id == i.RuleSetId && s.Year == 2027)).ToListAsync());
        Assert.Equal(PointRuleBook.Defaults.Count, items.Count);
        Assert.All(items, i => Assert.Equal((1, new DateOnly(2027, 1, 1)), (i.Version, i.EffectiveFrom)));

        r = await Html.PostFormAsync(c, "/Points/Rules?year=2027", "/Points/Rules?handler=Change&year=2027", new()
        {
            ["Code"] = "attend-ThemedPartyDay", ["Points"] = "3", ["Cap"] = "30", ["Active"] = "true", ["From"] = "2027-07-01",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode);
        var book = await app.WithDbAsync(db => PointRuleBook.LoadAsync(db, 1, 2027));
        Assert.Equal((1, 2), (book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2027, 6, 30))!.Version, book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2027, 6, 30))!.Points));
        Assert.Equal((2, 3, 30), (book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2027, 7, 1))!.Version,
            book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2027, 7, 1))!.Points, book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2027, 7, 1))!.Cap));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "PointRuleItem" && e.UserName == "partyadmin" && e.After!.Contains("\"Version\":2"))));

        var locked = await Html.PostFormAsync(c, "/Points/Rules?year=2027", "/Points/Rules?handler=Lock&year=2027", new());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, locked.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.PointRuleSets.Where(s => s.Year == 2027).Select(s => s.LockedAt).SingleAsync()));
        // The locked page has no form any more, so the antiforgery token comes from another page of the same user.
        var page = await Html.PostFormAsync(c, "/Points/Awards", "/Points/Rules?handler=Change&year=2027", new()
        {
            ["Code"] = "attend-ThemedPartyDay", ["Points"] = "5", ["Active"] = "true", ["From"] = "2027-08-01",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("该年度规则已锁定，不能修改", await page.Content.ReadAsStringAsync());
        await c.GetAsync("/Points/Rules?culture=en"); // the same refusal, read in English
        page = await Html.PostFormAsync(c, "/Points/Awards", "/Points/Rules?handler=Change&year=2027", new()
        {
            ["Code"] = "attend-ThemedPartyDay", ["Points"] = "5", ["Active"] = "true", ["From"] = "2027-08-01",
        });
        Assert.Contains("This year&#x27;s rules are locked and cannot be changed", await page.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await app.ClientAsync("secretary1")).GetAsync("/Points/Rules")).StatusCode);
    }
}

[Trait("Category", "Db")]
public class AbsencePointsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RecordingAMeeting_DeductsForAbsenceWithoutLeave_AndALaterSignInOrGrantedLeaveReversesIt()
    {
        var now = DateTime.UtcNow;
        var ids = await app.WithDbAsync(async db =>
        {
            var b1 = await db.Organizations.Where(o => o.Name == "第一党支部").Select(o => o.Id).SingleAsync();
            var people = await db.People.Where(p => p.OrgId == b1 && p.PartyStatus != Tongxin.Web.Features.People.PartyStatus.None).OrderBy(p => p.Id).Take(3).ToListAsync();
            var activity = new Activity
            {
                TenantId = 1, OrgId = b1, Type = ActivityType.GroupStudy, Topic = "集中学习", Place = "会议室",
                StartsAt = now.AddHours(-2), EndsAt = now.AddHours(-1), SignInSecret = new byte[32], CreatedBy = "test", CreatedAt = now,
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            var attendees = people.Select((p, i) => new Attendee
            {
                ActivityId = activity.Id, PersonId = p.Id, TenantId = 1, SignedInAt = i == 0 ? now.AddHours(-2) : null,
                Method = i == 0 ? SignInMethod.Qr : SignInMethod.None, Leave = i == 2 ? LeaveStatus.Requested : LeaveStatus.None,
            }).ToList();
            db.Attendees.AddRange(attendees);
            await db.SaveChangesAsync();
            return (Activity: activity.Id, Present: attendees[0], Absent: attendees[1], AskedLeave: attendees[2]);
        });
        var secretary = await app.ScopeOfAsync("secretary1");
        async Task<T> With<T>(Func<IServiceProvider, Task<T>> work) { using var s = app.Services.CreateScope(); return await work(s.ServiceProvider); }
        Task<List<int>> PointsOf(Attendee a) => app.WithDbAsync(db => db.PointEntries.Where(e => e.SourceKey == $"absent:{a.Id}").OrderBy(e => e.Id).Select(e => e.Points).ToListAsync());

        Assert.True((await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(ids.Activity, "## 学习", null, secretary, now))).Ok);
        Assert.Empty(await PointsOf(ids.Absent)); // the minutes are a draft: nobody is absent yet
        Assert.True((await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(ids.Activity, secretary, now))).Ok);
        Assert.Empty(await PointsOf(ids.Present));
        Assert.Equal([-2], await PointsOf(ids.Absent));
        Assert.Equal([-2], await PointsOf(ids.AskedLeave)); // asked, not granted: still absent

        // Recording again, or confirming twice (a double click), does not deduct twice.
        Assert.True((await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(ids.Activity, "## 学习（补充）", null, secretary, now))).Ok);
        Assert.Equal("活动已确认召开", (await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(ids.Activity, secretary, now))).Error!.Message);
        Assert.Equal([-2], await PointsOf(ids.Absent));

        // A paper sheet shows the absentee was there; leave for the other is granted after all.
        Assert.True((await With(sp => sp.GetRequiredService<SignIn.Handler>().ManualAsync(ids.Activity, ids.Absent.PersonId, "纸质签到", secretary, now))).Ok);
        Assert.Equal([-2, 2], await PointsOf(ids.Absent));
        Assert.Equal(1, await app.WithDbAsync(db => db.PointEntries.CountAsync(e => e.SourceKey == $"signin:{ids.Absent.Id}")));
        Assert.True((await With(sp => sp.GetRequiredService<Leave.Handler>().DecideAsync(ids.AskedLeave.Id, true, secretary, "secretary1"))).Ok);
        Assert.Equal([-2, 2], await PointsOf(ids.AskedLeave));
    }
}

[Trait("Category", "Db")]
public class RecomputeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AfterARuleChange_ThePreviewListsEachChange_AndApplyingItGivesTheFreshTotals()
    {
        var year = Tongxin.Web.Shared.Clock.Today.Year;
        var now = DateTime.UtcNow;
        async Task<T> With<T>(Func<IServiceProvider, Task<T>> work) { using var s = app.Services.CreateScope(); return await work(s.ServiceProvider); }
        Assert.True((await With(sp => sp.GetRequiredService<EditPointRules.Handler>().AdoptAsync(1, year))).Ok);

        var (person, attendees) = await app.WithDbAsync(async db =>
        {
            var person = await db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync();
            var org = await db.People.Where(p => p.Id == person).Select(p => p.OrgId).SingleAsync();
            var list = new List<Attendee>();
            foreach (var daysAgo in new[] { 30, 20, 10 })
            {
                var a = new Activity
                {
                    TenantId = 1, OrgId = org, Type = ActivityType.ThemedPartyDay, Topic = $"主题党日{daysAgo}", Place = "活动室",
                    StartsAt = now.AddDays(-daysAgo), EndsAt = now.AddDays(-daysAgo).AddHours(2), SignInSecret = new byte[32], CreatedBy = "test", CreatedAt = now,
                };
                db.Activities.Add(a);
                await db.SaveChangesAsync();
                var x = new Attendee { ActivityId = a.Id, PersonId = person, TenantId = 1 };
                db.Attendees.Add(x);
                await db.SaveChangesAsync();
                list.Add(x);
            }
            return (person, list);
        });
        var secretary = await app.ScopeOfAsync("secretary1");
        foreach (var a in attendees)
            Assert.True((await With(sp => sp.GetRequiredService<SignIn.Handler>().ManualAsync(a.ActivityId, person, "纸质签到", secretary, now))).Ok);
        Task<int> TotalAsync() => app.WithDbAsync(db => db.PointEntries.Where(e => e.PersonId == person && e.SourceKey.StartsWith("signin:")).SumAsync(e => e.Points));
        Assert.Equal(6, await TotalAsync());

        // 主题党日 becomes +3 with a cap of 7 from the start of the year.
        Assert.True((await With(sp => sp.GetRequiredService<EditPointRules.Handler>().ChangeItemAsync(1, year, "attend-ThemedPartyDay", 3, 7, true, new DateOnly(year, 1, 1)))).Ok);
        var preview = await With(sp => sp.GetRequiredService<RecomputePoints.Handler>().PreviewAsync(1, year));
        Assert.Equal([(2, 3), (2, 3), (2, 1)], preview.Where(c => c.PersonId == person).Select(c => (c.OldPoints, c.NewPoints!.Value)));
        Assert.All(preview, c => Assert.Equal(("attend-ThemedPartyDay v1", "attend-ThemedPartyDay v2"), (c.OldRule, c.NewRule)));
        Assert.Contains("全年上限7分", preview[^1].Why);

        // A fresh computation of the same sign-ins under the new rules, by the pure rules alone.
        var book = await app.WithDbAsync(db => PointRuleBook.LoadAsync(db, 1, year));
        var item = book.ForAttendance(ActivityType.ThemedPartyDay, Tongxin.Web.Shared.Clock.Today)!;
        int fresh = 0;
        foreach (var _ in attendees) fresh += PointRuleBook.ApplyCap(item, fresh).Points;

        Assert.Equal(3, await With(sp => sp.GetRequiredService<RecomputePoints.Handler>().ApplyAsync(1, year, "partyadmin", now)));
        Assert.Equal(fresh, await TotalAsync());
        Assert.Equal(7, fresh);
        Assert.Empty(await With(sp => sp.GetRequiredService<RecomputePoints.Handler>().PreviewAsync(1, year)));
        Assert.Equal(9, await app.WithDbAsync(db => db.PointEntries.CountAsync(e => e.PersonId == person && e.SourceKey.StartsWith("signin:"))));
    }
}
