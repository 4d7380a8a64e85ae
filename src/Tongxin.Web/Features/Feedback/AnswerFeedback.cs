using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Feedback;

/// <summary>The system administrator of the sender's unit answers; the sender is told (a notice when they are a person).</summary>
public static class AnswerFeedback
{
    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<bool>> Handle(long id, string? answer, Scope scope, string userName, CancellationToken ct = default)
        {
            var tenants = scope.TenantsWith(Permissions.Feedback.Manage);
            var item = await db.Feedback.FirstOrDefaultAsync(f => f.Id == id && tenants.Contains(f.TenantId), ct);
            if (item is null) return Error.NotFound();
            var now = time.GetUtcNow().UtcDateTime;
            if (item.AnswerWith(answer, userName, now) is { Ok: false } refused) return refused;
            var sender = await db.Users.Where(u => u.Id == item.UserId).Select(u => u.PersonId).FirstOrDefaultAsync(ct);
            if (sender is { } person)
                Notices.Notify.Person(db, item.TenantId, person, $"您提出的{FeedbackItem.Name(item.Kind)}“{item.Subject}”已答复", "/Feedback", now);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该意见已答复"); }
            return true;
        }
    }
}
