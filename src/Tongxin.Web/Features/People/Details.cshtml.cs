using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

public class DetailsModel(GetPerson.Handler get, GetFiveOne.Handler fiveOne) : AppPage
{
    public GetPerson.View View { get; private set; } = null!;
    /// <summary>On a CPPCC member's own page in the third quarter: the 五个一 items still open this year.</summary>
    public IReadOnlyList<FiveOneItem>? FiveOneOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        View = view;
        var p = view.Person;
        if (Scope.IsSelf(p.Id) && p.IsCppccMember && FiveOne.Q3Reminder(Clock.Today, Clock.Today.Year, FiveOne.Items) is not null)
        {
            var mine = (await fiveOne.Handle(p.TenantId, Clock.Today.Year, p.Id, ct: ct)).Members.Single();
            FiveOneOpen = FiveOne.Q3Reminder(Clock.Today, Clock.Today.Year, mine.Gaps);
        }
        return Page();
    }
}
