using System.IO.Compression;
using System.Xml;

namespace Tongxin.Web.Infrastructure.Excel;

/// <summary>
/// The hidden rows of an .xlsx file's first sheet, read from the sheet XML itself. Excel hides a row with
/// <c>hidden="1"</c> and a zero height, which the reader sees; LibreOffice writes <c>hidden="true"</c> and keeps the
/// height, which it does not.
/// </summary>
public static class XlsxHiddenRows
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Row numbers (1-based) marked hidden; empty for anything that is not a readable .xlsx.</summary>
    public static HashSet<int> Find(Stream stream)
    {
        var hidden = new HashSet<int>();
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (FirstSheetPath(zip) is not { } path || zip.GetEntry(path) is not { } sheet) return hidden;
            using var reader = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
            while (reader.Read())
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "row", NamespaceURI: Main }
                    && reader.GetAttribute("hidden") is "1" or "true"
                    && int.TryParse(reader.GetAttribute("r"), out var r))
                    hidden.Add(r);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException) { }
        finally { stream.Position = start; }
        return hidden;
    }

    static string? FirstSheetPath(ZipArchive zip)
    {
        var workbook = Load(zip, "xl/workbook.xml");
        var rels = Load(zip, "xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null) return null;
        var ns = new XmlNamespaceManager(workbook.NameTable);
        ns.AddNamespace("m", Main);
        var id = (workbook.SelectSingleNode("//m:sheets/m:sheet", ns) as XmlElement)?.GetAttribute("id", Relations);
        if (string.IsNullOrEmpty(id)) return null;
        var target = rels.DocumentElement?.ChildNodes.OfType<XmlElement>().FirstOrDefault(r => r.GetAttribute("Id") == id)?.GetAttribute("Target");
        if (string.IsNullOrEmpty(target)) return null;
        return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
    }

    static XmlDocument? Load(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry) return null;
        var doc = new XmlDocument { XmlResolver = null };
        using var s = entry.Open();
        using var reader = XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        doc.Load(reader);
        return doc;
    }
}
