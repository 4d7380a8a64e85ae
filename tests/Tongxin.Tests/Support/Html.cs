using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Tongxin.Tests.Support;

public static partial class Html
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiForgery(string html) => TokenPattern().Match(html).Groups[1].Value;

    public static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Posts a form of the page at <paramref name="url"/> with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = AntiForgery(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
