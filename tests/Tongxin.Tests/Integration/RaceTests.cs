using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>Numbers and edits under two users at once (issue 11 point 20).</summary>
[Trait("Category", "Db")]
public class RaceTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Content = "建议统筹推进老旧小区加装电梯，简化审批流程，并对低收入家庭给予补贴。";

    [Fact]
    public async Task ProposalsRegisteredAtTheSameMoment_GetDistinctConsecutiveNumbers()
    {
        var year = Clock.Today.Year;
        var ids = new List<long>();
        for (var i = 0; i < 6; i++)
            ids.Add((await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1",
                (h, s) => h.Handle(null, new($"关于老旧小区加装电梯的建议（{i}）", Content, []), true, s, DateTime.UtcNow))).Value);
        var before = await app.WithDbAsync(db => ProposalNumber.HighestAsync(db, db.Proposals.Single(p => p.Id == ids[0]).TenantId, year, default));

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office",
            (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow)))));

        Assert.All(results, r => Assert.True(r.Ok, r.Error?.Message));
        var numbers = await app.WithDbAsync(db => db.Proposals.Where(p => ids.Contains(p.Id)).Select(p => p.Number!).ToListAsync());
        var expected = Enumerable.Range(before + 1, ids.Count).Select(n => ProposalNumber.Format(year, n));
        Assert.Equal(expected, numbers.Order());
    }

    [Fact]
    public async Task TwoSecretariesEditTheSamePerson_TheSecondIsToldInsteadOfOverwriting()
    {
        var person = await app.PersonInAsync("第二党支部");
        var first = await app.ClientAsync("partyadmin");
        var second = await app.ClientAsync("partyadmin");
        var url = $"/People/Edit/{person.Id}";
        var formA = Html.Parse(await first.GetStringAsync(url));
        var formB = Html.Parse(await second.GetStringAsync(url));
        var a = Html.FormFields(formA);
        var b = Html.FormFields(formB);
        Assert.Equal(a["Input.Version"], b["Input.Version"]);

        a["Input.Phone"] = "13900000001";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync(url, new FormUrlEncodedContent(a))).StatusCode);
        b["Input.Phone"] = "13900000002";
        var refused = await second.PostAsync(url, new FormUrlEncodedContent(b));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Versioned.ChangedMeanwhile, page);

        var saved = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal("13900000001", saved.Phone);
        Assert.Equal(int.Parse(a["Input.Version"]) + 1, saved.Version);

        // After a refresh the second secretary edits the new version.
        var fresh = Html.FormFields(Html.Parse(await second.GetStringAsync(url)));
        fresh["Input.Phone"] = "13900000002";
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync(url, new FormUrlEncodedContent(fresh))).StatusCode);
        Assert.Equal("13900000002", await app.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Phone).SingleAsync()));
    }

    [Fact]
    public async Task AnOrganisationRenamedMeanwhile_IsNotSilentlyRenamedBack()
    {
        var id = await app.OrgIdAsync("离退休干部党支部");
        var org = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        UpdateOrganization.Command Rename(string name) => new(id, name, org.Type, org.StartDate, org.EndDate, org.TermStart, org.Version);

        Assert.True((await app.AsAsync<UpdateOrganization.Handler, Result<long>>("partyadmin", (h, s) => h.Handle(Rename("离退休干部党支部（老干部活动中心）"), s))).Ok);
        var stale = await app.AsAsync<UpdateOrganization.Handler, Result<long>>("partyadmin", (h, s) => h.Handle(Rename("离退休干部党支部"), s));
        Assert.Equal((ErrorKind.Conflict, Versioned.ChangedMeanwhile), (stale.Error!.Kind, stale.Error.Message));
        Assert.Equal("离退休干部党支部（老干部活动中心）", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
        var back = await app.AsAsync<UpdateOrganization.Handler, Result<long>>("partyadmin", (h, s) =>
            h.Handle(Rename("离退休干部党支部") with { Version = org.Version + 1 }, s));
        Assert.True(back.Ok);
    }

    [Fact]
    public async Task ADraftSavedFromAnotherTab_IsNotOverwrittenByTheOlderTab()
    {
        var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan2",
            (h, s) => h.Handle(null, new("关于完善社区养老服务的建议", Content, []), false, s, DateTime.UtcNow))).Value;
        var version = await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        Assert.True((await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan2",
            (h, s) => h.Handle(id, new("关于完善社区居家养老服务的建议", Content, [], version), false, s, DateTime.UtcNow))).Ok);
        var older = await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan2",
            (h, s) => h.Handle(id, new("关于完善社区养老服务的建议（旧）", Content, [], version), true, s, DateTime.UtcNow));
        Assert.Equal(Versioned.ChangedMeanwhile, older.Error!.Message);
        var saved = await app.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("关于完善社区居家养老服务的建议", ProposalStatus.Draft), (saved.Title, saved.Status));
    }

    [Fact]
    public async Task AFormThatLostItsVersion_IsRefusedLikeAStaleOne()
    {
        var person = await app.PersonInAsync("经济界别党支部");
        var c = await app.ClientAsync("partyadmin");
        var url = $"/People/Edit/{person.Id}";
        foreach (var version in new string?[] { null, "", "abc", "99999999999" })
        {
            var fields = Html.FormFields(Html.Parse(await c.GetStringAsync(url)));
            if (version is null) fields.Remove("Input.Version"); else fields["Input.Version"] = version;
            fields["Input.Phone"] = "13700000009";
            var r = await c.PostAsync(url, new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains(Versioned.ChangedMeanwhile, await r.Content.ReadAsStringAsync());
        }
        Assert.NotEqual("13700000009", await app.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Phone).SingleAsync()));

        var draft = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1",
            (h, s) => h.Handle(null, new("关于规范停车收费的建议", Content, []), false, s, DateTime.UtcNow))).Value;
        var member = await app.ClientAsync("weiyuan1");
        var form = Html.FormFields(Html.Parse(await member.GetStringAsync($"/Proposals/Edit/{draft}")), "[data-testid=proposal-form]");
        form["Version"] = "abc";
        form["Title"] = "关于规范停车收费的建议（改）";
        var refused = await member.PostAsync($"/Proposals/Edit/{draft}", new FormUrlEncodedContent(form));
        Assert.Contains(Versioned.ChangedMeanwhile, await refused.Content.ReadAsStringAsync());
        Assert.Equal("关于规范停车收费的建议", await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == draft).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task ADoubleClickOnANewPersonOrANewProposal_MakesOneRecord()
    {
        var c = await app.ClientAsync("partyadmin");
        var form = Html.FormFields(Html.Parse(await c.GetStringAsync("/People/Edit")));
        Assert.True(FormSubmission.IsKey(form["Input.FormKey"]));
        form["Input.Name"] = "双击测试";
        form["Input.OrgId"] = (await app.OrgIdAsync("第二党支部")).ToString();
        var both = await Task.WhenAll(c.PostAsync("/People/Edit", new FormUrlEncodedContent(form)), c.PostAsync("/People/Edit", new FormUrlEncodedContent(form)));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(both[0].Headers.Location, both[1].Headers.Location); // both land on the one person
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Name == "双击测试")));

        var member = await app.ClientAsync("weiyuan2");
        var proposal = Html.FormFields(Html.Parse(await member.GetStringAsync("/Proposals/Edit")), "[data-testid=proposal-form]");
        proposal["Title"] = "关于双击提交的建议";
        proposal["Body"] = Content;
        proposal["submit"] = "true";
        var twice = await Task.WhenAll(member.PostAsync("/Proposals/Edit", new FormUrlEncodedContent(proposal)), member.PostAsync("/Proposals/Edit", new FormUrlEncodedContent(proposal)));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Proposals.CountAsync(p => p.Title == "关于双击提交的建议")));
    }

    [Fact]
    public async Task ControlCharactersPastedIntoANameAreDropped_SoTheNameStillMatches()
    {
        var id = await app.OrgIdAsync("提案委员会功能型党支部");
        var org = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.True((await app.AsAsync<UpdateOrganization.Handler, Result<long>>("partyadmin",
            (h, s) => h.Handle(new(id, "提案委员会\v功能型\u0000党支部", org.Type, org.StartDate, org.EndDate, org.TermStart, org.Version), s))).Ok);
        Assert.Equal("提案委员会功能型党支部", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleAsync()));
    }
}
