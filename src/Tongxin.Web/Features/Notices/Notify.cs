using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Notices;

/// <summary>
/// Adds notices to the handler's unit of work: they are saved by the handler's own SaveChanges, so a notice exists
/// exactly when its event does (and rolls back with it). The acting person is never told of their own act.
/// </summary>
public static class Notify
{
    public static void People(AppDbContext db, long tenantId, IEnumerable<long> personIds, string text, string url, DateTime utcNow, long? actor = null)
    {
        if (text.Length > 300) text = text[..299] + "…";
        foreach (var person in personIds.Distinct().Where(p => p != actor))
            db.Notices.Add(new Notice { TenantId = tenantId, PersonId = person, Text = text, Url = url, CreatedAt = utcNow });
    }

    public static void Person(AppDbContext db, long tenantId, long personId, string text, string url, DateTime utcNow, long? actor = null) =>
        People(db, tenantId, [personId], text, url, utcNow, actor);
}
