using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Tongxin.Web.Infrastructure.Word;

/// <summary>The few Word parts our documents use: 宋体 paragraphs, a two-column facts table, a document from a body.</summary>
public static class Docx
{
    public static byte[] Build(Action<Body> write)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            write(body);
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    public static Paragraph Para(string text, bool bold = false, int size = 24, bool center = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman" }, new FontSize { Val = size.ToString() });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(Shared.XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return p;
    }

    public static Table Table(params (string Label, string Value)[] rows)
    {
        var t = new Table(new TableProperties(
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        foreach (var (label, value) in rows)
            t.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Width = "1200", Type = TableWidthUnitValues.Pct }), Para(label, bold: true)),
                new TableCell(Para(value))));
        return t;
    }
}
