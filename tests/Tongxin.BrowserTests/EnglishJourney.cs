using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tongxin.Tests.Support;

namespace Tongxin.BrowserTests;

/// <summary>The English UI in a real browser (issue 12 point 8): every menu page of four roles shows no Chinese but data.</summary>
[Collection("browser")]
public partial class EnglishJourney(BrowserFixture f)
{
    [GeneratedRegex(@"[\u3400-\u9fff]+")] private static partial Regex Han();

    const string VisibleText = """
        () => {
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const out = [];
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                const e = n.parentElement;
                if (!e || e.closest('script, style, body [lang], [translate=no]')) continue;
                if (n.textContent.trim()) out.push(n.textContent);
            }
            return out;
        }
        """;

    [Theory]
    [InlineData("partyadmin")]
    [InlineData("secretary1")]
    [InlineData("member1")]
    [InlineData("office")]
    public async Task EveryMenuPageInEnglishShowsNoChineseButData(string user)
    {
        var page = await f.NewPageAsync(user);
        await page.GotoAsync("/?culture=en&ui-culture=en");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        if (user == "partyadmin") await BrowserFixture.ShotAsync(page, "50-dashboard-english");
        var menu = await page.Locator("[data-testid=menu] a.nav-link").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.True(menu.Length >= 4);
        var problems = new List<string>();
        foreach (var path in menu)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var data = await DataCorpus.ReadAsync(f.App);
            foreach (var text in await page.EvaluateAsync<string[]>(VisibleText))
                problems.AddRange(Han().Matches(text).Select(m => m.Value).Where(run => !data.Contains(run)).Select(run => $"{path}: {run}"));
        }
        Assert.True(problems.Count == 0, $"{user}: " + string.Join("; ", problems.Distinct().Take(40)));
        await page.Context.CloseAsync();
    }
}
