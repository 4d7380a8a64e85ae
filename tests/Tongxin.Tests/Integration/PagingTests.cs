using System.Net;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

/// <summary>No page grows without bound (issue 11 point 23): lists page on the server; a page past the end is empty, never a 500.</summary>
[Trait("Category", "Db")]
public class PagingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("partyadmin", "/Points?p=2147483647&bp=2147483647", "[data-testid=points-members] tbody tr")]
    [InlineData("partyadmin", "/OrgLife?p=2147483647", "tr[data-activity]")]
    [InlineData("office", "/Proposals?p=2147483647", "[data-testid=office] tr[data-proposal]")]
    [InlineData("office", "/Opinions?p=2147483647", "[data-testid=office] tr[data-opinion]")]
    [InlineData("admin", "/Admin/Users?p=2147483647", "[data-testid=users] tbody tr")]
    public async Task APageFarPastTheEnd_IsAnEmptyPage(string user, string url, string rows)
    {
        var c = await app.ClientAsync(user);
        var response = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll(rows));
    }

    [Fact]
    public async Task ThePointsOverview_ShowsFiftyMembersAPage_AndEveryMemberOnSomePage()
    {
        // More members than a page holds: 40 more in the first branch.
        var branchId = await app.OrgIdAsync("第一党支部");
        await app.WithDbAsync(async db =>
        {
            var tenant = db.Organizations.Single(o => o.Id == branchId).TenantId;
            for (var i = 0; i < 40; i++)
                db.People.Add(new Tongxin.Web.Features.People.Person
                {
                    TenantId = tenant, OrgId = branchId, Name = $"分页党员{i:00}", NameInitials = $"FYDY{i:00}",
                    PartyStatus = Tongxin.Web.Features.People.PartyStatus.Full, JoinedDate = new DateOnly(2010, 7, 1), CreatedAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        var c = await app.ClientAsync("partyadmin");
        var first = Html.Parse(await c.GetStringAsync("/Points"));
        var shown = first.QuerySelectorAll("[data-testid=points-members] tbody tr").Select(r => r.GetAttribute("data-person")).ToList();
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(first.Body!.TextContent, @"共 (\d+) 人").Groups[1].Value);
        Assert.True(total > 50, $"the demo has {total} members in the party administrator's scope");
        Assert.Equal(50, shown.Count);
        Assert.NotNull(first.QuerySelector("[data-testid=member-pager]"));

        var all = new List<string?>(shown);
        for (var p = 2; p <= (total + 49) / 50; p++)
            all.AddRange(Html.Parse(await c.GetStringAsync($"/Points?p={p}")).QuerySelectorAll("[data-testid=points-members] tbody tr").Select(r => r.GetAttribute("data-person")));
        Assert.Equal(total, all.Distinct().Count());

        // A branch of the distribution opens its members only.
        var branch = first.QuerySelector("[data-testid=points-branches] tbody tr")!.GetAttribute("data-org")!;
        var filtered = Html.Parse(await c.GetStringAsync($"/Points?branch={Uri.EscapeDataString(branch)}"));
        Assert.All(filtered.QuerySelectorAll("[data-testid=points-members] tbody tr td:nth-child(2)"), td => Assert.Equal(branch, td.TextContent));
    }
}
