using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>变更计划: time, place, topic, host and attendees of a planned activity.</summary>
public class ChangeModel(AppDbContext db, GetActivity.Handler get) : AppPage
{
    public sealed class InputModel
    {
        public string Topic { get; set; } = "";
        public string Place { get; set; } = "";
        public DateTime StartsAt { get; set; }
        public DateTime EndsAt { get; set; }
        public long? HostPersonId { get; set; }
        public List<long> AttendeeIds { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public GetActivity.View View { get; private set; } = null!;
    public List<(long Id, string Name)> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var a = View.Activity;
        Input = new InputModel
        {
            Topic = a.Topic, Place = a.Place, StartsAt = Clock.ToLocal(a.StartsAt), EndsAt = Clock.ToLocal(a.EndsAt),
            HostPersonId = a.HostPersonId, AttendeeIds = View.Attendees.Select(x => x.PersonId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromServices] ChangeActivity.Handler change, CancellationToken ct)
    {
        var result = await change.Handle(new ChangeActivity.Command
        {
            ActivityId = id, Topic = Input.Topic, Place = Input.Place, StartsAt = Clock.ToUtc(Input.StartsAt), EndsAt = Clock.ToUtc(Input.EndsAt),
            HostPersonId = Input.HostPersonId, AttendeeIds = Input.AttendeeIds,
        }, Scope, DateTime.UtcNow, ct);
        if (result.Ok)
        {
            TempData["Flash"] = L["活动计划已变更"].Value;
            return RedirectToPage("Activity", new { id });
        }
        if (Fail(result.Error!) is { } response) return response;
        return await LoadAsync(id, ct) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        if (!view.CanManage) return Forbid();
        View = view;
        var org = await db.Organizations.FirstAsync(o => o.Id == view.Activity.OrgId, ct);
        var derived = await ExpectedAttendees.ForAsync(db, org, view.Activity.Type, ct);
        var ids = derived.Union(view.Attendees.Select(x => x.PersonId)).ToList();
        Candidates = (await db.People.Where(p => ids.Contains(p.Id)).OrderBy(p => p.NameInitials).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        return null;
    }
}
