using System.Text;
using ExcelDataReader;

namespace Tongxin.Web.Infrastructure.Excel;

/// <summary>
/// Reads the first sheet of an .xlsx or .xls file into header-keyed rows. Text is NFKC-normalised (full-width digits
/// and spaces as typed in Chinese office suites become ordinary ones); hidden rows and sheets and merged cells are
/// reported, so that nothing the user cannot see is imported silently.
/// </summary>
public static class SheetReader
{
    public sealed record SheetRow(int RowNumber, IReadOnlyDictionary<string, object?> Cells)
    {
        public object? this[string header] => Cells.GetValueOrDefault(header);
        public string Text(string header) => Normal(Convert.ToString(this[header], System.Globalization.CultureInfo.InvariantCulture));
    }

    public sealed record Sheet(List<string> Headers, List<SheetRow> Rows)
    {
        public List<int> HiddenRows { get; } = [];
        public List<string> HiddenSheets { get; } = [];
        /// <summary>Merged ranges that touch the data, as "A2:A5".</summary>
        public List<(string Range, int FromRow, int ToRow)> Merged { get; } = [];
        public bool FirstSheetHidden { get; set; }
    }

    public static string Normal(string? text) => (text ?? "").Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Null with a Chinese reason when the file cannot be read as a spreadsheet.</summary>
    public static Sheet? Read(Stream stream, out string? error)
    {
        error = null;
        try
        {
            var hiddenRows = stream.CanSeek ? XlsxHiddenRows.Find(stream) : [];
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var headers = new List<string>();
            var sheet = new Sheet(headers, []);
            sheet.FirstSheetHidden = reader.VisibleState is "hidden" or "veryhidden";
            var rowNumber = 0;
            while (reader.Read())
            {
                rowNumber++;
                if (rowNumber == 1)
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                        headers.Add(Normal(Convert.ToString(reader.GetValue(i))).TrimEnd('*'));
                    continue;
                }
                var cells = new Dictionary<string, object?>();
                var empty = true;
                for (var i = 0; i < Math.Min(reader.FieldCount, headers.Count); i++)
                {
                    var v = reader.GetValue(i);
                    if (v is string s && string.IsNullOrWhiteSpace(s)) v = null;
                    if (v is not null) empty = false;
                    if (headers[i].Length > 0) cells[headers[i]] = v;
                }
                if (empty) continue;
                sheet.Rows.Add(new SheetRow(rowNumber, cells));
                if (reader.RowHeight == 0 || hiddenRows.Contains(rowNumber)) sheet.HiddenRows.Add(rowNumber);
            }
            foreach (var m in reader.MergeCells ?? [])
                if (m.ToRow >= 1) sheet.Merged.Add(($"{Column(m.FromColumn)}{m.FromRow + 1}:{Column(m.ToColumn)}{m.ToRow + 1}", m.FromRow + 1, m.ToRow + 1));
            while (reader.NextResult())
                if (reader.VisibleState is "hidden" or "veryhidden") sheet.HiddenSheets.Add(reader.Name);
            return sheet;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException)
        {
            error = "无法读取该文件，请上传 .xlsx 或 .xls 格式的Excel文件";
            return null;
        }
    }

    static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }
}
