using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>The attendance ledger (台账) of a period: one row per expected attendee of each activity held, streamed.</summary>
public static class ExportLedger
{
    public static readonly string[] Headers = ["日期", "组织", "活动类型", "主题", "姓名", "参加情况", "签到时间", "说明"];

    public sealed class Handler(AppDbContext db)
    {
        public async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(Scope scope, long? rootId, Period period,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            var orgs = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View));
            if (rootId is { } id && await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) is { } path)
                orgs = orgs.Where(o => o.Path.StartsWith(path));
            var fromUtc = Clock.ToUtc(period.Start.ToDateTime(TimeOnly.MinValue));
            var toUtc = Clock.ToUtc(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var rows = from x in db.Attendees
                       join a in db.Activities on x.ActivityId equals a.Id
                       join o in orgs on a.OrgId equals o.Id
                       join p in db.People on x.PersonId equals p.Id
                       where a.Status == ActivityStatus.Held && a.StartsAt >= fromUtc && a.StartsAt < toUtc
                       orderby a.StartsAt, o.Path, p.NameInitials
                       select new { a.StartsAt, Org = o.Name, a.Type, a.Topic, p.Name, x.SignedInAt, x.Method, x.ManualReason, x.Leave, x.LeaveReason };
            await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                var status = r.SignedInAt is not null ? (r.Method == SignInMethod.Manual ? "补签" : "已签到")
                    : r.Leave == LeaveStatus.Granted ? "请假" : "无故缺席";
                var note = r.Method == SignInMethod.Manual ? r.ManualReason : r.Leave != LeaveStatus.None ? r.LeaveReason : null;
                yield return [Clock.ToLocal(r.StartsAt).ToString("yyyy-MM-dd"), r.Org, r.Type.DisplayName(), r.Topic, r.Name, status,
                    r.SignedInAt is { } t ? Clock.ToLocal(t).ToString("HH:mm") : null, note];
            }
        }
    }
}
