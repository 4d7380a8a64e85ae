using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Feedback;

/// <summary>投诉建议: send a suggestion or complaint about the system and read the answers to one's own.</summary>
public class IndexModel(AppDbContext db, ListFeedback.Handler list, SendFeedback.Handler send) : AppPage
{
    public sealed class InputModel
    {
        public FeedbackKind? Kind { get; set; }
        public string? Subject { get; set; }
        public string? Body { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public string? FormKey { get; set; }
    public List<FeedbackItem> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.UserId is null) return Forbid();
        FormKey = FormSubmission.NewKey();
        Input.Kind = FeedbackKind.Suggestion;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Scope.UserId is not { } me) return Forbid();
        ModelState.Remove("Input.Kind");
        var tenant = await db.Users.Where(u => u.Id == me).Select(u => u.TenantId).FirstOrDefaultAsync(ct);
        var sent = await send.Handle(new(Input.Kind, Input.Subject, Input.Body, FormKey), me, User.Identity!.Name!, tenant, ct);
        return await AfterActionAsync(sent.Error, "已提交，系统管理员答复后会在此显示", new { }, () => ShowAsync(ct));
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Mine = await list.MineAsync(Scope.UserId!, ct);
        return Page();
    }
}
