using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tongxin.Tests.Support;

/// <summary>Builds real .xlsx files for import tests; a double becomes a numeric cell (an Excel date serial).</summary>
public static class XlsxBuilder
{
    public static byte[] Build(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(headers.Cast<object?>().ToList()));
            foreach (var r in rows) data.Append(Row(r));
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    static Row Row(IReadOnlyList<object?> values)
    {
        var row = new Row();
        foreach (var v in values)
            row.Append(v is double d
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v?.ToString() ?? "")) });
        return row;
    }

    /// <summary>Reads the first sheet of an .xlsx back as text rows.</summary>
    public static List<List<string>> Read(Stream xlsx)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateReader(xlsx);
        var rows = new List<List<string>>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)) ?? "").ToList());
        return rows;
    }
}
