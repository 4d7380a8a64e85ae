using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Opinions;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using ProposalStatus = Tongxin.Web.Features.Proposals.ProposalStatus;

namespace Tongxin.Web.Features.Search;

/// <summary>
/// The top bar's search: people, activities, proposals and 社情民意 within the user's scope, by the same rules as the
/// lists and record pages (people in the roster the user may view; activities of organisations whose life they may
/// view, or that expect them; proposals as the office, a signer or a handling unit; 社情民意 as the office or author).
/// </summary>
public static class SearchRecords
{
    public const int PerKind = 10, MaxQuery = 50;

    public sealed record Hit(string Title, string Detail, string Url);

    public sealed record View(string Query, IReadOnlyList<Hit> People, IReadOnlyList<Hit> Activities, IReadOnlyList<Hit> Proposals, IReadOnlyList<Hit> Opinions)
    {
        public int Total => People.Count + Activities.Count + Proposals.Count + Opinions.Count;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(Scope scope, string? query, CancellationToken ct = default)
        {
            var q = (query ?? "").Trim();
            if (q.Length > MaxQuery) q = q[..MaxQuery];
            if (q.Length == 0) return new View("", [], [], [], []);
            var initials = q.ToLowerInvariant();
            var me = scope.PersonId ?? -1;

            var people = scope.CanAnywhere(Permissions.People.View)
                ? await (from p in scope.People(db, Permissions.People.View)
                         join o in db.Organizations on p.OrgId equals o.Id
                         where p.Name.Contains(q) || p.NameInitials.StartsWith(initials)
                         orderby p.NameInitials
                         select new Hit(p.Name, o.Name, "/People/Details/" + p.Id.ToString())).Take(PerKind).ToListAsync(ct)
                : [];

            var visible = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View)).Select(o => o.Id);
            var activities = await (from a in db.Activities
                                    join o in db.Organizations on a.OrgId equals o.Id
                                    where a.Topic.Contains(q) && (visible.Contains(a.OrgId) || db.Attendees.Any(x => x.ActivityId == a.Id && x.PersonId == me))
                                    orderby a.StartsAt descending
                                    select new { a.Id, a.Topic, o.Name, a.StartsAt }).Take(PerKind).ToListAsync(ct);

            var offices = scope.TenantsWith(Permissions.Proposals.View);
            var units = ProposalAccess.Units(db, scope);
            ProposalStatus[] handled = [ProposalStatus.Assigned, ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed];
            var proposals = await db.Proposals
                .Where(p => p.Title.Contains(q) || (p.Number != null && p.Number.Contains(q)))
                .Where(p => p.Status == ProposalStatus.Draft ? p.LeadPersonId == me
                    : offices.Contains(p.TenantId) || p.Signers.Any(s => s.PersonId == me)
                      || (handled.Contains(p.Status) && p.Units.Any(u => units.Contains(u.OrgId))))
                .OrderByDescending(p => p.Id).Take(PerKind)
                .Select(p => new { p.Id, p.Title, p.Number, p.Year }).ToListAsync(ct);

            var opinionOffices = scope.TenantsWith(Permissions.Opinions.View);
            var opinions = await db.OpinionReports
                .Where(o => o.Title.Contains(q) && (o.AuthorPersonId == me || (opinionOffices.Contains(o.TenantId) && o.Status != OpinionStatus.Draft)))
                .OrderByDescending(o => o.Id).Take(PerKind).Select(o => new { o.Id, o.Title, o.Year }).ToListAsync(ct);

            return new View(q, people,
                activities.Select(a => new Hit(a.Topic, $"{a.Name} · {Tongxin.Web.Shared.Clock.ShowDay(a.StartsAt)}", $"/OrgLife/Activity/{a.Id}")).ToList(),
                proposals.Select(p => new Hit(p.Title, p.Number ?? p.Year.ToString(), $"/Proposals/Details/{p.Id}")).ToList(),
                opinions.Select(o => new Hit(o.Title, o.Year.ToString(), $"/Opinions/Details/{o.Id}")).ToList());
        }
    }
}
