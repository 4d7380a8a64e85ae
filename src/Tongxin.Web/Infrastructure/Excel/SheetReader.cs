using ExcelDataReader;

namespace Tongxin.Web.Infrastructure.Excel;

/// <summary>Reads the first sheet of an .xlsx or .xls file into header-keyed rows.</summary>
public static class SheetReader
{
    public sealed record SheetRow(int RowNumber, IReadOnlyDictionary<string, object?> Cells)
    {
        public object? this[string header] => Cells.GetValueOrDefault(header);
        public string Text(string header) => Convert.ToString(this[header], System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
    }

    /// <summary>Null with a Chinese reason when the file cannot be read as a spreadsheet.</summary>
    public static (List<string> Headers, List<SheetRow> Rows)? Read(Stream stream, out string? error)
    {
        error = null;
        try
        {
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var headers = new List<string>();
            var rows = new List<SheetRow>();
            var rowNumber = 0;
            while (reader.Read())
            {
                rowNumber++;
                if (rowNumber == 1)
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                        headers.Add((Convert.ToString(reader.GetValue(i)) ?? "").Trim().TrimEnd('*'));
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
                if (!empty) rows.Add(new SheetRow(rowNumber, cells));
            }
            return (headers, rows);
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or NotSupportedException)
        {
            error = "无法读取该文件，请上传 .xlsx 或 .xls 格式的Excel文件";
            return null;
        }
    }
}
