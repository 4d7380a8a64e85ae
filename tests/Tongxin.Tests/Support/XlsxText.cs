using System.IO.Compression;

namespace Tongxin.Tests.Support;

/// <summary>All the XML parts of a downloaded workbook as one text, to find what a sheet says without our own reader.</summary>
public static class XlsxText
{
    public static async Task<string> OfAsync(HttpResponseMessage response)
    {
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml")).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
