using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

public class PlanModel(AppDbContext db) : AppPage
{
    public sealed class InputModel
    {
        public long OrgId { get; set; }
        public ActivityType Type { get; set; } = ActivityType.ThemedPartyDay;
        public string Topic { get; set; } = "";
        public DateTime StartsAt { get; set; }
        public DateTime EndsAt { get; set; }
        public string Place { get; set; } = "";
        public bool Adjusted { get; set; }
        public List<long> AttendeeIds { get; set; } = [];
        public long? HostPersonId { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<(long Id, string Name, OrgType Type)> Orgs { get; private set; } = [];
    public List<(long Id, string Name)> Candidates { get; private set; } = [];

    /// <summary>The types the user's organisations can hold: branch meetings for branches, duty activities for the 政协委员 body.</summary>
    public IReadOnlyList<ActivityTypeInfo> Types => ActivityTypes.All
        .Where(t => t.Duty ? Orgs.Any(o => o.Type == OrgType.MemberBody) : Orgs.Any(o => o.Type != OrgType.MemberBody)).ToList();

    public async Task<IActionResult> OnGetAsync(long? orgId, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.Plan)) return Forbid();
        var start = Clock.ToLocal(DateTime.UtcNow).Date.AddDays(1).AddHours(15);
        Input.StartsAt = start;
        Input.EndsAt = start.AddHours(2);
        await LoadOrgsAsync(ct);
        Input.OrgId = orgId ?? (Orgs.Any(o => o.Type.IsBranch()) ? Orgs.First(o => o.Type.IsBranch()).Id : Orgs.FirstOrDefault().Id);
        if (Orgs.FirstOrDefault(o => o.Id == Input.OrgId).Type == OrgType.MemberBody) Input.Type = Types.First(t => t.Duty).Type;
        await LoadCandidatesAsync(ct);
        return Page();
    }

    /// <summary>htmx: the derived attendee list for the chosen organisation and type.</summary>
    public async Task<IActionResult> OnGetAttendeesAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.Plan)) return Forbid();
        Input.OrgId = long.TryParse(Request.Query["Input.OrgId"], out var o) ? o : 0;
        Input.Type = Enum.TryParse<ActivityType>(Request.Query["Input.Type"], out var t) ? t : ActivityType.ThemedPartyDay;
        await LoadCandidatesAsync(ct);
        return Partial("_Attendees", this);
    }

    public async Task<IActionResult> OnPostAsync([FromServices] PlanActivity.Handler plan, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.OrgLife.Plan)) return Forbid();
        var result = await plan.Handle(new PlanActivity.Command
        {
            OrgId = Input.OrgId, Type = Input.Type, Topic = Input.Topic, Place = Input.Place,
            StartsAt = Clock.ToUtc(Input.StartsAt), EndsAt = Clock.ToUtc(Input.EndsAt),
            AttendeeIds = Input.Adjusted ? Input.AttendeeIds : null, HostPersonId = Input.HostPersonId,
        }, Scope, User.Identity!.Name!, ct);
        if (result.Ok)
        {
            TempData["Flash"] = L["已报备活动计划"].Value;
            return RedirectToPage("Activity", new { id = result.Value });
        }
        if (Fail(result.Error!) is { } response) return response;
        await LoadOrgsAsync(ct);
        await LoadCandidatesAsync(ct);
        return Page();
    }

    async Task LoadOrgsAsync(CancellationToken ct) =>
        Orgs = (await db.Organizations.Where(Scope.OrgFilter(Permissions.OrgLife.Plan)).Where(o => o.ClosedAt == null)
                .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Type }).ToListAsync(ct))
            .Where(o => o.Type.IsBranch() || o.Type == OrgType.PartyGroup || o.Type == OrgType.MemberBody).Select(o => (o.Id, o.Name, o.Type)).ToList();

    async Task LoadCandidatesAsync(CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == Input.OrgId, ct);
        if (org is null || !Scope.Can(Permissions.OrgLife.Plan, org.Path)) { Candidates = []; return; }
        var ids = await ExpectedAttendees.ForAsync(db, org, Input.Type, ct);
        if (!Input.Adjusted) Input.AttendeeIds = ids;
        // Posted ids are named only when the planner may plan for them: the form must not echo other people's names.
        var posted = await Scope.People(db, Permissions.OrgLife.Plan).Where(p => Input.AttendeeIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var all = ids.Union(posted).ToList();
        // For a duty activity with chosen participants, every CPPCC member of the unit may be ticked.
        var pool = org.Type == OrgType.MemberBody
            ? db.People.Where(p => p.TenantId == org.TenantId && p.IsCppccMember)
            : db.People.Where(p => all.Contains(p.Id));
        Candidates = (await pool.OrderBy(p => p.NameInitials).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
    }
}
