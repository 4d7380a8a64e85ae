using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Feedback;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>投诉建议 (issue 12 point 9): every user sends; the system administrator of the unit answers once; the sender reads it.</summary>
[Trait("Category", "Db")]
public class FeedbackTests(AppFactory app) : IClassFixture<AppFactory>
{
    static Dictionary<string, string> Form(string kind, string subject, string body, string key) => new()
    {
        ["Input.Kind"] = kind, ["Input.Subject"] = subject, ["Input.Body"] = body, ["FormKey"] = key,
    };

    [Fact]
    public async Task AMemberSendsOnce_EvenOnADoubleClick_TheAdministratorAnswers_AndTheMemberReadsTheAnswerAndANotice()
    {
        var member = await app.ClientAsync("member1");
        var page = await member.GetStringAsync("/Feedback");
        var key = Html.Parse(page).QuerySelector("input[name=FormKey]")!.GetAttribute("value")!;
        var token = Html.AntiForgery(page);
        async Task<HttpResponseMessage> Post(Dictionary<string, string> f)
        {
            f["__RequestVerificationToken"] = token;
            return await member.PostAsync("/Feedback", new FormUrlEncodedContent(f));
        }
        var bad = await Post(Form("Suggestion", "签到", "好", key));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("请写明具体内容（不少于5个字）", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(Form("Suggestion", "签到二维码太小", "会议室投影上的签到二维码太小，后排的同志扫不上，建议放大。", key))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(Form("Suggestion", "签到二维码太小", "会议室投影上的签到二维码太小，后排的同志扫不上，建议放大。", key))).StatusCode);
        var items = await app.WithDbAsync(db => db.Feedback.Where(f => f.Subject == "签到二维码太小").ToListAsync());
        var item = Assert.Single(items);
        Assert.Equal((FeedbackKind.Suggestion, FeedbackStatus.Open, "member1"), (item.Kind, item.Status, item.UserName));

        // Only the system administrator answers; others are refused and change nothing.
        foreach (var user in new[] { "partyadmin", "secretary1", "member1", "auditor", "security" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync(user)).GetAsync("/Feedback/Manage")).StatusCode);
        Assert.Equal(ErrorKind.NotFound, (await app.AsAsync<AnswerFeedback.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(item.Id, "已处理", s, "partyadmin"))).Error!.Kind);
        var admin = await app.ClientAsync("admin");
        Assert.Contains("签到二维码太小", await admin.GetStringAsync("/Feedback/Manage?status=Open"));

        Assert.True((await app.AsAsync<AnswerFeedback.Handler, Result<bool>>("admin", (h, s) => h.Handle(item.Id, "已在下一版本放大签到二维码，并可全屏显示。", s, "admin"))).Ok);
        var second = await app.AsAsync<AnswerFeedback.Handler, Result<bool>>("admin", (h, s) => h.Handle(item.Id, "另一个答复", s, "admin"));
        Assert.Equal("该意见已答复", second.Error!.Message);
        var answered = await app.WithDbAsync(db => db.Feedback.SingleAsync(f => f.Id == item.Id));
        Assert.Equal(("已在下一版本放大签到二维码，并可全屏显示。", "admin"), (answered.Answer, answered.AnsweredBy));

        Assert.Contains("已在下一版本放大签到二维码", await member.GetStringAsync("/Feedback"));
        var person = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        Assert.Contains(await app.WithDbAsync(db => db.Notices.Where(n => n.PersonId == person).Select(n => n.Text).ToListAsync()),
            t => t == "您提出的建议“签到二维码太小”已答复");
        Assert.DoesNotContain("已在下一版本放大签到二维码", await (await app.ClientAsync("secretary1")).GetStringAsync("/Feedback"));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(FeedbackItem) && a.EntityId == item.Id.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["Create", "Update"], audited);
    }

    [Fact]
    public async Task TwoAdministratorsAnsweringAtOnce_LeaveOneAnswer()
    {
        var sent = await app.AsAsync<SendFeedback.Handler, Result<long>>("secretary2", async (h, s) =>
            await h.Handle(new(FeedbackKind.Complaint, "导出很慢", "年底导出积分台账要等很久，希望改进。", null), s.UserId!, "secretary2", await app.OrgIdAsync("江州市政协")));
        Assert.True(sent.Ok, sent.Error?.Message);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            app.AsAsync<AnswerFeedback.Handler, Result<bool>>("admin", (h, s) => h.Handle(sent.Value, $"答复{i}：已优化导出。", s, "admin"))));
        Assert.Single(results, r => r.Ok);
        var notices = await app.WithDbAsync(db => db.Notices.CountAsync(n => n.Text == "您提出的投诉“导出很慢”已答复"));
        Assert.Equal(1, notices);
    }

    [Fact]
    public async Task AnUnknownKindIsRefused_AndASecondAnswerSaysItWasAnsweredAlready()
    {
        var member = await app.ClientAsync("member1");
        var page = await member.GetStringAsync("/Feedback");
        var key = Html.Parse(page).QuerySelector("input[name=FormKey]")!.GetAttribute("value")!;
        var bad = await member.PostAsync("/Feedback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiForgery(page), ["Input.Kind"] = "Foo", ["Input.Subject"] = "类别测试", ["Input.Body"] = "这是一条类别无效的意见内容。", ["FormKey"] = key,
        }));
        Assert.Contains("请选择类别（建议或投诉）", await bad.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Feedback.AnyAsync(f => f.Subject == "类别测试")));

        var sent = await app.AsAsync<SendFeedback.Handler, Result<long>>("member1", async (h, s) =>
            await h.Handle(new(FeedbackKind.Suggestion, "菜单太长", "左侧菜单项目太多，希望能折叠。", null), s.UserId!, "member1", await app.OrgIdAsync("江州市政协")));
        Assert.True((await app.AsAsync<AnswerFeedback.Handler, Result<bool>>("admin", (h, s) => h.Handle(sent.Value, "已按模块分组。", s, "admin"))).Ok);
        var admin = await app.ClientAsync("admin");
        var again = await Html.PostFormAsync(admin, "/Feedback/Manage", $"/Feedback/Manage?handler=Answer&id={sent.Value}", new() { ["Answer"] = "第二次答复" });
        Assert.Contains("该意见已答复", await again.Content.ReadAsStringAsync());
    }
}
