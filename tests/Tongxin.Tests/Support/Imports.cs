using System.Net.Http.Headers;

namespace Tongxin.Tests.Support;

/// <summary>The roster import as a browser drives it: upload to check, then commit the checked file.</summary>
public static class Imports
{
    public static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> CheckAsync(HttpClient c, byte[] file, string fileName = "roster.xlsx")
    {
        var page = await c.GetStringAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "upload", fileName);
        form.Add(new StringContent(Html.AntiForgery(page)), "__RequestVerificationToken");
        var r = await c.PostAsync("/People/Import?handler=Check", form);
        return (r, Html.Parse(await r.Content.ReadAsStringAsync()));
    }

    public static List<string[]> Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=import-errors] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    /// <summary>Posts the commit form of a clean check page (its token and the file's token).</summary>
    public static Task<HttpResponseMessage> CommitAsync(HttpClient c, AngleSharp.Html.Dom.IHtmlDocument checkedPage) =>
        c.PostAsync("/People/Import?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = checkedPage.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = checkedPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
}
