using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>Minutes are a draft; 确认召开 holds the meeting (host never absent); a plan can be changed or cancelled until then.</summary>
[Trait("Category", "Db")]
public class MeetingFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    async Task<T> With<T>(Func<IServiceProvider, Task<T>> work) { using var s = app.Services.CreateScope(); return await work(s.ServiceProvider); }

    async Task<(long Id, long Host, List<long> People)> PlanAsync(DateTime startsUtc)
    {
        var secretary = await app.ScopeOfAsync("secretary1");
        var b1 = await app.OrgIdAsync("第一党支部");
        var people = await app.WithDbAsync(db => db.People.Where(p => p.OrgId == b1 && p.PartyStatus != Web.Features.People.PartyStatus.None).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var host = secretary.PersonId!.Value;
        var r = await With(sp => sp.GetRequiredService<PlanActivity.Handler>().Handle(new PlanActivity.Command
        {
            OrgId = b1, Type = ActivityType.ThemedPartyDay, Topic = "主题党日：学习条例", Place = "党员活动室",
            StartsAt = startsUtc, EndsAt = startsUtc.AddHours(2), HostPersonId = host,
        }, secretary, "secretary1"));
        Assert.True(r.Ok, r.Error?.Message);
        return (r.Value, host, people);
    }

    Task<int> DeductionsAsync(long activity) => app.WithDbAsync(db => db.PointEntries.CountAsync(e => e.ActivityId == activity && e.SourceKey.StartsWith("absent:")));

    [Fact]
    public async Task SavingMinutesAtTheStart_HoldsNothing_ConfirmingCountsTheAbsentButNotTheHost()
    {
        var now = DateTime.UtcNow;
        var (id, host, people) = await PlanAsync(now.AddMinutes(-1));
        var secretary = await app.ScopeOfAsync("secretary1");
        Assert.Equal("请先填写并保存会议记录", (await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, now))).Error!.Message);

        Assert.True((await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(id, "## 议程\n学习条例", null, secretary, now))).Ok);
        var activity = await app.WithDbAsync(db => db.Activities.SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityStatus.Planned, activity.Status);
        Assert.Equal(0, await DeductionsAsync(id));
        var c = await app.ClientAsync("secretary1");
        var page = await c.GetStringAsync($"/OrgLife/Activity/{id}");
        Assert.Contains("未签到", page);
        Assert.DoesNotContain(">缺席<", page);
        var docx = await (await c.GetAsync($"/OrgLife/Activity/{id}?handler=Docx")).Content.ReadAsByteArrayAsync();
        var text = Docx(docx);
        Assert.Contains("未签到人员", text);
        Assert.DoesNotContain("缺席人员", text);
        Assert.Contains("第一党支部主题党日活动纪实", text);

        // Confirming: everyone but the host, none signed in, is absent; a second click changes nothing.
        Assert.True((await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, now))).Ok);
        Assert.Equal(people.Count - 1, await DeductionsAsync(id));
        Assert.Equal(0, await app.WithDbAsync(db => db.PointEntries.CountAsync(e => e.ActivityId == id && e.PersonId == host && e.SourceKey.StartsWith("absent:"))));
        Assert.Equal("活动已确认召开", (await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, now))).Error!.Message);
        Assert.Equal(people.Count - 1, await DeductionsAsync(id));
        Assert.Contains("缺席人员", Docx(await (await c.GetAsync($"/OrgLife/Activity/{id}?handler=Docx")).Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task ConfirmingBeforeTheStart_IsRefused_AndAnotherBranchCannotConfirm()
    {
        var (id, _, _) = await PlanAsync(DateTime.UtcNow.AddHours(2));
        var secretary = await app.ScopeOfAsync("secretary1");
        Assert.True((await With(sp => sp.GetRequiredService<RecordActivity.Handler>().Handle(id, "提前准备的议程", null, secretary, DateTime.UtcNow))).Ok);
        Assert.Equal("活动尚未开始，不能确认召开", (await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, DateTime.UtcNow))).Error!.Message);
        var other = await app.ScopeOfAsync("secretary2");
        Assert.Equal(ErrorKind.NotFound, (await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, other, DateTime.UtcNow.AddHours(3)))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await With(sp => sp.GetRequiredService<CancelActivity.Handler>().Handle(id, "误操作", other, DateTime.UtcNow))).Error!.Kind);
        var s2 = await app.ClientAsync("secretary2");
        Assert.Equal(HttpStatusCode.NotFound, (await s2.GetAsync($"/OrgLife/Change/{id}")).StatusCode);
        Assert.Equal(ActivityStatus.Planned, await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task APlanIsChangedOrCancelledUntilHeld_AndAttendeesSeeIt()
    {
        var start = DateTime.UtcNow.AddDays(2);
        var (id, _, people) = await PlanAsync(start);
        var secretary = await app.ScopeOfAsync("secretary1");
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        Assert.Contains(member, people);

        var moved = await With(sp => sp.GetRequiredService<ChangeActivity.Handler>().Handle(new ChangeActivity.Command
        {
            ActivityId = id, Topic = "主题党日：学习条例", Place = "机关五楼会议室", StartsAt = start.AddDays(1), EndsAt = start.AddDays(1).AddHours(2),
        }, secretary, DateTime.UtcNow));
        Assert.True(moved.Ok, moved.Error?.Message);
        var a = await app.WithDbAsync(db => db.Activities.SingleAsync(x => x.Id == id));
        Assert.Equal("机关五楼会议室", a.Place);
        Assert.Equal(start.AddDays(1), a.StartsAt, TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds
        Assert.Contains("地点由“党员活动室”改为“机关五楼会议室”", a.ChangeNote);
        var mine = await (await app.ClientAsync("member1")).GetStringAsync("/OrgLife/Mine");
        Assert.Contains("机关五楼会议室", mine);
        Assert.Contains("已变更", mine);

        // A member cannot change it; a reason is needed to cancel.
        var memberScope = await app.ScopeOfAsync("member1");
        Assert.False((await With(sp => sp.GetRequiredService<CancelActivity.Handler>().Handle(id, "不想开", memberScope, DateTime.UtcNow))).Ok);
        Assert.Equal("请填写取消原因", (await With(sp => sp.GetRequiredService<CancelActivity.Handler>().Handle(id, " ", secretary, DateTime.UtcNow))).Error!.Message);
        Assert.True((await With(sp => sp.GetRequiredService<CancelActivity.Handler>().Handle(id, "与市委全会时间冲突", secretary, DateTime.UtcNow))).Ok);
        mine = await (await app.ClientAsync("member1")).GetStringAsync("/OrgLife/Mine");
        Assert.Contains("与市委全会时间冲突", mine);
        Assert.Equal("活动已取消，不能再变更", (await With(sp => sp.GetRequiredService<ChangeActivity.Handler>().Handle(new ChangeActivity.Command
        {
            ActivityId = id, Topic = "x", Place = "y", StartsAt = start, EndsAt = start.AddHours(1),
        }, secretary, DateTime.UtcNow))).Error!.Message);
        Assert.Equal("活动已取消，不能确认召开", (await With(sp => sp.GetRequiredService<ConfirmHeld.Handler>().Handle(id, secretary, start.AddDays(5)))).Error!.Message);
    }

    static string Docx(byte[] file)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(file), false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }
}
