using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

public static class ListPeople
{
    public const int DefaultPageSize = 20;

    public sealed record Query(long? OrgId = null, string? Role = null, string? Q = null, int Page = 1,
        int PageSize = DefaultPageSize, string Sort = "name", bool Desc = false);

    public sealed record Row(long Id, string Name, Gender Gender, string OrgName, PartyStatus PartyStatus, bool IsRetired,
        bool IsCppccMember, string? Sector, string? Affiliation, bool IsStandingCommittee, string? StaffPost,
        bool IsYoungCadre, string? IdNumber, DateOnly? JoinedDate, string? Phone);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total, int PageNumber, int PageSize)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    sealed class Joined { public Person P { get; init; } = null!; public Organization O { get; init; } = null!; }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Page>> Handle(Query q, Scope scope, CancellationToken ct = default)
        {
            var filtered = await FilterAsync(q, scope, ct);
            if (!filtered.Ok) return filtered.Error!;
            var query = filtered.Value!;
            var size = Paging.Size(q.PageSize, DefaultPageSize);
            var total = await query.CountAsync(ct);
            var page = Paging.Page(q.Page);
            var rows = await Sorted(query, q).Skip(Paging.Skip(page, size)).Take(size).ToListAsync(ct);
            return new Page(rows.Select(j => ToRow(j, scope)).ToList(), total, page, size);
        }

        /// <summary>All rows of the filtered list, in order, without paging (for export).</summary>
        public async IAsyncEnumerable<Row> StreamAsync(Query q, Scope scope,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            var filtered = await FilterAsync(q, scope, ct);
            if (!filtered.Ok) yield break;
            await foreach (var j in Sorted(filtered.Value!, q).AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
                yield return ToRow(j, scope);
        }

        async Task<Result<IQueryable<Joined>>> FilterAsync(Query q, Scope scope, CancellationToken ct)
        {
            var people = scope.People(db, Permissions.People.View);
            if (q.OrgId is { } orgId)
            {
                var root = await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
                if (root is null || !scope.Can(Permissions.People.View, root)) return Error.NotFound("组织不存在或不在您的管理范围内");
                var subtree = db.Organizations.Where(o => o.Path.StartsWith(root)).Select(o => o.Id);
                people = people.Where(p => subtree.Contains(p.OrgId) ||
                    db.DualLives.Any(d => d.PersonId == p.Id && subtree.Contains(d.OrgId)));
            }
            people = q.Role switch
            {
                "party" => people.Where(p => p.PartyStatus != PartyStatus.None),
                "full" => people.Where(p => p.PartyStatus == PartyStatus.Full),
                "probationary" => people.Where(p => p.PartyStatus == PartyStatus.Probationary),
                "retired" => people.Where(p => p.IsRetired),
                "cppcc" => people.Where(p => p.IsCppccMember),
                "cpc-cppcc" => people.Where(p => p.IsCppccMember && p.PartyStatus != PartyStatus.None),
                "non-cpc-cppcc" => people.Where(p => p.IsCppccMember && p.PartyStatus == PartyStatus.None),
                "standing" => people.Where(p => p.IsStandingCommittee),
                "staff" => people.Where(p => p.IsStaff),
                "young" => people.Where(p => p.IsYoungCadre),
                "dual" => people.Where(p => db.DualLives.Any(d => d.PersonId == p.Id)),
                _ => people,
            };
            if (!string.IsNullOrWhiteSpace(q.Q))
            {
                var term = q.Q.Trim();
                var initials = term.ToLowerInvariant();
                var upper = term.ToUpperInvariant();
                // A full ID number matches only where the user may read it: elsewhere the search would be an oracle
                // that recovers a masked number from its birth date in a few tries.
                var idReadable = db.Organizations.Where(scope.OrgFilter(Permissions.People.ViewIdNumber)).Select(o => o.Id);
                people = term.All(char.IsAsciiLetter)
                    ? people.Where(p => p.NameInitials.StartsWith(initials) || p.Name.Contains(term))
                    : people.Where(p => p.Name.Contains(term) || p.Phone == term
                        || (p.IdNumber == upper && idReadable.Contains(p.OrgId)));
            }
            return Result<IQueryable<Joined>>.From(
                people.Join(db.Organizations, p => p.OrgId, o => o.Id, (p, o) => new Joined { P = p, O = o }));
        }

        static IQueryable<Joined> Sorted(IQueryable<Joined> query, Query q) => (q.Sort, q.Desc) switch
        {
            ("org", false) => query.OrderBy(j => j.O.Path).ThenBy(j => j.P.NameInitials).ThenBy(j => j.P.Id),
            ("org", true) => query.OrderByDescending(j => j.O.Path).ThenBy(j => j.P.NameInitials).ThenBy(j => j.P.Id),
            ("joined", false) => query.OrderBy(j => j.P.JoinedDate).ThenBy(j => j.P.Id),
            ("joined", true) => query.OrderByDescending(j => j.P.JoinedDate).ThenBy(j => j.P.Id),
            (_, true) => query.OrderByDescending(j => j.P.NameInitials).ThenByDescending(j => j.P.Id),
            _ => query.OrderBy(j => j.P.NameInitials).ThenBy(j => j.P.Id),
        };

        static Row ToRow(Joined j, Scope scope)
        {
            var p = j.P;
            var showId = scope.IsSelf(p.Id) || scope.Can(Permissions.People.ViewIdNumber, j.O.Path);
            return new Row(p.Id, p.Name, p.Gender, j.O.Name, p.PartyStatus, p.IsRetired, p.IsCppccMember, p.Sector,
                p.Affiliation, p.IsStandingCommittee, p.StaffPost, p.IsYoungCadre,
                showId ? p.IdNumber : IdNumber.Mask(p.IdNumber), p.JoinedDate, p.Phone);
        }
    }
}
