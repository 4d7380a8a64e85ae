using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Feedback;

public enum FeedbackKind { Suggestion, Complaint }

public enum FeedbackStatus { Open, Answered }

/// <summary>
/// 投诉建议: a user's suggestion or complaint about the system (government apps must offer the channel), answered
/// once by the system administrator; the sender sees the answer. Kept, never deleted.
/// </summary>
public class FeedbackItem
{
    public const int SubjectMax = 100, BodyMax = 2000;

    public long Id { get; set; }
    public long TenantId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public FeedbackKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public FeedbackStatus Status { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime? AnsweredAt { get; set; }

    /// <summary>Answers an open item; an answered one keeps its answer (two administrators at once: the first wins).</summary>
    public Result<bool> AnswerWith(string? text, string by, DateTime utcNow)
    {
        if (Status == FeedbackStatus.Answered) return Error.Conflict("该意见已答复");
        var answer = text?.Trim() ?? "";
        if (answer.Length < 2) return Error.Validation("请填写答复内容", "Answer");
        if (answer.Length > BodyMax) return Error.Validation("答复内容不能超过2000字", "Answer");
        (Status, Answer, AnsweredBy, AnsweredAt) = (FeedbackStatus.Answered, answer, by, utcNow);
        return true;
    }

    public static string Name(FeedbackKind kind) => kind == FeedbackKind.Complaint ? "投诉" : "建议";

    public static string Name(FeedbackStatus status) => status == FeedbackStatus.Answered ? "已答复" : "待答复";
}

public sealed class FeedbackItemConfig : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> b)
    {
        b.ToTable("Feedback");
        b.Property(f => f.UserId).HasMaxLength(450);
        b.Property(f => f.UserName).HasMaxLength(256);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(f => f.Subject).HasMaxLength(FeedbackItem.SubjectMax);
        b.Property(f => f.Body).HasMaxLength(FeedbackItem.BodyMax);
        b.Property(f => f.Answer).HasMaxLength(FeedbackItem.BodyMax);
        b.Property(f => f.AnsweredBy).HasMaxLength(256);
        b.HasIndex(f => new { f.TenantId, f.Status });
        b.HasIndex(f => f.UserId);
    }
}
