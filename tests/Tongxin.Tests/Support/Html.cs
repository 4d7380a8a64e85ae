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

    /// <summary>The fields a browser would post from the form matching <paramref name="selector"/>, as the page shows them.</summary>
    public static Dictionary<string, string> FormFields(AngleSharp.Html.Dom.IHtmlDocument page, string selector = "main form[method=post]")
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"no form {selector}");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>())
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            if (input.Type is "submit" or "button") continue;
            fields.TryAdd(input.Name!, input.Value);
        }
        foreach (var select in form.QuerySelectorAll("select[name]").OfType<AngleSharp.Html.Dom.IHtmlSelectElement>())
            fields[select.Name!] = select.Value ?? "";
        foreach (var area in form.QuerySelectorAll("textarea[name]").OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>())
            fields[area.Name!] = area.Value;
        return fields;
    }
}
