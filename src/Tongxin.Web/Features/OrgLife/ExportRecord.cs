using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>An activity record as .docx in the usual 活动纪实 layout: a heading, the facts table, minutes and decisions.</summary>
public static class ExportRecord
{
    public static byte[] Build(GetActivity.View v)
    {
        var a = v.Activity;
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para($"{v.OrgName}{a.Type.DisplayName()}活动纪实", bold: true, size: 36, center: true));
            string Names(IEnumerable<GetActivity.Person> ps) => string.Join("、", ps.Select(p => p.Name));
            var present = v.Attendees.Where(p => p.SignedInAt is not null);
            var leave = v.Attendees.Where(p => p.SignedInAt is null && p.Leave == LeaveStatus.Granted);
            var absent = v.Attendees.Where(p => p.SignedInAt is null && p.Leave != LeaveStatus.Granted);
            body.Append(Table(
                ("活动主题", a.Topic),
                ("时间", $"{Clock.Show(a.StartsAt)} 至 {Clock.Show(a.EndsAt)}"),
                ("地点", a.Place),
                ("主持人", v.HostName ?? ""),
                ("应到人数", $"{v.Attendees.Count}人"),
                ("实到人员", $"{v.Present}人：{Names(present)}"),
                ("请假人员", $"{v.OnLeave}人：{string.Join("、", leave.Select(p => $"{p.Name}（{p.LeaveReason}）"))}"),
                ("缺席人员", $"{v.AbsentWithoutLeave}人：{Names(absent)}"),
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
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    static Paragraph Para(string text, bool bold = false, int size = 24, bool center = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman" }, new FontSize { Val = size.ToString() });
        if (bold) props.Append(new Bold());
        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return p;
    }

    static Table Table(params (string Label, string Value)[] rows)
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
