using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Opinions;

/// <summary>社情民意台账: every submitted report of a unit's year, one row each — author, 界别, decision, where it went, the 批示.</summary>
public static class ExportOpinions
{
    public sealed record Row(string Title, string Author, string? Sector, DateTime? SubmittedAt, OpinionStatus Status, DateOnly? DecidedOn,
        string? DecisionNote, ForwardLevel? ForwardedTo, DateOnly? ForwardedOn, string? InstructedBy, DateOnly? InstructedOn, string? Instruction);

    public sealed class Handler(AppDbContext db)
    {
        public Task<List<Row>> Handle(long tenantId, int year, CancellationToken ct = default) =>
            (from o in db.OpinionReports join p in db.People on o.AuthorPersonId equals p.Id
             where o.TenantId == tenantId && o.Year == year && o.Status != OpinionStatus.Draft
             orderby o.SubmittedAt
             select new Row(o.Title, p.Name, p.Sector, o.SubmittedAt, o.Status, o.DecidedOn, o.DecisionNote, o.ForwardedTo, o.ForwardedOn,
                 o.InstructedBy, o.InstructedOn, o.Instruction)).ToListAsync(ct);
    }
}
