using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Feedback;

/// <summary>Any signed-in user sends a suggestion or complaint about the system; a double click sends it once.</summary>
public static class SendFeedback
{
    public sealed record Command(FeedbackKind? Kind, string? Subject, string? Body, string? FormKey);

    const string FormKind = "feedback";

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<long>> Handle(Command c, string userId, string userName, long? tenantId, CancellationToken ct = default)
        {
            if (tenantId is not { } tenant) return Error.Forbidden();
            if (c.Kind is not { } kind || !Enum.IsDefined(kind)) return Error.Validation("请选择类别（建议或投诉）", "Kind");
            var subject = c.Subject?.Trim() ?? "";
            var body = c.Body?.Trim() ?? "";
            if (subject.Length is < 2 or > FeedbackItem.SubjectMax) return Error.Validation("请填写标题（2至100字）", "Subject");
            if (body.Length < 5) return Error.Validation("请写明具体内容（不少于5个字）", "Body");
            if (TextLimits.TooLong(body, FeedbackItem.BodyMax, "内容", "Body") is { } tooLong) return tooLong;
            if (await FormSubmission.MadeAsync(db, c.FormKey, FormKind, ct) is { } made) return made;

            var item = new FeedbackItem
            {
                TenantId = tenant, UserId = userId, UserName = userName, Kind = kind, Subject = subject, Body = body,
                CreatedAt = time.GetUtcNow().UtcDateTime, Status = FeedbackStatus.Open,
            };
            db.Feedback.Add(item);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (!await FormSubmission.RecordAsync(db, c.FormKey, FormKind, item.Id, ct))
            {
                await tx.RollbackAsync(ct);
                return await FormSubmission.MadeAsync(db, c.FormKey, FormKind, ct) ?? item.Id;
            }
            await tx.CommitAsync(ct);
            return item.Id;
        }
    }
}
