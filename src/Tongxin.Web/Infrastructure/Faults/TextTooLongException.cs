namespace Tongxin.Web.Infrastructure.Faults;

/// <summary>
/// The safety net behind the handlers' own length checks: a text longer than its column allows never reaches the
/// database (where PostgreSQL would fail and SQLite would silently keep it). Answers 400 in one place.
/// </summary>
public sealed class TextTooLongException(string entity, string property, int max)
    : Exception($"输入内容过长：{Label(property)}不能超过 {max} 字")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
    public int Max { get; } = max;

    static readonly Dictionary<string, string> Labels = new()
    {
        ["Content"] = "内容", ["Title"] = "标题", ["Minutes"] = "会议记录", ["Decisions"] = "决议事项", ["ReplyText"] = "答复",
        ["Reason"] = "事由", ["Evidence"] = "依据", ["Topic"] = "主题", ["Place"] = "地点", ["Name"] = "名称",
        ["SelfAssessment"] = "自我评价", ["Instruction"] = "批示", ["LeaveReason"] = "请假事由", ["Summary"] = "内容",
    };

    // A property without a label is named by what it is, never by its code name.
    static string Label(string property) => Labels.GetValueOrDefault(property, property.EndsWith("Note") || property.EndsWith("Reason") ? "说明" : "其中一项");
}
