using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tongxin.Tests.Support;

/// <summary>Builds real .xlsx files for import tests; a double becomes a numeric cell (an Excel date serial).</summary>
public static class XlsxBuilder
{
    /// <summary>What office users do to a sheet: hide rows (1-based sheet rows), merge ranges ("A2:A3"), add a hidden sheet.</summary>
    public sealed record Quirks(int[]? HiddenRows = null, string[]? Merged = null, string? HiddenSheet = null);

    public static byte[] Build(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, Quirks? quirks = null)
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
            uint n = 0;
            foreach (var row in data.Elements<Row>())
            {
                row.RowIndex = ++n;
                if (quirks?.HiddenRows?.Contains((int)n) == true) row.Hidden = true;
            }
            ws.Worksheet = new Worksheet(data);
            if (quirks?.Merged is { Length: > 0 } merged)
                ws.Worksheet.Append(new MergeCells(merged.Select(m => new MergeCell { Reference = m })));
            var sheets = new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" });
            if (quirks?.HiddenSheet is { } hidden)
            {
                var other = wb.AddNewPart<WorksheetPart>();
                other.Worksheet = new Worksheet(new SheetData(Row(["备注"])));
                sheets.Append(new Sheet { Id = wb.GetIdOfPart(other), SheetId = 2, Name = hidden, State = SheetStateValues.Hidden });
            }
            wb.Workbook.AppendChild(sheets);
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
