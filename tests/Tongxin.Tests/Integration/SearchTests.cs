using System.Net;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Features.Search;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>The top bar's search (issue 12 point 5) finds only what the user may open.</summary>
[Trait("Category", "Db")]
public class SearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    Task<SearchRecords.View> Search(string user, string q) => app.AsAsync<SearchRecords.Handler, SearchRecords.View>(user, (h, s) => h.Handle(s, q));

    [Fact]
    public async Task ASecretaryFindsTheirBranchsPeopleByNameAndInitials_AndNeverAnotherBranchs()
    {
        var own = await app.PersonInAsync("第一党支部");
        var other = await app.PersonInAsync("第二党支部");
        Assert.Contains((await Search("secretary1", own.Name)).People, h => h.Url == $"/People/Details/{own.Id}");
        Assert.Contains((await Search("secretary1", own.NameInitials.ToUpperInvariant())).People, h => h.Url == $"/People/Details/{own.Id}");
        Assert.DoesNotContain((await Search("secretary1", other.Name)).People, h => h.Url == $"/People/Details/{other.Id}");
        Assert.DoesNotContain((await Search("secretary2", own.Name)).People, h => h.Url == $"/People/Details/{own.Id}");
        Assert.Contains((await Search("partyadmin", other.Name)).People, h => h.Url == $"/People/Details/{other.Id}");
        Assert.Empty((await Search("member1", other.Name)).People);
        Assert.Empty((await Search("unit1", other.Name)).People);

        var page = await (await app.ClientAsync("secretary2")).GetStringAsync($"/Search?q={Uri.EscapeDataString(own.Name)}");
        Assert.DoesNotContain($"/People/Details/{own.Id}\"", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("auditor")).GetAsync("/Search?q=a")).StatusCode);
    }

    [Fact]
    public async Task ProposalsAndActivitiesAreFoundByThoseWhoMayOpenThem_ADraftByItsAuthorAlone()
    {
        const string title = "关于建设城市慢行绿道系统的建议";
        var draft = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) =>
            h.Handle(null, new(title, "建议结合河道整治建设慢行绿道，串联公园和社区，方便市民健身出行。", []), false, s, DateTime.UtcNow))).Value;
        Assert.Contains((await Search("weiyuan1", "慢行绿道")).Proposals, h => h.Url == $"/Proposals/Details/{draft}");
        foreach (var user in new[] { "weiyuan2", "office", "unit1", "leader" })
            Assert.Empty((await Search(user, "慢行绿道")).Proposals);
        var version = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Proposals.Where(p => p.Id == draft).Select(p => p.Version)));
        var submitted = await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) =>
            h.Handle(draft, new(title, "建议结合河道整治建设慢行绿道，串联公园和社区，方便市民健身出行。", [], version), true, s, DateTime.UtcNow));
        Assert.True(submitted.Ok, submitted.Error?.Message);
        Assert.Contains((await Search("office", "慢行绿道")).Proposals, h => h.Url == $"/Proposals/Details/{draft}");
        Assert.Empty((await Search("weiyuan2", "慢行绿道")).Proposals);
        Assert.Empty((await Search("unit1", "慢行绿道")).Proposals);

        // The demo's held meetings: the branches' own, and a member's own through their attendance.
        Assert.NotEmpty((await Search("secretary2", "主题党日")).Activities);
        var b1Topics = (await Search("secretary1", "主题党日")).Activities;
        Assert.All((await Search("secretary2", "主题党日")).Activities, h => Assert.Contains("第二党支部", h.Detail));
        Assert.All(b1Topics, h => Assert.Contains("第一党支部", h.Detail));
        Assert.NotEmpty((await Search("member1", "主题党日")).Activities);
        Assert.Empty((await Search("unit1", "主题党日")).Activities);
    }

    [Fact]
    public async Task RecordPagesLinkOnlyToOrganisationsTheViewerMayOpen()
    {
        var member = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value)));
        var own = await (await app.ClientAsync("member1")).GetStringAsync($"/People/Details/{member}");
        Assert.DoesNotContain("/Organizations/Details/", own);
        var b1 = await app.OrgIdAsync("第一党支部");
        var city = await app.OrgIdAsync("江州市政协");
        var org = await (await app.ClientAsync("partyadmin")).GetStringAsync($"/Organizations/Details/{b1}");
        Assert.DoesNotContain($"/Organizations/Details/{city}\"", org);
        Assert.Contains("江州市政协", org);
    }
}
