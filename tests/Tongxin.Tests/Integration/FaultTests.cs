using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>Odd input and a missing database answer in Chinese with the right status, never a bare 500.</summary>
[Trait("Category", "Db")]
public class FaultTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/Duty/Files?Year=0")]
    [InlineData("/Points?Year=99999")]
    [InlineData("/Stars?year=-1")]
    [InlineData("/Proposals?Year=1")]
    [InlineData("/Appraisal?year=12345")]
    public async Task AnOddYear_Answers400WithAMessage(string url)
    {
        var c = await app.ClientAsync("partyadmin");
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("应在 2000 至 2100 之间", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AHugePageNumber_IsAnEmptyPage()
    {
        var c = await app.ClientAsync("partyadmin");
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/People?page=2147483647")).StatusCode);
        var api = await c.GetFromJsonAsync<JsonElement>("/api/people?page=2147483647&pageSize=200");
        Assert.Empty(api.GetProperty("items").EnumerateArray());
        Assert.True(api.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("auditor")).GetAsync("/Audit?PageNumber=2147483647")).StatusCode);
    }

    [Fact]
    public async Task AMegabyteProposal_IsRefusedWithAMessage_AndNothingIsSaved()
    {
        var before = await app.WithDbAsync(db => db.Proposals.CountAsync());
        var huge = new string('议', 1_000_000);
        var r = await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new("关于超长内容的提案", huge, []), true, s, DateTime.UtcNow));
        Assert.Equal("提案内容不能超过 10000 字", r.Error!.Message);
        Assert.Equal("Content", r.Error.Field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task AnOverlongReviewNoteOrStaffPost_IsAFieldMessage_NotAnErrorPage()
    {
        var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1",
            (h, s) => h.Handle(null, new("关于审查意见长度的建议", "建议对审查意见的长度作出限制，避免超长文本导致页面出错并丢失已填写的内容。", []), true, s, DateTime.UtcNow))).Value;
        var review = await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office",
            (h, s) => h.Handle(id, ProposalAction.Refuse, new string('理', 600), null, s, "office", DateTime.UtcNow));
        Assert.Equal(("审查意见不能超过 500 字", "Note"), (review.Error!.Message, review.Error.Field));
        Assert.Null(await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.ReviewNote).SingleAsync()));

        var person = await app.PersonInAsync("第一党支部");
        var c = await app.ClientAsync("partyadmin");
        var form = Html.FormFields(Html.Parse(await c.GetStringAsync($"/People/Edit/{person.Id}")));
        form["Input.StaffPost"] = new string('职', 100_000);
        var r = await c.PostAsync($"/People/Edit/{person.Id}", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("机关职务不能超过 50 字", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MegabyteMinutes_AreRefusedWithAMessage()
    {
        var activity = await app.WithDbAsync(db => db.Activities.Where(a => a.Status == ActivityStatus.Held).Select(a => a.Id).FirstAsync());
        var r = await app.AsAsync<RecordActivity.Handler, Result<long>>("partyadmin", (h, s) => h.Handle(activity, new string('记', 1_000_000), null, s, DateTime.UtcNow));
        Assert.Equal("会议记录不能超过 50000 字", r.Error!.Message);
    }

    [Fact]
    public async Task ATextLongerThanItsColumn_Answers400InChinese_EvenWhereNoHandlerChecksIt()
    {
        // A leave reason has a 200-character column; the API takes any string.
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        var start = DateTime.UtcNow.AddDays(5);
        var planned = await app.AsAsync<PlanActivity.Handler, Result<long>>("secretary1", async (h, s) => await h.Handle(new PlanActivity.Command
        {
            OrgId = await app.OrgIdAsync("第一党支部"), Type = ActivityType.ThemedPartyDay, Topic = "主题党日", Place = "活动室", StartsAt = start, EndsAt = start.AddHours(2),
        }, s, "secretary1"));
        var c = await app.ClientAsync("member1");
        var r = await c.PostAsJsonAsync($"/api/orglife/activities/{planned.Value}/leave", new { reason = new string('因', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("输入内容过长：请假事由不能超过 200 字", problem.GetProperty("title").GetString());
        Assert.Equal(Web.Features.OrgLife.LeaveStatus.None, await app.WithDbAsync(db => db.Attendees.Where(a => a.ActivityId == planned.Value && a.PersonId == member).Select(a => a.Leave).SingleAsync()));
    }

    [PostgresFact]
    public async Task WithTheDatabaseGone_PagesAndApiAnswer503InChinese_AndRecoverByThemselves()
    {
        var c = await app.ClientAsync("partyadmin");
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/People")).StatusCode);
        var name = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database!;
        async Task Admin(string sql)
        {
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("TONGXIN_TEST_PG"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        await Admin($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        try
        {
            var page = await c.GetAsync("/People");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("数据库暂时不可用，请稍后再试", await page.Content.ReadAsStringAsync());
            var api = await c.GetAsync("/api/people");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("数据库暂时不可用，请稍后再试", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        finally
        {
            await Admin($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/People")).StatusCode);
    }
}
