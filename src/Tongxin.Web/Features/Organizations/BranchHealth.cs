namespace Tongxin.Web.Features.Organizations;

/// <summary>Size and committee rules of a branch (domain.md §1).</summary>
public static class BranchHealth
{
    public const int MinFullMembers = 3;
    public const int CommitteeThreshold = 7;
    public const int ReElectionWarningDays = 90;

    public static IReadOnlyList<string> Flags(int fullMembers, bool hasCommittee, DateOnly? reElectionDue, DateOnly today)
    {
        var flags = new List<string>();
        if (fullMembers < MinFullMembers) flags.Add($"正式党员不足{MinFullMembers}人（现有{fullMembers}人）");
        if (fullMembers >= CommitteeThreshold && !hasCommittee) flags.Add($"正式党员{fullMembers}人，应设立支部委员会");
        if (reElectionDue is { } due)
        {
            if (due < today) flags.Add($"任期已于 {due:yyyy-MM-dd} 届满，应换届");
            else if (due.DayNumber - today.DayNumber <= ReElectionWarningDays) flags.Add($"将于 {due:yyyy-MM-dd} 届满，请准备换届");
        }
        return flags;
    }
}
