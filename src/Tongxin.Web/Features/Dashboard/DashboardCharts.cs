using Microsoft.Extensions.Localization;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Features.Proposals;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>The charts of the 工作台, each value with the link to the filtered list behind it.</summary>
public static class DashboardCharts
{
    static string Month(IStringLocalizer l, int m) => l["{0}月", m].Value;

    static string MonthCode(int year, int m) => $"{year}-{m:00}";

    public static Chart Compliance(GetPartyDashboard.View v, IStringLocalizer l) =>
        new("compliance", l["三会一课落实率"], ChartKind.Bar, v.ComplianceByGroup.Select(c => c.Name).ToList(),
            [new ChartSeries(l["落实率"], v.ComplianceByGroup.Select(c => c.Rate).ToList(),
                v.ComplianceByGroup.Select(c => (string?)$"/OrgLife/Compliance?orgId={c.OrgId}&period={v.Period}").ToList())], "%");

    public static Chart PartyAttendance(GetPartyDashboard.View v, IStringLocalizer l) =>
        AttendanceByMonth.Chart("attendance", l["党员出席率（按月）"], v.Attendance, v.Year,
            m => v.RootId is { } root ? $"/OrgLife?orgId={root}&period={MonthCode(v.Year, m)}" : $"/OrgLife?period={MonthCode(v.Year, m)}", m => Month(l, m));

    public static Chart Stars(GetPartyDashboard.View v, IStringLocalizer l)
    {
        var labels = Enumerable.Range(1, 5).Reverse().Select(s => l["{0}星", s].Value).Append(l["未评定"].Value).ToList();
        var values = Enumerable.Range(1, 5).Reverse().Select(s => (double?)v.Stars[s]).Append(v.Unrated).ToList();
        var links = Enumerable.Range(1, 5).Reverse().Append(0).Select(s => (string?)$"/Stars?year={v.StarYear}&stars={s}").ToList();
        return new("stars", l["{0}年度支部星级分布", v.StarYear], ChartKind.Bar, labels, [new ChartSeries(l["支部数"], values, links)]);
    }

    public static Chart Points(GetPartyDashboard.View v, IStringLocalizer l) =>
        new("points", l["各支部人均积分（按类别）"], ChartKind.StackedBar, v.Points.Select(p => p.Name).ToList(),
            Enum.GetValues<PointCategory>().Select(c => new ChartSeries(l[c.Name()], v.Points.Select(p => (double?)p.AveragePerMember[c]).ToList(),
                v.Points.Select(p => (string?)$"/Points?year={v.Year}&branch={Uri.EscapeDataString(p.BranchFilter)}").ToList())).ToList());

    public static Chart BranchAttendance(GetBranchDashboard.View v, IStringLocalizer l) =>
        AttendanceByMonth.Chart("attendance", l["党员出席率（按月）"], v.Attendance, v.Year,
            m => $"/OrgLife?orgId={v.OrgId}&period={MonthCode(v.Year, m)}", m => Month(l, m));

    public static Chart Funnel(GetCppccDashboard.View v, GetCppccDashboard.Office o, IStringLocalizer l)
    {
        var stages = Enum.GetValues<ProposalStage>();
        return new("funnel", l["提案办理进度"], ChartKind.HorizontalBar, stages.Select(s => l[ProposalStages.Name(s)].Value).ToList(),
            [new ChartSeries(l["件数"], stages.Select(s => (double?)o.Funnel[s]).ToList(),
                stages.Select(s => (string?)$"/Proposals?year={v.Year}&stage={s}").ToList())]);
    }

    public static Chart Opinions(GetCppccDashboard.View v, GetCppccDashboard.Office o, IStringLocalizer l) =>
        new("opinions", l["社情民意"], ChartKind.Bar, [l["报送"], l["采用"], l["上报"], l["获批示"]],
            [new ChartSeries(l["条数"], [o.Opinions.Submitted, o.Opinions.Adopted, o.Opinions.Forwarded, o.Opinions.Instructed],
                [$"/Opinions?year={v.Year}", $"/Opinions?year={v.Year}&show=adopted", $"/Opinions?year={v.Year}&show=forwarded", $"/Opinions?year={v.Year}&show=instructed"])]);

    public static Chart FiveOne(GetCppccDashboard.View v, GetCppccDashboard.Office o, IStringLocalizer l) =>
        new("fiveone", l["各界别五个一完成率"], ChartKind.Bar, o.FiveOne.Select(s => s.Sector == "" ? l["（未填界别）"].Value : s.Sector).ToList(),
            [new ChartSeries(l["完成率"], o.FiveOne.Select(s => s.Rate).ToList(),
                o.FiveOne.Select(s => (string?)$"/Duty/FiveOne?year={v.Year}&sector={Uri.EscapeDataString(s.Sector)}").ToList())], "%");

    public static Chart DutyAttendance(GetCppccDashboard.View v, IStringLocalizer l) =>
        AttendanceByMonth.Chart("duty-attendance", l["委员履职活动出席率（按月）"], v.DutyAttendance!, v.Year,
            m => $"/OrgLife?orgId={v.DutyOrgId}&period={MonthCode(v.Year, m)}", m => Month(l, m));

    public static Chart MyPoints(GetMyDashboard.View v, IStringLocalizer l)
    {
        var categories = Enum.GetValues<PointCategory>();
        return new("my-points", l["我的积分（按类别）"], ChartKind.Bar, categories.Select(c => l[c.Name()].Value).ToList(),
            [new ChartSeries(l["积分"], categories.Select(c => (double?)v.Points!.ByCategory.GetValueOrDefault(c)).ToList(),
                categories.Select(_ => (string?)$"/Points/Mine?year={v.Year}").ToList())]);
    }
}
