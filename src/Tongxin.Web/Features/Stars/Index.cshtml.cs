using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>支部争星 across the user's branches for a year: where each rating stands and how the stars fall.</summary>
public class IndexModel(GetStarsOverview.Handler overview) : AppPage
{
    public GetStarsOverview.View View { get; private set; } = null!;
    public bool CanKeepChecklist { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Stars.View)) return Forbid();
        View = await overview.Handle(Scope, year ?? StarYear.Default(Clock.Today), ct);
        CanKeepChecklist = Scope.CanAnywhere(Permissions.Stars.Review);
        return Page();
    }
}
