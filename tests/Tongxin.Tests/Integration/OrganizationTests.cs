using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Organizations;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class OrganizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    Task<T> Handler<T>(Func<IServiceProvider, Task<T>> f) where T : notnull
    {
        var scope = app.Services.CreateScope();
        return f(scope.ServiceProvider);
    }

    [Fact]
    public async Task DemoTree_HasEveryRequiredKindOfOrganisation()
    {
        var types = await app.WithDbAsync(db => db.Organizations.Select(o => o.Type).ToListAsync());
        foreach (var t in new[] { OrgType.CityCppcc, OrgType.LeadingPartyGroup, OrgType.OrganPartyGroup, OrgType.OrganPartyCommittee,
                     OrgType.RetireeBranch, OrgType.FunctionalBranch, OrgType.SectorBranch, OrgType.PartyGroup, OrgType.TemporaryBranch })
            Assert.Contains(t, types);
        Assert.True(types.Count(t => t == OrgType.OrganBranch) >= 2);
        var temp = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Type == OrgType.TemporaryBranch));
        Assert.NotNull(temp.StartDate);
        Assert.NotNull(temp.EndDate);
        var functional = await app.OrgIdAsync("提案委员会功能型党支部");
        Assert.Equal(3, await app.WithDbAsync(db => db.People.CountAsync(p => p.OrgId == functional)));
        Assert.True(await app.WithDbAsync(db => db.People.CountAsync()) >= 60);
    }

    [Fact]
    public async Task TreePage_ShowsScopedTree_AndSearchKeepsAncestors()
    {
        var admin = await app.ClientAsync("admin");
        var all = await admin.GetStringAsync("/Organizations");
        Assert.Contains("江州市政协", all);
        Assert.Contains("离退休干部党支部", all);
        var found = Html.Parse(await admin.GetStringAsync("/Organizations?q=" + Uri.EscapeDataString("功能型")));
        var names = found.QuerySelectorAll("[data-org-id] > details > summary > a, [data-org-id] > .leaf > a").Select(a => a.TextContent).ToList();
        Assert.Contains("提案委员会功能型党支部", names);
        Assert.Contains("中共江州市政协机关委员会", names); // an ancestor stays so the match has context
        Assert.DoesNotContain("第二党支部", names);

        var secretary = await app.ClientAsync("secretary2");
        var own = await secretary.GetStringAsync("/Organizations");
        Assert.Contains("第二党支部", own);
        Assert.DoesNotContain("第一党支部", own);
    }

    [Fact]
    public async Task Create_Edit_Move_AndClose_ThroughThePages()
    {
        var c = await app.ClientAsync("partyadmin");
        var committee = await app.OrgIdAsync("中共江州市政协机关委员会");
        var r = await Html.PostFormAsync(c, $"/Organizations/Edit?parentId={committee}", "/Organizations/Edit", new()
        {
            ["Input.ParentId"] = committee.ToString(), ["Input.Name"] = "第三党支部", ["Input.Type"] = "OrganBranch", ["Input.TermStart"] = "2026-01-05",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var id = await app.OrgIdAsync("第三党支部");
        var org = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == id));
        Assert.Equal($"/{string.Join('/', OrgTree.AncestorIds(org.Path))}/", org.Path);
        Assert.EndsWith($"/{committee}/{id}/", org.Path);

        // A child group, then move the branch under 第一党支部 and back: descendants follow.
        r = await Html.PostFormAsync(c, $"/Organizations/Edit?parentId={id}", "/Organizations/Edit", new()
        {
            ["Input.ParentId"] = id.ToString(), ["Input.Name"] = "第三党支部党小组", ["Input.Type"] = "PartyGroup",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var group = await app.OrgIdAsync("第三党支部党小组");
        var b1 = await app.OrgIdAsync("第一党支部");
        r = await Html.PostFormAsync(c, $"/Organizations/Details/{id}", $"/Organizations/Details/{id}?handler=Move", new() { ["NewParentId"] = b1.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var groupPath = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == group).Select(o => o.Path).SingleAsync());
        Assert.Contains($"/{b1}/{id}/{group}/", groupPath);

        // Never into its own subtree.
        r = await Html.PostFormAsync(c, $"/Organizations/Details/{id}", $"/Organizations/Details/{id}?handler=Move", new() { ["NewParentId"] = group.ToString() });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("不能将组织移动到其自身或其下级组织之下", await r.Content.ReadAsStringAsync());

        // Closing refuses while a child is open, then succeeds bottom-up.
        r = await Html.PostFormAsync(c, $"/Organizations/Details/{id}", $"/Organizations/Details/{id}?handler=Close", new());
        Assert.Contains("还有未撤销的下级组织", await r.Content.ReadAsStringAsync());
        r = await Html.PostFormAsync(c, $"/Organizations/Details/{group}", $"/Organizations/Details/{group}?handler=Close", new());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        r = await Html.PostFormAsync(c, $"/Organizations/Details/{id}", $"/Organizations/Details/{id}?handler=Close", new());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == id).Select(o => o.ClosedAt).SingleAsync()));
        Assert.DoesNotContain("第三党支部", await c.GetStringAsync("/Organizations"));
    }

    [Fact]
    public async Task Create_WithoutName_ReshowsFormWithChineseError()
    {
        var c = await app.ClientAsync("partyadmin");
        var committee = await app.OrgIdAsync("中共江州市政协机关委员会");
        var r = await Html.PostFormAsync(c, $"/Organizations/Edit?parentId={committee}", "/Organizations/Edit", new()
        {
            ["Input.ParentId"] = committee.ToString(), ["Input.Name"] = "", ["Input.Type"] = "TemporaryBranch",
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("请填写组织名称", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SecretaryCannotCreateOrMove()
    {
        var c = await app.ClientAsync("secretary1");
        var b1 = await app.OrgIdAsync("第一党支部");
        Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync($"/Organizations/Edit?parentId={b1}")).StatusCode);
        var result = await Handler(async sp => await sp.GetRequiredService<MoveOrganization.Handler>()
            .Handle(new MoveOrganization.Command(b1, await app.OrgIdAsync("中共江州市政协党组")), await app.ScopeOfAsync("secretary1")));
        Assert.False(result.Ok);
    }

    [Fact]
    public async Task BranchDetail_ShowsCommittee_TermAndFlags()
    {
        var c = await app.ClientAsync("admin");
        var b1 = await c.GetStringAsync($"/Organizations/Details/{await app.OrgIdAsync("第一党支部")}");
        var doc = Html.Parse(b1);
        var committee = doc.QuerySelector("[data-testid=committee]")!.TextContent;
        Assert.Contains("书记", committee);
        Assert.Contains("纪检委员", committee);
        Assert.Equal("2027-03-15", doc.QuerySelector("[data-testid=re-election]")!.TextContent.Trim());
        Assert.Empty(doc.QuerySelectorAll("[data-testid=branch-flag]"));

        var retirees = Html.Parse(await c.GetStringAsync($"/Organizations/Details/{await app.OrgIdAsync("离退休干部党支部")}"));
        Assert.Contains(retirees.QuerySelectorAll("[data-testid=branch-flag]"), f => f.TextContent.Contains("应设立支部委员会"));
    }

    [Fact]
    public async Task CommitteeSeat_OnlyForFullMembersOfTheBranch()
    {
        var scope = await app.ScopeOfAsync("partyadmin");
        var b2 = await app.OrgIdAsync("第二党支部");
        var outsider = await app.PersonInAsync("离退休干部党支部");
        var r = await Handler(sp => sp.GetRequiredService<SetCommitteeSeat.Handler>().Add(b2, outsider.Id, CommitteePost.PublicityMember, scope));
        Assert.Equal("只能从本支部党员中选任", r.Error!.Message);
        var probationary = await app.WithDbAsync(db => db.People.FirstAsync(p => p.OrgId == b2 && p.PartyStatus == Tongxin.Web.Features.People.PartyStatus.Probationary));
        r = await Handler(sp => sp.GetRequiredService<SetCommitteeSeat.Handler>().Add(b2, probationary.Id, CommitteePost.PublicityMember, scope));
        Assert.Equal("预备党员不能担任支部委员", r.Error!.Message);
    }
}
