using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

/// <summary>One proposal: its text, proposers, handling and rating, and the next step for whoever may take it.</summary>
public class DetailsModel(AppDbContext db, GetProposal.Handler get, ConfirmCosign.Handler confirm, ReviewProposal.Handler review,
    AssignProposal.Handler assign, AnswerProposal.Handler answer) : AppPage
{
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public long? MergeInto { get; set; }
    [BindProperty] public long? LeadUnit { get; set; }
    [BindProperty] public List<long> CoUnits { get; set; } = [];
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Overseer { get; set; }
    [BindProperty] public bool IsKey { get; set; }
    [BindProperty] public bool IsExcellent { get; set; }
    [BindProperty] public OutcomeClass? Outcome { get; set; }
    [BindProperty] public string? ReplyText { get; set; }
    [BindProperty] public Satisfaction? HandlingRating { get; set; }
    [BindProperty] public Satisfaction? ResultRating { get; set; }

    public GetProposal.View View { get; private set; } = null!;
    public List<(long Id, string Name)> HandlingUnits { get; private set; } = [];
    public List<(long Id, string Label)> MergeTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostConfirmAsync(long id, bool accept, CancellationToken ct) =>
        After(id, confirm.Handle(id, accept, Scope, DateTime.UtcNow, ct), accept ? "已确认联名" : "已谢绝联名", ct);

    public Task<IActionResult> OnPostReviewAsync(long id, ProposalAction decision, CancellationToken ct) =>
        After(id, review.Handle(id, decision, Note, MergeInto, Scope, User.Identity!.Name!, DateTime.UtcNow, ct), "审查结果已保存", ct);

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        After(id, assign.AssignAsync(id, new(LeadUnit, CoUnits, Deadline, Overseer, IsKey, IsExcellent), Scope, Clock.Today, ct), "已交办", ct);

    public Task<IActionResult> OnPostExtendAsync(long id, CancellationToken ct) =>
        After(id, assign.ExtendAsync(id, Deadline, Note, Scope, ct), "办理期限已延长", ct);

    public Task<IActionResult> OnPostFlagAsync(long id, CancellationToken ct) =>
        After(id, assign.FlagAsync(id, IsKey, IsExcellent, Overseer, Scope, ct), "标记已保存", ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        After(id, assign.CloseAsync(id, Scope, DateTime.UtcNow, ct), "提案已办结", ct);

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) =>
        After(id, answer.ReplyAsync(id, Outcome, ReplyText, Scope, User.Identity!.Name!, Clock.Today, ct), "答复已提交", ct);

    public Task<IActionResult> OnPostRateAsync(long id, CancellationToken ct) =>
        After(id, answer.RateAsync(id, HandlingRating, ResultRating, Note, Scope, DateTime.UtcNow, ct), "评价已提交", ct);

    public Task<IActionResult> OnPostSendBackAsync(long id, CancellationToken ct) =>
        After(id, answer.SendBackAsync(id, Scope, Clock.Today, ct), "已退回承办单位重新办理", ct);

    async Task<IActionResult> After<T>(long id, Task<Result<T>> action, string done, CancellationToken ct) =>
        await AfterActionAsync((await action).Error, done, new { id }, () => ShowAsync(id, ct));

    async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        if (await get.Handle(id, Scope, Clock.Today, ct) is not { } view) return NotFound();
        View = view;
        var p = view.Proposal;
        if (view.IsOffice && p.Status == ProposalStatus.Registered) HandlingUnits = await get.HandlingUnitsAsync(p.TenantId, ct);
        if (view.IsOffice && p.Status == ProposalStatus.Submitted)
            MergeTargets = (await db.Proposals.Where(x => x.TenantId == p.TenantId && x.Year == p.Year && x.Id != p.Id
                    && (x.Status == ProposalStatus.Submitted || x.Status == ProposalStatus.Registered || x.Status == ProposalStatus.Assigned))
                .OrderBy(x => x.Id).Select(x => new { x.Id, x.Number, x.Title }).ToListAsync(ct))
                .Select(x => (x.Id, $"{x.Number ?? "#" + x.Id} {x.Title}")).ToList();
        return Page();
    }
}
