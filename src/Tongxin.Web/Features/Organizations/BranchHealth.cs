namespace Tongxin.Web.Features.Organizations;

/// <summary>Size and committee rules of a branch (domain.md §1).</summary>
public static class BranchHealth
{
    public const int MinFullMembers = 3;
    public const int CommitteeThreshold = 7;
    public const int ReElectionWarningDays = 90;

    /// <summary>A finding, as a template for the localiser and its values; <see cref="Text"/> is the Chinese.</summary>
    public sealed record Flag(string Template, params object[] Args)
    {
        public string Text => string.Format(Template, Args);
        public override string ToString() => Text;
    }

    public static IReadOnlyList<Flag> Flags(int fullMembers, bool hasCommittee, DateOnly? reElectionDue, DateOnly today)
    {
        var flags = new List<Flag>();
        if (fullMembers < MinFullMembers) flags.Add(new("正式党员不足{0}人（现有{1}人）", MinFullMembers, fullMembers));
        if (fullMembers >= CommitteeThreshold && !hasCommittee) flags.Add(new("正式党员{0}人，应设立支部委员会", fullMembers));
        if (reElectionDue is { } due)
        {
            if (due < today) flags.Add(new("任期已于 {0} 届满，应换届", due.ToString("yyyy-MM-dd")));
            else if (due.DayNumber - today.DayNumber <= ReElectionWarningDays) flags.Add(new("将于 {0} 届满，请准备换届", due.ToString("yyyy-MM-dd")));
        }
        return flags;
    }
}
