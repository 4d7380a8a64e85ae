using System.Globalization;
using System.Text.Json;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Audit;

/// <summary>An entry's change read out field by field — 字段：变更前 → 变更后 — instead of its raw JSON.</summary>
public static class AuditChanges
{
    public sealed record Change(string Field, string? Before, string? After);

    const int MaxValue = 200;

    /// <summary>Common stored values in the words of the UI (enum names and flags).</summary>
    static readonly Dictionary<string, string> Values = new()
    {
        ["Draft"] = "草稿", ["Submitted"] = "已提交", ["Planned"] = "已计划", ["Held"] = "已召开", ["Cancelled"] = "已取消",
        ["Requested"] = "已申请", ["Granted"] = "已批准", ["Refused"] = "不予批准/不立案", ["Full"] = "正式党员", ["Probationary"] = "预备党员",
        ["Reviewed"] = "已评定", ["Pending"] = "待审核", ["Approved"] = "已批准", ["Rejected"] = "未批准", ["Adopted"] = "已采用",
        ["NotAdopted"] = "未采用", ["Registered"] = "已立案", ["Assigned"] = "已交办", ["Replied"] = "已答复", ["Rated"] = "已评价",
        ["Closed"] = "已办结", ["Merged"] = "已并案", ["Converted"] = "已转为社情民意", ["Male"] = "男", ["Female"] = "女",
        ["Answered"] = "已答复", ["Suggestion"] = "建议", ["Complaint"] = "投诉", ["Satisfied"] = "满意", ["BasicallySatisfied"] = "基本满意",
        ["Dissatisfied"] = "不满意", ["Excellent"] = "优秀", ["Qualified"] = "合格", ["BasicallyQualified"] = "基本合格", ["Unqualified"] = "不合格",
        ["View"] = "查阅", ["Export"] = "导出", ["Study"] = "学习积分", ["Duty"] = "履责积分", ["Conduct"] = "品行积分", ["Appraisal"] = "考评积分",
    };

    public static IReadOnlyList<Change> Of(AuditEntry e)
    {
        var before = Parse(e.Before);
        var after = Parse(e.After);
        var fields = e.Action switch
        {
            "Delete" => before.Keys.ToList(),
            "Create" => after.Where(kv => kv.Value.ValueKind != JsonValueKind.Null).Select(kv => kv.Key).ToList(),
            _ => after.Keys.Union(before.Keys).ToList(),
        };
        return fields.Where(f => f != "Id")
            .Select(f => new Change(AuditVocabulary.Field(e.EntityType, f),
                e.Action == "Create" ? null : Show(before.GetValueOrDefault(f)),
                e.Action == "Delete" ? null : Show(after.GetValueOrDefault(f))))
            .ToList();
    }

    /// <summary>One line per change, for the spreadsheet.</summary>
    public static string AsText(IReadOnlyList<Change> changes) => string.Join("\n", changes.Select(c =>
        c.Before is null ? $"{c.Field}：{c.After}" : c.After is null ? $"{c.Field}：{c.Before}" : $"{c.Field}：{c.Before} → {c.After}"));

    static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) : [];
        }
        catch (JsonException) { return new() { ["内容"] = JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement.Clone() }; }
    }

    static string? Show(JsonElement? value)
    {
        if (value is not { } v) return null;
        var text = v.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "（空）",
            JsonValueKind.True => "是",
            JsonValueKind.False => "否",
            JsonValueKind.String => Text(v.GetString()!),
            _ => v.GetRawText(),
        };
        return text.Length <= MaxValue ? text : text[..MaxValue] + "…";
    }

    static string Text(string s)
    {
        if (s.Length == 0) return "（空）";
        if (Values.TryGetValue(s, out var word)) return word;
        // Instants are stored in UTC: shown in the unit's time zone like the rest of the UI.
        if (s.Length >= 19 && s[10] == 'T' && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return Clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss");
        return s;
    }
}
