using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Content;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// 活动纪实: minutes in Markdown (raw HTML refused) and decisions, saved as a draft at any time. Saving holds nothing:
/// 确认召开 (<see cref="ConfirmHeld"/>) is its own action.
/// </summary>
public static class RecordActivity
{
    /// <summary>Raw HTML, or a link or autolink that is not http(s)/mailto/relative (javascript: and the like).</summary>
    public static bool ContainsHtml(string markdown) =>
        Markdown.Parse(markdown).Descendants().Any(n => n is HtmlBlock or HtmlInline
            || n is LinkInline { Url: { } url } && !SafeMarkdown.IsSafeUrl(url)
            || n is AutolinkInline { Url: { } auto } && !SafeMarkdown.IsSafeUrl(auto));

    public static string Render(string? markdown) => SafeMarkdown.ToHtml(markdown);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long activityId, string? minutes, string? decisions, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, activityId, scope, track: true, ct);
            if (!access.Ok) return access.Error!;
            var activity = access.Value!;
            if (TextLimits.TooLong(minutes, TextLimits.LongText, "会议记录", "Minutes") is { } longMinutes) return longMinutes;
            if (TextLimits.TooLong(decisions, TextLimits.LongText, "决议事项", "Decisions") is { } longDecisions) return longDecisions;
            if (minutes is not null && ContainsHtml(minutes)) return Error.Validation("会议记录不能包含HTML代码，请使用纯文本或Markdown", "Minutes");
            if (decisions is not null && ContainsHtml(decisions)) return Error.Validation("决议事项不能包含HTML代码", "Decisions");

            if (activity.SaveMinutes(minutes, decisions) is { } error) return error;
            await db.SaveChangesAsync(ct);
            return activity.Id;
        }
    }
}
