using Tongxin.Web.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Liaison;

/// <summary>联系委员 and 联系界别: the office's pairs with their yearly counts; a member's own pairs and contact records.</summary>
public class IndexModel(AppDbContext db, GetLiaison.Handler get, KeepLiaison.Handler keep) : AppPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public LiaisonKind Kind { get; set; }
    [BindProperty] public long? PartyPersonId { get; set; }
    [BindProperty] public long? OtherPersonId { get; set; }
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public ContactWay? Way { get; set; }
    [BindProperty] public string? Text { get; set; }

    public int ShownYear => Year ?? Clock.Today.Year;
    public List<GetLiaison.Pair> Mine { get; private set; } = [];
    public List<GetLiaison.Pair>? Office { get; private set; }
    public List<(long Id, string Name)> PartyMembers { get; private set; } = [];
    public List<(long Id, string Name)> NonPartyMembers { get; private set; } = [];
    public List<string> Sectors { get; private set; } = [];

    public static string WayName(ContactWay w) => w switch
    {
        ContactWay.Visit => "走访", ContactWay.Meeting => "座谈", ContactWay.Phone => "电话", ContactWay.Online => "网络", _ => "其他",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostPairAsync(CancellationToken ct) =>
        await AfterActionAsync((await keep.PairAsync(Kind, PartyPersonId, OtherPersonId, Sector, Clock.Today, Scope, ct)).Error, "已建立联系", new { year = Year }, () => ShowAsync(ct));

    public async Task<IActionResult> OnPostEndAsync(long pairId, CancellationToken ct) =>
        await AfterActionAsync((await keep.EndAsync(pairId, Clock.Today, Scope, ct)).Error, "联系已结束", new { year = Year }, () => ShowAsync(ct));

    public async Task<IActionResult> OnPostContactAsync(long pairId, CancellationToken ct) =>
        await AfterActionAsync((await keep.ContactAsync(pairId, On, Way, Text, Scope, User.Identity!.Name!, Clock.Today, ct)).Error, "联系记录已保存", new { year = Year }, () => ShowAsync(ct));

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Mine = await get.Handle(Scope, ShownYear, mineOnly: true, ct);
        var tenant = Scope.TenantWith(Permissions.Liaison.Manage);
        if (tenant is { } t)
        {
            Office = await get.Handle(Scope, ShownYear, mineOnly: false, ct);
            var people = db.People.Where(p => p.TenantId == t).OrderBy(p => p.NameInitials);
            PartyMembers = (await people.Where(p => p.PartyStatus != PartyStatus.None && (p.IsCppccMember || p.StaffPost != null))
                .Select(p => new { p.Id, p.Name, p.IsCppccMember, InGroup = db.CommitteeMembers.Any(c => c.PersonId == p.Id
                    && db.Organizations.Any(o => o.Id == c.OrgId && o.Type == OrgType.LeadingPartyGroup && o.ClosedAt == null)) })
                .Take(500).ToListAsync(ct))
                .Select(p => (p.Id, p.Name + (p.InGroup ? L["（党组成员）"].Value : "") + (p.IsCppccMember ? L["（委员）"].Value : ""))).ToList();
            NonPartyMembers = (await people.Where(p => p.IsCppccMember && p.PartyStatus == PartyStatus.None && p.Affiliation != PartyAffiliations.Cpc)
                .Select(p => new { p.Id, p.Name, p.Affiliation }).Take(500).ToListAsync(ct)).Select(p => (p.Id, $"{p.Name}（{p.Affiliation}）")).ToList();
            Sectors = await db.People.Where(p => p.TenantId == t && p.IsCppccMember && p.Sector != null).Select(p => p.Sector!).Distinct().OrderBy(s => s).ToListAsync(ct);
        }
        if (Office is null && Mine.Count == 0 && Scope.PersonId is null) return Forbid();
        return Page();
    }
}
