using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

/// <summary>
/// One language at a time (issue 12 point 8): every page each role reaches, in English and in Chinese, holds no text
/// of the other script outside names and data — anything that is not a value kept in the database is UI text and
/// must come through the localiser.
/// </summary>
public partial class LanguageSweepTests(AppFactory app) : IClassFixture<AppFactory>
{
    const int MaxPages = 40;
    static readonly string[] Users = ["partyadmin", "secretary1", "member1", "office", "weiyuan1", "unit1", "auditor", "admin", "security"];

    /// <summary>Latin words a Chinese page may show: product and format names, and the language switch.</summary>
    static readonly HashSet<string> LatinAllowed = new(StringComparer.OrdinalIgnoreCase)
        { "Excel", "English", "PDF", "TOTP", "Markdown", "HTML", "App", "Word", "WPS", "docx", "xlsx", "yyyy", "Tongxin", "PNG", "JPG", "JPEG" };

    [GeneratedRegex(@"[\u3400-\u9fff]+")] private static partial Regex Han();
    [GeneratedRegex(@"[A-Za-z]{3,}")] private static partial Regex Latin();

    Task<string> DataAsync() => DataCorpus.ReadAsync(app);

    static IEnumerable<string> Texts(IDocument page) =>
        page.Body!.Descendants<IText>()
            .Where(t => t.ParentElement is { } e && e.Closest("script, style, body [lang], [translate=no]") is null && e.Closest("[data-language-switch]") is null)
            .Select(t => t.Data).Concat(page.Body.QuerySelectorAll("[placeholder], [aria-label], [title]")
                .Where(e => e.Closest("body [lang]") is null)
                .SelectMany(e => new[] { e.GetAttribute("placeholder"), e.GetAttribute("aria-label"), e.GetAttribute("title") }).OfType<string>());

    async Task<List<string>> SweepAsync(string culture, Func<string, string, IEnumerable<string>> foreign)
    {
        var problems = new List<string>();
        var pages = 0;
        foreach (var user in Users)
        {
            var c = await app.ClientAsync(user);
            var data = await DataAsync(); // again for each user: pages write data too (a second-factor key, an audit entry)
            await c.GetAsync($"/?culture={culture}&ui-culture={culture}");
            var first = Html.Parse(await c.GetStringAsync("/Feedback"));
            var queue = new Queue<string>(first.QuerySelectorAll("[data-testid=menu] a.nav-link").Select(a => a.GetAttribute("href")!)
                .Concat(["/Todo", "/Notices", "/Feedback", "/Account/Password", "/Account/TwoFactor", "/Search?q=党"]));
            var seen = new HashSet<string>();
            while (queue.Count > 0 && seen.Count < MaxPages)
            {
                var path = queue.Dequeue();
                if (!seen.Add(path)) continue;
                var r = await c.GetAsync(path);
                if (!r.IsSuccessStatusCode || r.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var page = Html.Parse(await r.Content.ReadAsStringAsync());
                Assert.Equal(culture == "en" ? "en" : "zh-CN", page.DocumentElement.GetAttribute("lang"));
                pages++;
                foreach (var bad in Texts(page).SelectMany(t => foreign(t, data)).Distinct())
                    problems.Add($"{user} {path}: {bad}");
                foreach (var a in page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!))
                    if (!a.Contains("handler=") && !a.Contains("culture=") && !seen.Contains(a)) queue.Enqueue(a);
            }
        }
        Assert.True(pages >= 150, $"only {pages} pages swept");
        return problems.Distinct().ToList();
    }

    [Fact]
    public async Task TheEnglishUiHasNoChineseButNamesAndData()
    {
        var problems = await SweepAsync("en", (text, data) => Han().Matches(text).Select(m => m.Value).Where(run => !data.Contains(run)));
        Assert.True(problems.Count == 0, $"{problems.Count} Chinese texts in the English UI:\n" + string.Join("\n", problems.Take(150)));
    }

    [Fact]
    public async Task TheChineseUiHasNoEnglishButNamesAndData()
    {
        var problems = await SweepAsync("zh-CN", (text, data) => Latin().Matches(text).Select(m => m.Value)
            .Where(word => !LatinAllowed.Contains(word) && !data.Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.True(problems.Count == 0, $"{problems.Count} English texts in the Chinese UI:\n" + string.Join("\n", problems.Take(150)));
    }

    [Fact]
    public async Task ModelBindingMessagesSpeakTheUsersLanguage_AndTheLoginPageSwitchesLanguage()
    {
        var zh = await (await app.ClientAsync("auditor")).GetStringAsync("/Audit?from=abc");
        Assert.Contains("“abc”不是有效的值", zh);
        Assert.DoesNotContain("is not valid", zh);
        var c = await app.ClientAsync("auditor");
        await c.GetAsync("/?culture=en&ui-culture=en");
        var en = await c.GetStringAsync("/Audit?from=abc");
        Assert.Contains("&quot;abc&quot; is not a valid value", en);

        var anonymous = await app.ClientAsync();
        var login = Html.Parse(await anonymous.GetStringAsync("/Account/Login"));
        var english = login.QuerySelector("[data-testid=login-language] a[lang=en]")!.GetAttribute("href")!;
        var switched = Html.Parse(await anonymous.GetStringAsync("/Account/Login" + english));
        Assert.Equal("en", switched.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign in", switched.Body!.TextContent);
        Assert.Equal("en", Html.Parse(await anonymous.GetStringAsync("/Account/Login")).DocumentElement.GetAttribute("lang")); // remembered
    }
}
