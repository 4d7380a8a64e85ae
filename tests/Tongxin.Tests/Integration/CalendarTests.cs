using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>The organisational-life month calendar (issue 12 point 5): each activity on its local day, within the user's scope.</summary>
[Trait("Category", "Db")]
public class CalendarTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EachActivityStandsOnItsDay_AndOnlyTheUsersOwn()
    {
        var month = Clock.Today.AddMonths(-1);
        var code = $"{month.Year}-{month.Month:00}";
        var b1 = await app.OrgIdAsync("第一党支部");
        var (from, to) = (Clock.ToUtc(new DateTime(month.Year, month.Month, 1)), Clock.ToUtc(new DateTime(month.Year, month.Month, 1).AddMonths(1)));
        var own = await app.WithDbAsync(db => db.Activities.Where(a => a.OrgId == b1 && a.StartsAt >= from && a.StartsAt < to).ToListAsync());
        Assert.NotEmpty(own);

        var page = Html.Parse(await (await app.ClientAsync("secretary1")).GetStringAsync($"/OrgLife?view=calendar&period={code}"));
        var days = page.QuerySelectorAll("[data-testid=calendar] [data-day]");
        Assert.Equal(0, days.Length % 7);
        foreach (var a in own)
        {
            var day = DateOnly.FromDateTime(Clock.ToLocal(a.StartsAt)).ToString("yyyy-MM-dd");
            var cell = page.QuerySelector($"[data-day='{day}']")!;
            Assert.NotNull(cell.QuerySelector($"a[href='/OrgLife/Activity/{a.Id}']"));
        }
        var other = Html.Parse(await (await app.ClientAsync("secretary2")).GetStringAsync($"/OrgLife?view=calendar&period={code}"));
        Assert.All(own, a => Assert.Null(other.QuerySelector($"a[href='/OrgLife/Activity/{a.Id}']")));
        Assert.NotEmpty(other.QuerySelectorAll("[data-testid=calendar] a.calendar-item"));

        // A year or quarter asked for as a calendar shows one month of it.
        var year = Html.Parse(await (await app.ClientAsync("secretary1")).GetStringAsync($"/OrgLife?view=calendar&period={Clock.Today.Year}"));
        Assert.InRange(year.QuerySelectorAll("[data-testid=calendar] [data-day]").Length, 28, 42);
    }

    [Fact]
    public async Task TheListFiltersByTypeAndStatus_AndSortsOldestFirst()
    {
        var c = await app.ClientAsync("secretary1");
        var year = Clock.Today.Year;
        var lectures = Html.Parse(await c.GetStringAsync($"/OrgLife?period={year}&type=PartyLecture")).QuerySelectorAll("[data-testid=activities] tbody tr[data-activity]");
        Assert.NotEmpty(lectures);
        var ids = lectures.Select(r => long.Parse(r.GetAttribute("data-activity")!)).ToList();
        var types = await app.WithDbAsync(db => db.Activities.Where(a => ids.Contains(a.Id)).Select(a => a.Type).Distinct().ToListAsync());
        Assert.Equal([Tongxin.Web.Features.OrgLife.ActivityType.PartyLecture], types);
        Assert.Empty(Html.Parse(await c.GetStringAsync($"/OrgLife?period={year}&type=PartyLecture&status=Cancelled")).QuerySelectorAll("[data-testid=activities] tbody tr[data-activity]"));

        async Task<List<DateTime>> Starts(string sort)
        {
            var rows = Html.Parse(await c.GetStringAsync($"/OrgLife?period={year}&sort={sort}")).QuerySelectorAll("[data-testid=activities] tbody tr[data-activity]")
                .Select(r => long.Parse(r.GetAttribute("data-activity")!)).ToList();
            var at = await app.WithDbAsync(db => db.Activities.Where(a => rows.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.StartsAt));
            return rows.Select(r => at[r]).ToList();
        }
        var oldest = await Starts("asc");
        Assert.Equal(oldest.Order(), oldest);
        var newest = await Starts("");
        Assert.Equal(newest.OrderDescending(), newest);
    }

    [Theory]
    [InlineData("/OrgLife?view=calendar&period=0001-01")]
    [InlineData("/OrgLife?view=calendar&period=9999-12")]
    [InlineData("/OrgLife?view=calendar&period=9999-Q4")]
    [InlineData("/OrgLife?period=9999")]
    [InlineData("/OrgLife/Compliance?period=9999")]
    [InlineData("/OrgLife/Compliance?period=9999-12")]
    public async Task PeriodsAtTheEdgesOfTheCalendarFallBackToTheDefault(string url)
    {
        var r = await (await app.ClientAsync("secretary2")).GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(Clock.Today.Year.ToString(), await r.Content.ReadAsStringAsync());
    }
}
