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
    /// <summary>1–5: the branches rated with that many stars; 0: those not yet rated. The list only: the counts stay whole.</summary>
    public int? Stars { get; private set; }
    public IReadOnlyList<GetStarsOverview.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, int? stars, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Stars.View)) return Forbid();
        View = await overview.Handle(Scope, year ?? StarYear.Default(Clock.Today), ct);
        Stars = stars is >= 0 and <= 5 ? stars : null;
        Rows = Stars switch
        {
            null => View.Rows,
            0 => View.Rows.Where(r => r.Status != StarRatingStatus.Reviewed).ToList(),
            { } n => View.Rows.Where(r => r.Status == StarRatingStatus.Reviewed && r.ReviewStars == n).ToList(),
        };
        CanKeepChecklist = Scope.CanAnywhere(Permissions.Stars.Review);
        return Page();
    }
}
