using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Feedback;

/// <summary>投诉建议处理: the system administrator's list of the unit's items, open first, each answered once.</summary>
public class ManageModel(ListFeedback.Handler list, AnswerFeedback.Handler answer) : AppPage
{
    [BindProperty(SupportsGet = true)] public FeedbackStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Answer { get; set; }
    public Paged<FeedbackItem> Items { get; private set; } = null!;
    public long? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        Scope.CanAnywhere(Permissions.Feedback.Manage) ? await ShowAsync(ct) : Forbid();

    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Feedback.Manage)) return Forbid();
        var done = await answer.Handle(id, Answer, Scope, User.Identity!.Name!, ct);
        if (!done.Ok) Failed = id;
        return await AfterActionAsync(done.Error, "已答复", new { Status, p = PageNumber }, () => ShowAsync(ct));
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Items = await list.ForAdministratorAsync(Scope, Status, PageNumber, ct);
        return Page();
    }

    public string PageLink(int p) => Url.Page("Manage", new { Status, p })!;
}
