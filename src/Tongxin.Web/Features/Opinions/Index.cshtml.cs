using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Opinions;

/// <summary>社情民意: the member's own reports, and for the office every report of the year with its counts.</summary>
public class IndexModel(AppDbContext db, GetOpinionStats.Handler stats, ExportOpinions.Handler export) : AppPage
{
    public sealed record Row(long Id, string Title, string Author, OpinionStatus Status, ForwardLevel? ForwardedTo, bool Instructed, DateTime? SubmittedAt);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>adopted, forwarded or instructed: the office list narrowed as the statistics count them.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public int ShownYear => Year ?? Clock.Today.Year;
    public bool IsMember { get; private set; }
    public List<Row> Mine { get; private set; } = [];
    public Paged<Row>? Office { get; private set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public string PageLink(int p) => Url.Page("Index", new { year = ShownYear, Show, p })!;
    public GetOpinionStats.View? Stats { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = Scope.PersonId ?? -1;
        IsMember = await db.People.AnyAsync(p => p.Id == me && p.IsCppccMember, ct);
        Mine = (await RowsAsync(db.OpinionReports.Where(o => o.AuthorPersonId == me && o.Year == ShownYear), 1, Paging.MaxPageSize, ct)).Rows.ToList();
        if (Scope.TenantWith(Permissions.Opinions.View) is { } tenant)
        {
            var office = db.OpinionReports.Where(o => o.TenantId == tenant && o.Year == ShownYear && o.Status != OpinionStatus.Draft);
            office = Show switch
            {
                "adopted" => office.Where(o => o.Status == OpinionStatus.Adopted),
                "forwarded" => office.Where(o => o.ForwardedTo != null),
                "instructed" => office.Where(o => o.Instruction != null),
                _ => office,
            };
            Office = await RowsAsync(office, PageNumber, 50, ct);
            Stats = await stats.Handle(tenant, ShownYear, ct);
        }
        if (Scope.PersonId is null && Office is null) return Forbid();
        return Page();
    }

    /// <summary>社情民意台账 (.xlsx) for the office and leaders.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (Scope.TenantWith(Permissions.Opinions.View) is not { } tenant) return Forbid();
        var rows = await export.Handle(tenant, ShownYear, ct);
        string[] headers = [L["标题"], L["报送人"], L["界别"], L["报送日期"], L["状态"], L["处理日期"], L["处理意见"], L["报送层级"], L["报送日期（上级）"],
            L["批示领导"], L["批示日期"], L["批示内容"]];
        return await XlsxAsync($"{ShownYear}年度社情民意", $"社情民意台账-{ShownYear}.xlsx", headers, rows.Select(Line), ct);
    }

    IReadOnlyList<string?> Line(ExportOpinions.Row r) =>
        [r.Title, r.Author, r.Sector, Clock.ShowDay(r.SubmittedAt), L[r.Status.Name()], Clock.ShowDay(r.DecidedOn), r.DecisionNote,
            r.ForwardedTo is { } f ? L[f.Name()].Value : null, Clock.ShowDay(r.ForwardedOn), r.InstructedBy, Clock.ShowDay(r.InstructedOn), r.Instruction];

    async Task<Paged<Row>> RowsAsync(IQueryable<OpinionReport> q, int page, int size, CancellationToken ct)
    {
        var rows = from o in q join p in db.People on o.AuthorPersonId equals p.Id
                   orderby o.CreatedAt descending, o.Id descending
                   select new Row(o.Id, o.Title, p.Name, o.Status, o.ForwardedTo, o.Instruction != null, o.SubmittedAt);
        var total = await q.CountAsync(ct);
        return new Paged<Row>(await rows.Skip(Paging.Skip(page, size)).Take(size).ToListAsync(ct), total, Paging.Page(page), size);
    }
}
