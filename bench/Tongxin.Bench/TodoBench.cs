using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Features.Todo;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// The 待办 count of the top bar (it runs on every page) for a city's party-affairs administrator and for a member,
/// against one indexed count of the same database (the unread-notice count beside it), same run. Target: ≤ 20 ms.
/// </summary>
public static class TodoBench
{
    public static async Task<IEnumerable<string>> RunAsync(AppDbContext ctx)
    {
        var lines = new List<string> { "", "| 待办 count for | app median ms | one indexed count ms | ratio |", "|---|---|---|---|" };
        var city = await ctx.Organizations.Where(o => o.Type == OrgType.CityCppcc).OrderBy(o => o.Id).FirstAsync();
        var member = await ctx.People.Where(p => p.PartyStatus != PartyStatus.None && p.TenantId == city.TenantId).OrderBy(p => p.Id).FirstAsync();
        var memberOrg = await ctx.Organizations.SingleAsync(o => o.Id == member.OrgId);
        var todo = new GetTodo.Handler(ctx, TimeProvider.System, new Tongxin.Web.Features.Duty.GetFiveOne.Handler(ctx));
        var baseline = await SubtreeBench.Time(() => ctx.Notices.CountAsync(n => n.PersonId == member.Id && n.ReadAt == null));
        foreach (var (label, scope) in new[]
        {
            ("a city's party-affairs administrator", new Scope("bench", null, [new Grant(Roles.PartyAdmin, city.Id, city.Path, city.TenantId)])),
            ("a party member", new Scope("bench", member.Id, [new Grant(Roles.Member, memberOrg.Id, memberOrg.Path, memberOrg.TenantId)], memberOrg.Path)),
        })
        {
            var ms = await SubtreeBench.Time(() => todo.CountAsync(scope, "bench"));
            lines.Add($"| {label} | {ms:F1} | {baseline:F2} | {ms / baseline:F0} |");
        }
        return lines;
    }
}
