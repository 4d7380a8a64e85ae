using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class MyTodoTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Content = "建议在老旧小区推广加装电梯，简化审批流程，明确费用分摊办法，并设立专项补贴。";

    async Task<string[]> TodoAsync(string user)
    {
        var me = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == user).Select(u => u.PersonId!.Value).SingleAsync());
        var html = Html.Parse(await (await app.ClientAsync(user)).GetStringAsync($"/People/Details/{me}"));
        return html.QuerySelectorAll("[data-testid=todo-item]").Select(a => a.TextContent.Trim()).ToArray();
    }

    [Fact]
    public async Task TheLandingPageListsWhatWaitsForThePerson_AndItGoesOnceDone()
    {
        Assert.Empty(await TodoAsync("weiyuan2"));
        var cosigner = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan2").Select(u => u.PersonId!.Value).SingleAsync());
        var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new("关于老旧小区加装电梯的建议", Content, [cosigner]), true, s, DateTime.UtcNow))).Value;
        Assert.Equal(["提案待确认联名（1）"], await TodoAsync("weiyuan2"));
        Assert.Empty(await TodoAsync("weiyuan1")); // the lead proposer has nothing to confirm
        Assert.True((await app.AsAsync<ConfirmCosign.Handler, Result<bool>>("weiyuan2", (h, s) => h.Handle(id, true, s, DateTime.UtcNow))).Ok);
        Assert.Empty(await TodoAsync("weiyuan2"));

        // An open 民主评议 of the member's branch waits for their ballot.
        var org = await app.OrgIdAsync("第一党支部");
        var round = (await app.AsAsync<OpenRound.Handler, Result<long>>("secretary1", (h, s) => h.Handle(org, Clock.Today.Year, s, "secretary1", DateTime.UtcNow))).Value;
        Assert.Equal(["民主评议待投票（1）"], await TodoAsync("member1"));
        Assert.True((await app.AsAsync<DecideGrades.Handler, Result<bool>>("secretary1", (h, s) => h.CloseVotingAsync(round, s, DateTime.UtcNow))).Ok);
        Assert.Empty(await TodoAsync("member1"));
    }
}
