using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tongxin.Web.Infrastructure.Excel;

/// <summary>
/// Writes one sheet row by row with OpenXmlWriter, so memory stays flat however many rows come.
/// The package is written to a temporary file (zip needs a seekable stream) and then streamed out.
/// </summary>
public static class XlsxWriter
{
    public static async Task<string> WriteAsync(string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tongxin-{Guid.NewGuid():N}.xlsx");
        try
        {
            await WriteToAsync(path, sheetName, headers, rows, ct);
            return path;
        }
        catch
        {
            // A failed export leaves no file with personal data behind.
            File.Delete(path);
            throw;
        }
    }

    static async Task WriteToAsync(string path, string sheetName, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var sheetPart = wb.AddNewPart<WorksheetPart>();
        using (var w = OpenXmlWriter.Create(sheetPart))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new Columns());
            for (uint i = 1; i <= headers.Count; i++)
                w.WriteElement(new Column { Min = i, Max = i, Width = 16, CustomWidth = true });
            w.WriteEndElement();
            w.WriteStartElement(new SheetData());
            WriteRow(w, headers);
            await foreach (var row in rows.WithCancellation(ct)) WriteRow(w, row);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        wb.Workbook = new Workbook(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        wb.Workbook.Save();
    }

    /// <summary>Rows already in memory (a page's table): the same sheet.</summary>
    public static Task<string> WriteAsync(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        WriteAsync(sheetName, headers, rows.ToAsyncEnumerable(), ct);

    static void WriteRow(OpenXmlWriter w, IReadOnlyList<string?> values)
    {
        w.WriteStartElement(new Row());
        foreach (var v in values)
        {
            // Text cells throughout: ID numbers and dates must not become numbers.
            w.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Shared.XmlText.Clean(v))) });
        }
        w.WriteEndElement();
    }

    /// <summary>Export files a crash left in the temporary folder: deleted at start.</summary>
    public static int SweepTemporary(TimeSpan maxAge)
    {
        var old = new DirectoryInfo(Path.GetTempPath()).EnumerateFiles("tongxin-*.xlsx").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - maxAge).ToList();
        foreach (var f in old) { try { f.Delete(); } catch (IOException) { } }
        return old.Count;
    }

    /// <summary>Streams a finished file to the client and deletes it afterwards.</summary>
    public static IResult FileResult(string path, string downloadName) =>
        Results.File(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", downloadName);
}
