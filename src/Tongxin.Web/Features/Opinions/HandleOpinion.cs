using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Opinions;

/// <summary>
/// The office edits a submitted report, adopts it (采用: 履责 points for a party member author, in the same save) or
/// not (with a reason), forwards an adopted one to a level, and records a leader's instruction (批示) on it.
/// </summary>
public static class HandleOpinion
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> EditAsync(long id, string? title, string? content, Scope scope, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            if (await LoadAsync(id, scope, ct) is not { } report) return Error.NotFound();
            if (report.Status != OpinionStatus.Submitted) return Error.Conflict("只有已报送、待处理的社情民意可以编辑");
            if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(content)) return Error.Validation("标题和内容不能为空", "Title");
            (report.Title, report.Content, report.EditedBy, report.EditedAt) = (title.Trim(), content.Trim(), userName, utcNow);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> DecideAsync(long id, bool adopt, string? note, Scope scope, string userName, DateTime utcNow, CancellationToken ct = default)
        {
            if (await LoadAsync(id, scope, ct) is not { } report) return Error.NotFound();
            if (report.Status != OpinionStatus.Submitted) return Error.Conflict("只有已报送、待处理的社情民意可以采用或不采用");
            if (ConflictOfInterest.Check(scope, report.AuthorPersonId) is { } own) return own;
            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (!adopt && note is null) return Error.Validation("不采用须说明理由", "Note");
            (report.Status, report.DecidedOn, report.DecidedBy, report.DecisionNote) = (adopt ? OpinionStatus.Adopted : OpinionStatus.NotAdopted, Clock.Today, userName, note);
            if (adopt)
                await AwardForRecord.AddAsync(db, report.TenantId, PointTrigger.OpinionAdopted, Clock.Today, [report.AuthorPersonId],
                    $"opinion-adopted:{report.Id}", $"社情民意“{report.Title}”被采用", utcNow, ct);
            Notices.Notify.Person(db, report.TenantId, report.AuthorPersonId,
                adopt ? $"您报送的社情民意“{report.Title}”已被采用" : $"您报送的社情民意“{report.Title}”未被采用：{note}", $"/Opinions/Details/{report.Id}", utcNow);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> ForwardAsync(long id, ForwardLevel? level, Scope scope, CancellationToken ct = default)
        {
            if (await LoadAsync(id, scope, ct) is not { } report) return Error.NotFound();
            if (report.Status != OpinionStatus.Adopted) return Error.Conflict("只有已采用的社情民意可以报送");
            if (level is null) return Error.Validation("请选择报送层级", "Level");
            (report.ForwardedTo, report.ForwardedOn) = (level, Clock.Today);
            return await SaveAsync(ct);
        }

        public async Task<Result<bool>> InstructAsync(long id, string? instruction, string? by, DateOnly? on, Scope scope, CancellationToken ct = default)
        {
            if (await LoadAsync(id, scope, ct) is not { } report) return Error.NotFound();
            if (report.Status != OpinionStatus.Adopted) return Error.Conflict("只有已采用的社情民意可以登记领导批示");
            if (string.IsNullOrWhiteSpace(instruction) || string.IsNullOrWhiteSpace(by)) return Error.Validation("请填写批示内容和批示领导", "Instruction");
            if (on is { } day && day > Clock.Today) return Error.Validation("批示日期不能晚于今天", "InstructedOn");
            if (ConflictOfInterest.Check(scope, report.AuthorPersonId) is { } own) return own;
            if (report.Instruction == instruction.Trim() && report.InstructedBy == by.Trim()) return true; // already recorded: nothing new to tell
            (report.Instruction, report.InstructedBy, report.InstructedOn) = (instruction.Trim(), by.Trim(), on ?? Clock.Today);
            Notices.Notify.Person(db, report.TenantId, report.AuthorPersonId, $"您报送的社情民意“{report.Title}”获{report.InstructedBy}批示", $"/Opinions/Details/{report.Id}", DateTime.UtcNow);
            return await SaveAsync(ct);
        }

        async Task<OpinionReport?> LoadAsync(long id, Scope scope, CancellationToken ct) =>
            await db.OpinionReports.FirstOrDefaultAsync(o => o.Id == id, ct) is { } r && OpinionAccess.IsOffice(scope, r.TenantId) ? r : null;

        async Task<Result<bool>> SaveAsync(CancellationToken ct)
        {
            try { await db.SaveChangesAsync(ct); return true; }
            catch (DbUpdateConcurrencyException) { return Error.Conflict("该社情民意已由他人处理，请刷新后再试"); }
        }
    }
}
