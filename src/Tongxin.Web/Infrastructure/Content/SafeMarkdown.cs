using Ganss.Xss;
using Markdig;

namespace Tongxin.Web.Infrastructure.Content;

/// <summary>
/// The one way user Markdown becomes HTML: Markdig without raw HTML, then HtmlSanitizer, which keeps only plain
/// formatting and links to http(s), mailto or relative addresses — an autolink such as &lt;javascript:…&gt; loses its href.
/// </summary>
public static class SafeMarkdown
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseSoftlineBreakAsHardlineBreak().Build();

    static readonly HtmlSanitizer Sanitizer = Create();

    static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) s.AllowedSchemes.Add(scheme);
        s.AllowedAttributes.Remove("style");
        s.AllowedCssProperties.Clear();
        s.AllowDataAttributes = false;
        return s;
    }

    static readonly string[] SafeSchemes = ["http://", "https://", "mailto:"];

    /// <summary>http(s), mailto, or a relative address (no scheme).</summary>
    public static bool IsSafeUrl(string url)
    {
        var u = url.Trim();
        var colon = u.IndexOf(':');
        var slash = u.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        return !hasScheme || SafeSchemes.Any(s => u.StartsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    public static string ToHtml(string? markdown) =>
        string.IsNullOrEmpty(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
