using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Shared;
using Tongxin.Web.Features.Proposals;
using static Tongxin.Web.Infrastructure.Word.Docx;

namespace Tongxin.Web.Features.Duty;

/// <summary>A member's year as a draft 年度履职报告 (.docx): the facts from the records, the score lines and the grade.</summary>
public static class ExportDutyFile
{
    public static byte[] Draft(GetDutyFile.File f, int year, string unit) => Build(body =>
    {
        body.Append(Para($"{f.Name}{year}年度履职报告（草稿）", bold: true, size: 36, center: true));
        body.Append(Table(
            ("姓名", f.Name), ("界别", f.Sector ?? ""), ("党派", f.Affiliation ?? ""), ("是否常委", f.IsStanding ? "是" : "否"),
            ("年度履职得分", $"{f.Score}分（{f.Grade.Name()}）")));
        var present = f.Activities.Where(a => a.Attendance == "出席").ToList();
        body.Append(Para("一、参加会议和活动", bold: true, size: 28));
        body.Append(Para($"本年度，本人应参加{unit}组织的履职活动{f.Activities.Count}次，出席{present.Count}次，请假{f.Activities.Count(a => a.Attendance == "请假")}次。"));
        foreach (var a in f.Activities) body.Append(Para($"{Clock.ToLocal(a.StartsAt):yyyy-MM-dd} {a.Type.DisplayName()}：{a.Topic}（{a.Attendance}）", size: 21));
        body.Append(Para("二、提案和社情民意", bold: true, size: 28));
        body.Append(Para($"提出（联名）提案{f.Proposals.Count}件，其中立案{f.Facts[DutyFact.RegisteredProposal]}件；报送社情民意{f.Opinions.Count}篇，被采用{f.Opinions.Count(o => o.Status == OpinionStatus.Adopted)}篇。"));
        foreach (var p in f.Proposals) body.Append(Para($"提案：{p.Title}（{p.Status.Name()}{(p.Key ? "，重点提案" : "")}{(p.Excellent ? "，优秀提案" : "")}）", size: 21));
        foreach (var o in f.Opinions) body.Append(Para($"社情民意：{o.Title}（{o.Status.Name()}）", size: 21));
        body.Append(Para("三、联系群众和界别", bold: true, size: 28));
        body.Append(Para($"本年度记录联系{f.LiaisonContacts}次。"));
        body.Append(Para("四、履职评分", bold: true, size: 28));
        body.Append(Table(f.Lines.Where(l => l.Points != 0 || l.Count != 0).Select(l => (l.Item, $"{l.Count}项，{l.Points:+0;-0;0}分")).ToArray()));
        body.Append(Para("（本草稿由系统根据履职记录生成，请本人补充履职体会和下一步打算。）", size: 20));
    });

}
