using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Web.Features.Shared;

/// <summary>
/// The sidebar, grouped 我的 / 党建 / 履职 / 管理, each entry shown when the user may use it; the breadcrumb reads the
/// same entries, so a page's trail is the menu's group and entry that hold it.
/// </summary>
public static class Menu
{
    /// <param name="Match">Further path prefixes that count as this entry, besides <paramref name="Href"/> and the paths under it.</param>
    public sealed record Entry(string Label, string Href, Func<Scope, bool> Shown, params string[] Match)
    {
        public IEnumerable<string> Prefixes => Match.Prepend(Href);

        public bool Holds(string path) => Prefixes.Any(m => Matched(path, m) >= 0);
    }

    public sealed record Group(string Label, IReadOnlyList<Entry> Entries);

    static bool Person(Scope s) => s.PersonId is not null;
    static bool Can(Scope s, string p) => s.CanAnywhere(p);
    static bool Duty(Scope s) => s.IsCppccMember || Can(s, Permissions.Proposals.View) || Can(s, Permissions.Duty.Sector);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("我的",
        [
            new("工作台", "/", s => !s.IsAuditorOnly && (Person(s) || Can(s, Permissions.Orgs.View) || Can(s, Permissions.OrgLife.View)), "/Index"),
            new("我的待办", "/Todo", s => s.UserId is not null && !s.IsAuditorOnly),
            new("我的信息", "/People/Details", s => Person(s) && !Can(s, Permissions.People.View)),
            new("我的活动", "/OrgLife/Mine", Person),
            new("我的积分", "/Points/Mine", Person),
            new("我的评议", "/Appraisal/Mine", Person),
        ]),
        new("党建",
        [
            new("组织架构", "/Organizations", s => Can(s, Permissions.Orgs.View)),
            new("人员名册", "/People", s => Can(s, Permissions.People.View)),
            new("组织生活", "/OrgLife", s => Can(s, Permissions.OrgLife.View) && !s.SeesOnlyDutyActivities),
            new("积分统计", "/Points", s => Can(s, Permissions.Points.View)),
            new("积分审核", "/Points/Awards", s => Can(s, Permissions.Points.Propose)),
            new("支部争星", "/Stars", s => Can(s, Permissions.Stars.View)),
            new("民主评议", "/Appraisal", s => Can(s, Permissions.Appraisal.Manage)),
        ]),
        new("履职",
        [
            new("履职活动", "/OrgLife", s => s.SeesOnlyDutyActivities),
            new("提案", "/Proposals", s => s.IsCppccMember || Can(s, Permissions.Proposals.View) || Can(s, Permissions.Proposals.Handle)),
            new("社情民意", "/Opinions", s => s.IsCppccMember || Can(s, Permissions.Opinions.View)),
            new("五个一", "/Duty/FiveOne", Duty),
            new("履职档案", "/Duty/File", Duty, "/Duty/Files"),
            new("联系委员", "/Liaison", s => Can(s, Permissions.Liaison.Manage) || s.IsCppccMember),
        ]),
        new("管理",
        [
            new("频次要求", "/OrgLife/Rules", s => Can(s, Permissions.OrgLife.Rules)),
            new("积分规则", "/Points/Rules", s => Can(s, Permissions.Points.Rules)),
            new("争星评分细则", "/Stars/Template", s => Can(s, Permissions.Stars.Review)),
            new("花名册导入", "/People/Import", s => Can(s, Permissions.People.Import)),
            new("账号管理", "/Admin/Users", s => Can(s, Permissions.Users.Manage), "/Admin/User"),
            new("批量开通账号", "/Admin/OpenAccounts", s => Can(s, Permissions.Security.Manage)),
            new("投诉建议处理", "/Feedback/Manage", s => Can(s, Permissions.Feedback.Manage)),
            new("审计日志", "/Audit", s => Can(s, Permissions.Audit.View)),
        ]),
    ];

    /// <summary>Where an entry links for this user (my own record, the office's list of files…).</summary>
    public static string HrefFor(Entry e, Scope s) => e.Href switch
    {
        "/People/Details" => $"/People/Details/{s.PersonId}",
        "/Duty/File" when Can(s, Permissions.Proposals.View) => "/Duty/Files",
        _ => e.Href,
    };

    /// <summary>The group and entry that hold a path, most specific entry first; null for pages outside the menu.</summary>
    public static (Group Group, Entry Entry)? Find(string path, Scope s) =>
        Groups.SelectMany(g => g.Entries.Where(e => e.Shown(s) && e.Holds(path)).Select(e => (g, e)))
            .OrderByDescending(x => x.e.Prefixes.Max(m => Matched(path, m)))
            .Cast<(Group, Entry)?>().FirstOrDefault();

    /// <summary>How much of the path a prefix covers, or -1; "/" covers the home page only.</summary>
    static int Matched(string path, string prefix) =>
        prefix == "/" ? (path is "/" or "/Index" ? 1 : -1)
        : path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase) ? prefix.Length : -1;
}
