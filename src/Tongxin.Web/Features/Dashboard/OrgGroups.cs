using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Dashboard;

/// <summary>
/// How a dashboard groups many branches: one bar per branch while they fit, otherwise one per organisation directly
/// under the viewer's highest root where the tree first branches (a city's districts, an organ's 党总支), each bar a
/// link into that subtree.
/// </summary>
public static class OrgGroups
{
    public const int MaxBars = 25;

    public sealed record Group(long OrgId, string Name, string Path);

    public static async Task<Func<string, Group>> ForAsync(AppDbContext db, IReadOnlyCollection<(long Id, string Name, string Path)> units,
        IReadOnlyList<string> roots, CancellationToken ct)
    {
        var own = units.ToDictionary(u => u.Path, u => new Group(u.Id, u.Name, u.Path));
        if (units.Count <= MaxBars || roots.Count == 0) return path => own[path];
        // The first level below the root where the tree branches: a city's single 党组 above everything is passed.
        var depth = roots.Min(Depth) + 1;
        var deepest = units.Max(u => Depth(u.Path));
        var prefixes = units.Select(u => Prefix(u.Path, depth)).Distinct().ToList();
        while (prefixes.Count == 1 && depth < deepest)
            prefixes = units.Select(u => Prefix(u.Path, ++depth)).Distinct().ToList();
        var heads = await db.Organizations.Where(o => prefixes.Contains(o.Path))
            .Select(o => new { o.Id, o.Name, o.Path }).ToDictionaryAsync(o => o.Path, ct);
        return path => heads.TryGetValue(Prefix(path, depth), out var h) ? new Group(h.Id, h.Name, h.Path) : own[path];
    }

    static int Depth(string path) => path.Count(c => c == '/') - 1;

    static string Prefix(string path, int depth)
    {
        var end = 0;
        for (var i = 0; i < depth && end >= 0; i++) end = path.IndexOf('/', end + 1);
        return end < 0 ? path : path[..(end + 1)];
    }
}
