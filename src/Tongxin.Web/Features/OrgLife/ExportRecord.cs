using Tongxin.Web.Infrastructure.Word;
using static Tongxin.Web.Infrastructure.Word.Docx;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>An activity record as .docx in the usual 活动纪实 layout: a heading, the facts table, minutes and decisions.</summary>
public static class ExportRecord
{
    /// <summary>「第一党支部」+「支部党员大会」reads 「第一党支部党员大会」, not 「第一党支部支部党员大会」.</summary>
    public static string Title(string orgName, string typeName) =>
        orgName.EndsWith("支部") && typeName.StartsWith("支部") ? orgName + typeName[2..]
        : orgName.EndsWith("党小组") && typeName.StartsWith("党小组") ? orgName + typeName[3..] : orgName + typeName;

    public static byte[] Build(GetActivity.View v)
    {
        var a = v.Activity;
        return Docx.Build(body =>
        {
            body.Append(Para($"{Title(v.OrgName, a.Type.DisplayName())}活动纪实", bold: true, size: 36, center: true));
            string Names(IEnumerable<GetActivity.Person> ps) => string.Join("、", ps.Select(p => p.Name));
            var present = v.Attendees.Where(p => p.SignedInAt is not null);
            var leave = v.Attendees.Where(p => p.SignedInAt is null && p.Leave == LeaveStatus.Granted);
            var absent = ConfirmHeld.WouldBeAbsent(v);
            var held = a.Status == ActivityStatus.Held;
            body.Append(Table(
                ("活动主题", a.Topic),
                ("时间", $"{Clock.Show(a.StartsAt)} 至 {Clock.Show(a.EndsAt)}"),
                ("地点", a.Place),
                ("主持人", v.HostName ?? ""),
                ("应到人数", $"{v.Attendees.Count}人"),
                ("实到人员", $"{v.Present}人：{Names(present)}"),
                ("请假人员", $"{v.OnLeave}人：{string.Join("、", leave.Select(p => $"{p.Name}（{p.LeaveReason}）"))}"),
                // Before 确认召开 nobody is absent yet: they have not signed in.
                (held ? "缺席人员" : "未签到人员", $"{v.AbsentWithoutLeave}人：{Names(absent)}"),
                ("是否达到法定人数", a.QuorumMet switch { true => "是", false => "否（不计入规定次数）", _ => "不适用" })));
            body.Append(Para("会议记录", bold: true, size: 28));
            foreach (var line in (a.Minutes ?? "（尚未记录）").Split('\n'))
                body.Append(Para(line.TrimEnd('\r').TrimStart('#', ' ')));
            if (!string.IsNullOrWhiteSpace(a.Decisions))
            {
                body.Append(Para("决议事项", bold: true, size: 28));
                foreach (var line in a.Decisions.Split('\n')) body.Append(Para(line.TrimEnd('\r')));
            }
            body.Append(Para($"记录时间：{(a.RecordedAt is { } r ? Clock.Show(r) : "")}", size: 20));
        });
    }
}
