using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Opinions;

/// <summary>A CPPCC member writes a 社情民意 report and submits it to the office.</summary>
public static class WriteOpinion
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(long? id, string? title, string? content, bool submit, Scope scope, DateTime utcNow, CancellationToken ct = default)
        {
            if (scope.PersonId is not { } me) return Error.Forbidden("您的账号未关联人员信息");
            var author = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == me, ct);
            if (author is not { IsCppccMember: true }) return Error.Forbidden("只有政协委员可以报送社情民意");
            title = title?.Trim() ?? "";
            content = content?.Trim() ?? "";
            if (title.Length is < 4 or > 200) return Error.Validation("请填写标题（4至200字）", "Title");
            if (submit && content.Length < 50) return Error.Validation("请写明情况、问题和建议（不少于50字）", "Content");
            if (TextLimits.TooLong(content, 10_000, "社情民意内容", "Content") is { } tooLong) return tooLong;
            OpinionReport report;
            if (id is { } existing)
            {
                report = await db.OpinionReports.FirstOrDefaultAsync(o => o.Id == existing && o.AuthorPersonId == me, ct) ?? new OpinionReport();
                if (report.Id == 0) return Error.NotFound();
                if (report.Status != OpinionStatus.Draft) return Error.Conflict("已报送，不能再修改");
            }
            else
            {
                report = new OpinionReport { TenantId = author.TenantId, AuthorPersonId = me, Status = OpinionStatus.Draft, CreatedAt = utcNow, Year = Clock.Today.Year };
                db.OpinionReports.Add(report);
            }
            (report.Title, report.Content) = (title, content);
            if (submit) (report.Status, report.SubmittedAt, report.Year) = (OpinionStatus.Submitted, utcNow, Clock.Today.Year);
            await db.SaveChangesAsync(ct);
            return report.Id;
        }
    }
}
