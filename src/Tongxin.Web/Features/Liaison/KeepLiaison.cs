using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Liaison;

/// <summary>
/// The office pairs a 党员委员 with a 党外委员, or a 党组成员 with a 界别, and ends pairs; the party member (or the office)
/// records each contact — date, way, content.
/// </summary>
public static class KeepLiaison
{
    public static bool IsOffice(Scope scope, long tenantId) =>
        scope.HoldsIn(tenantId, Permissions.Liaison.Manage);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> PairAsync(LiaisonKind kind, long? partyPersonId, long? otherPersonId, string? sector, DateOnly from, Scope scope,
            CancellationToken ct = default)
        {
            var party = partyPersonId is { } id ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
            if (party is null) return Error.Validation("请选择联系人（党员）", "PartyPersonId");
            if (!IsOffice(scope, party.TenantId)) return Error.Forbidden();
            if (party.PartyStatus == PartyStatus.None) return Error.Validation("联系人须为中共党员", "PartyPersonId");
            var pair = new LiaisonPair { TenantId = party.TenantId, Kind = kind, PartyPersonId = party.Id, From = from };
            if (kind == LiaisonKind.MemberPair)
            {
                if (!party.IsCppccMember) return Error.Validation("党员委员联系党外委员：联系人须为政协委员", "PartyPersonId");
                var other = otherPersonId is { } o ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == o && p.TenantId == party.TenantId, ct) : null;
                if (other is null || !other.IsCppccMember || other.PartyStatus != PartyStatus.None || other.Affiliation == PartyAffiliations.Cpc)
                    return Error.Validation("请选择一名党外委员", "OtherPersonId");
                if (await db.LiaisonPairs.AnyAsync(p => p.PartyPersonId == party.Id && p.OtherPersonId == other.Id && p.Until == null, ct))
                    return Error.Conflict("这两位委员已建立联系");
                pair.OtherPersonId = other.Id;
            }
            else
            {
                if (!await db.CommitteeMembers.AnyAsync(c => c.PersonId == party.Id
                        && db.Organizations.Any(o => o.Id == c.OrgId && o.TenantId == party.TenantId && o.Type == OrgType.LeadingPartyGroup && o.ClosedAt == null), ct))
                    return Error.Validation("党组成员联系界别：联系人须为政协党组成员（在党组的组织信息中登记）", "PartyPersonId");
                sector = sector?.Trim();
                if (string.IsNullOrEmpty(sector) || !await db.People.AnyAsync(p => p.TenantId == party.TenantId && p.IsCppccMember && p.Sector == sector, ct))
                    return Error.Validation("请选择本届委员所在的界别", "Sector");
                if (await db.LiaisonPairs.AnyAsync(p => p.PartyPersonId == party.Id && p.Sector == sector && p.Until == null, ct))
                    return Error.Conflict("已建立该联系");
                pair.Sector = sector;
            }
            db.LiaisonPairs.Add(pair);
            await db.SaveChangesAsync(ct);
            return pair.Id;
        }

        public async Task<Result<bool>> EndAsync(long pairId, DateOnly until, Scope scope, CancellationToken ct = default)
        {
            var pair = await db.LiaisonPairs.FirstOrDefaultAsync(p => p.Id == pairId, ct);
            if (pair is null || !IsOffice(scope, pair.TenantId)) return Error.NotFound();
            if (pair.Until is not null) return Error.Conflict("该联系已结束");
            if (until < pair.From) return Error.Validation("结束日期不能早于建立日期", "Until");
            pair.Until = until;
            await db.SaveChangesAsync(ct);
            return true;
        }

        public async Task<Result<long>> ContactAsync(long pairId, DateOnly? on, ContactWay? way, string? content, Scope scope, string userName, DateOnly today,
            CancellationToken ct = default)
        {
            var pair = await db.LiaisonPairs.FirstOrDefaultAsync(p => p.Id == pairId, ct);
            if (pair is null || (pair.PartyPersonId != scope.PersonId && !IsOffice(scope, pair.TenantId))) return Error.NotFound();
            if (on is not { } day || day > today || day < pair.From || (pair.Until is { } end && day > end))
                return Error.Validation("联系日期须在联系期间内且不晚于今天", "On");
            if (way is null) return Error.Validation("请选择联系方式", "Way");
            if (string.IsNullOrWhiteSpace(content) || content.Trim().Length < 5) return Error.Validation("请简要记录联系内容（不少于5字）", "Content");
            var contact = new LiaisonContact { PairId = pair.Id, On = day, Way = way.Value, Content = content.Trim(), RecordedBy = userName };
            db.LiaisonContacts.Add(contact);
            await db.SaveChangesAsync(ct);
            return contact.Id;
        }
    }
}
