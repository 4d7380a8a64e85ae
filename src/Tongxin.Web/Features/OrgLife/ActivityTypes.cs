namespace Tongxin.Web.Features.OrgLife;

public enum ActivityType
{
    BranchMeeting, CommitteeMeeting, GroupMeeting, PartyLecture, ThemedPartyDay,
    OrgLifeMeeting, DemocraticAppraisal, HeartToHeartTalk, GroupStudy,
    // 委员履职: held by the CPPCC members' body, not by a party branch.
    Plenary, StandingCommittee, Consultation, Survey, DutyTraining, SectorActivity, PublicGood,
}

public enum RulePeriod { None, Month, Quarter, Year }

/// <summary>Who is expected at an activity of a type.</summary>
public enum Audience { Branch, Committee, Group, Chosen, AllMembers, StandingMembers }

public sealed record ActivityTypeInfo(ActivityType Type, string Name, Audience Audience, bool Quorum, RulePeriod DefaultPeriod, int DefaultMin, bool Duty = false);

/// <summary>The activity types with the defaults of the Party branch work regulations (domain.md §3).</summary>
public static class ActivityTypes
{
    public static readonly IReadOnlyList<ActivityTypeInfo> All =
    [
        new(ActivityType.BranchMeeting, "支部党员大会", Audience.Branch, true, RulePeriod.Quarter, 1),
        new(ActivityType.CommitteeMeeting, "支委会", Audience.Committee, true, RulePeriod.Month, 1),
        new(ActivityType.GroupMeeting, "党小组会", Audience.Group, false, RulePeriod.Month, 1),
        new(ActivityType.PartyLecture, "党课", Audience.Branch, false, RulePeriod.Quarter, 1),
        new(ActivityType.ThemedPartyDay, "主题党日", Audience.Branch, false, RulePeriod.Month, 1),
        new(ActivityType.OrgLifeMeeting, "组织生活会", Audience.Branch, false, RulePeriod.Year, 1),
        new(ActivityType.DemocraticAppraisal, "民主评议党员", Audience.Branch, false, RulePeriod.Year, 1),
        new(ActivityType.HeartToHeartTalk, "谈心谈话", Audience.Chosen, false, RulePeriod.Year, 1),
        new(ActivityType.GroupStudy, "集中学习", Audience.Branch, false, RulePeriod.None, 0),
        new(ActivityType.Plenary, "全体会议", Audience.AllMembers, false, RulePeriod.None, 0, Duty: true),
        new(ActivityType.StandingCommittee, "常委会议", Audience.StandingMembers, false, RulePeriod.None, 0, Duty: true),
        new(ActivityType.Consultation, "协商议政", Audience.Chosen, false, RulePeriod.None, 0, Duty: true),
        new(ActivityType.Survey, "调研视察", Audience.Chosen, false, RulePeriod.None, 0, Duty: true),
        new(ActivityType.DutyTraining, "委员培训", Audience.Chosen, false, RulePeriod.None, 0, Duty: true),
        new(ActivityType.SectorActivity, "界别活动", Audience.Chosen, false, RulePeriod.None, 0, Duty: true),
        new(ActivityType.PublicGood, "公益和民生实事", Audience.Chosen, false, RulePeriod.None, 0, Duty: true),
    ];

    /// <summary>Party organisational life, which the compliance calendar and its rules are about.</summary>
    public static readonly IReadOnlyList<ActivityTypeInfo> OrgLife = All.Where(t => !t.Duty).ToList();

    static readonly Dictionary<ActivityType, ActivityTypeInfo> ByType = All.ToDictionary(t => t.Type);

    public static ActivityTypeInfo Info(this ActivityType t) => ByType[t];
    public static string DisplayName(this ActivityType t) => ByType[t].Name;

    public static string DisplayName(this ActivityStatus s) => s switch
    {
        ActivityStatus.Held => "已召开", ActivityStatus.Cancelled => "已取消", _ => "计划中",
    };

    public static string DisplayName(this LeaveStatus s) => s switch
    {
        LeaveStatus.Requested => "请假待批", LeaveStatus.Granted => "已准假", LeaveStatus.Refused => "请假未准", _ => "",
    };

    public static string PeriodName(this RulePeriod p) => p switch
    {
        RulePeriod.Month => "每月", RulePeriod.Quarter => "每季度", RulePeriod.Year => "每年", _ => "不作要求",
    };
}
