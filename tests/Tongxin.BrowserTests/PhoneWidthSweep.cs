using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

/// <summary>
/// At 390×844 no page a member, a secretary or a CPPCC member can reach scrolls sideways (issue 12 point 6): every
/// menu entry, and every page linked from those pages' content, opened and measured.
/// </summary>
[Collection("browser")]
public class PhoneWidthSweep(BrowserFixture f)
{
    const int MaxPages = 45;

    [Theory]
    [InlineData("member1")]
    [InlineData("secretary1")]
    [InlineData("weiyuan1")]
    public async Task NoPageIsWiderThanThePhone(string user)
    {
        var page = await f.NewPageAsync(user, phone: true);
        var menu = await page.Locator("[data-testid=menu] a.nav-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        var queue = new Queue<string>(menu.Append("/Todo").Append("/Notices").Append("/Feedback").Append("/Account/Password").Append("/Search?q=党"));
        var seen = new HashSet<string>();
        var wide = new List<string>();
        while (queue.Count > 0 && seen.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path)) continue;
            var response = await page.GotoAsync(path);
            if (response is null || response.Status != 200) continue;
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
            {
                wide.Add($"{path}: {width}px");
                await BrowserFixture.ShotAsync(page, $"wide-{user}-{seen.Count}");
            }
            if (menu.Contains(path))
                foreach (var link in await page.Locator("main a[href^='/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
                    if (!link.Contains("handler=") && !link.StartsWith("/OrgLife/Screen") && !seen.Contains(link)) queue.Enqueue(link);
        }
        Assert.True(seen.Count >= 10, $"only {seen.Count} pages reached");
        Assert.True(wide.Count == 0, $"{user}: wider than 390px — " + string.Join("; ", wide));
        await page.Context.CloseAsync();
    }
}
