using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Organizations;

public static class GetOrgTree
{
    public sealed record Node(long Id, long? ParentId, string Name, OrgType Type, string Path, bool Closed, int People)
    {
        public List<Node> Children { get; } = [];
        public bool Match { get; set; }
    }

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Every organisation in the user's scope as a forest; with a query, matches and their ancestors only.</summary>
        public async Task<List<Node>> Handle(Scope scope, string? q = null, bool includeClosed = false, CancellationToken ct = default)
        {
            var orgs = db.Organizations.Where(scope.OrgFilter(Permissions.Orgs.View));
            if (!includeClosed) orgs = orgs.Where(o => o.ClosedAt == null);
            // One query; the per-node count is a correlated subquery that walks the People.OrgId index.
            var rows = (await orgs.OrderBy(o => o.Depth).ThenBy(o => o.SortOrder).ThenBy(o => o.Id)
                    .Select(o => new { o.Id, o.ParentId, o.Name, o.Type, o.Path, Closed = o.ClosedAt != null,
                        People = db.People.Count(p => p.OrgId == o.Id) })
                    .ToListAsync(ct))
                .Select(o => new Node(o.Id, o.ParentId, o.Name, o.Type, o.Path, o.Closed, o.People))
                .ToList();

            if (!string.IsNullOrWhiteSpace(q))
            {
                var term = q.Trim();
                var keep = new HashSet<long>();
                foreach (var n in rows.Where(n => n.Name.Contains(term, StringComparison.OrdinalIgnoreCase)))
                {
                    n.Match = true;
                    foreach (var a in OrgTree.AncestorIds(n.Path)) keep.Add(a);
                }
                rows = rows.Where(n => keep.Contains(n.Id)).ToList();
            }
            return Build(rows);
        }
    }

    public static List<Node> Build(List<Node> rows)
    {
        var byId = rows.ToDictionary(n => n.Id);
        var roots = new List<Node>();
        foreach (var n in rows)
        {
            if (n.ParentId is { } p && byId.TryGetValue(p, out var parent)) parent.Children.Add(n);
            else roots.Add(n);
        }
        return roots;
    }
}
