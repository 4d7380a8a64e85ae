using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

/// <summary>Each role's 工作台 with its charts drawn, and a chart segment followed to the records behind it.</summary>
[Collection("browser")]
public class DashboardJourney(BrowserFixture f)
{
    /// <summary>Clicks the data point <paramref name="index"/> of the first series of a chart where ECharts drew it.</summary>
    static async Task ClickSegmentAsync(IPage page, string chartId, int index, int below = 4)
    {
        var canvas = page.Locator($"[data-chart='{chartId}-data']");
        var point = await canvas.EvaluateAsync<double[]>("""
            (el, i) => {
                const chart = echarts.getInstanceByDom(el);
                const spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
                const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [i, spec.series[0].values[i]]);
                return [x, y];
            }
            """, index);
        var box = (await canvas.BoundingBoxAsync())!;
        // Just inside the top of a bar, or on a line's point.
        await page.Mouse.ClickAsync((float)(box.X + point[0]), (float)(box.Y + point[1] + below));
    }

    static async Task<int> IndexOfLabelAsync(IPage page, string chartId, string label) =>
        await page.EvaluateAsync<int>($"JSON.parse(document.getElementById('{chartId}-data').textContent).labels.indexOf('{label}')");

    [Fact]
    public async Task TheAdministratorsChartsAreDrawn_AndABranchsBarOpensItsCompliance()
    {
        var page = await f.NewPageAsync("partyadmin");
        await Assertions.Expect(page.GetByTestId("panel-party")).ToBeVisibleAsync();
        foreach (var chart in new[] { "compliance", "attendance", "stars" })
            await Assertions.Expect(page.Locator($"[data-chart='{chart}-data'][data-drawn=true]")).ToHaveCountAsync(1);
        await BrowserFixture.ShotAsync(page, "40-dashboard-partyadmin");
        var index = await IndexOfLabelAsync(page, "compliance", "第一党支部");
        Assert.True(index >= 0);
        await ClickSegmentAsync(page, "compliance", index);
        await page.WaitForURLAsync(url => url.Contains("/OrgLife/Compliance?orgId="));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("第一党支部");
        await BrowserFixture.ShotAsync(page, "41-chart-followed-to-compliance");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSecretarySeesWhatTheBranchOwes_AndAMonthOnTheAttendanceLineOpensThatMonthsMeetings()
    {
        var page = await f.NewPageAsync("secretary1");
        await Assertions.Expect(page.GetByTestId("branch-owed")).ToContainTextAsync("支部党员大会");
        await Assertions.Expect(page.Locator("[data-chart='attendance-data'][data-drawn=true]")).ToHaveCountAsync(1);
        await BrowserFixture.ShotAsync(page, "42-dashboard-secretary");
        await ClickSegmentAsync(page, "attendance", 0, below: 0);
        await page.WaitForURLAsync(url => url.Contains("/OrgLife?orgId=") && url.Contains($"period={DateTime.Today.Year}-01"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCppccOfficeAndAMemberOnAPhoneSeeTheirOwnPanels()
    {
        var office = await f.NewPageAsync("office");
        await Assertions.Expect(office.GetByTestId("panel-cppcc")).ToBeVisibleAsync();
        await Assertions.Expect(office.GetByTestId("proposal-rates")).ToContainTextAsync("按期办复率");
        await BrowserFixture.ShotAsync(office, "43-dashboard-office");
        await office.Context.CloseAsync();

        var member = await f.NewPageAsync("member1", phone: true);
        await Assertions.Expect(member.GetByTestId("panel-mine")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("my-todo")).ToBeVisibleAsync();
        var width = await member.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the dashboard is {width}px wide on a 390px phone");
        await BrowserFixture.ShotAsync(member, "44-dashboard-member-phone");
        await member.Context.CloseAsync();
    }
}
