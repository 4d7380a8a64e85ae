using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

/// <summary>Creates or updates a person with all their roles.</summary>
public static class SavePerson
{
    public sealed class Command
    {
        public long? Id { get; set; }
        /// <summary>The version the form was built from (<see cref="Infrastructure.Data.Versioned"/>).</summary>
        public int? Version { get; set; }
        /// <summary>The new-person form's one-time key (<see cref="FormSubmission"/>).</summary>
        public string? FormKey { get; set; }
        public string Name { get; set; } = "";
        public Gender Gender { get; set; }
        public string? IdNumber { get; set; }
        public DateOnly? BirthDate { get; set; }
        public string? Phone { get; set; }
        public long OrgId { get; set; }
        public long? PartyGroupId { get; set; }
        public PartyStatus PartyStatus { get; set; }
        public DateOnly? JoinedDate { get; set; }
        public DateOnly? FullDate { get; set; }
        public bool IsRetired { get; set; }
        public bool IsCppccMember { get; set; }
        public string? Sector { get; set; }
        public string? SpecialCommittee { get; set; }
        public bool IsStandingCommittee { get; set; }
        public string? Affiliation { get; set; }
        public bool IsStaff { get; set; }
        public string? StaffPost { get; set; }
        public bool IsYoungCadre { get; set; }
        public List<long> DualLifeOrgIds { get; set; } = [];
        /// <summary>A blank ID number keeps the stored one (the form never carries it back to a viewer who may not read it).</summary>
        public bool KeepIdNumber { get; set; }
    }

    /// <summary>Rules that need no database; each error names its field.</summary>
    public static List<Error> Validate(Command c)
    {
        var errors = new List<Error>();
        var name = c.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(Error.Validation("请填写姓名", nameof(c.Name)));
        else if (name.Length > 50) errors.Add(Error.Validation("姓名不能超过50字", nameof(c.Name)));
        if (!string.IsNullOrWhiteSpace(c.IdNumber) && IdNumber.Validate(c.IdNumber) is { } idError)
            errors.Add(Error.Validation(idError, nameof(c.IdNumber)));
        if (c.PartyStatus == PartyStatus.None && (c.JoinedDate is not null || c.FullDate is not null))
            errors.Add(Error.Validation("非党员不应填写入党或转正日期", nameof(c.JoinedDate)));
        if (c.PartyStatus == PartyStatus.Full && c.JoinedDate is null)
            errors.Add(Error.Validation("正式党员须填写入党日期", nameof(c.JoinedDate)));
        if (c.PartyStatus == PartyStatus.Probationary && c.FullDate is not null)
            errors.Add(Error.Validation("预备党员不应填写转正日期", nameof(c.FullDate)));
        if (c.JoinedDate is not null && c.FullDate is not null && c.FullDate < c.JoinedDate)
            errors.Add(Error.Validation("转正日期不能早于入党日期", nameof(c.FullDate)));
        if (c.IsCppccMember && string.IsNullOrWhiteSpace(c.Sector))
            errors.Add(Error.Validation("政协委员须填写界别", nameof(c.Sector)));
        if (c.IsStandingCommittee && !c.IsCppccMember)
            errors.Add(Error.Validation("常委须为政协委员", nameof(c.IsStandingCommittee)));
        foreach (var (value, max, label, field) in new[] { (c.Phone, 20, "手机号", nameof(c.Phone)), (c.Sector, 50, "界别", nameof(c.Sector)),
                     (c.SpecialCommittee, 50, "专委会", nameof(c.SpecialCommittee)), (c.StaffPost, 50, "机关职务", nameof(c.StaffPost)) })
            if (TextLimits.TooLong(value, max, label, field) is { } tooLong) errors.Add(tooLong);
        if (c.Affiliation is { Length: > 0 } a && !PartyAffiliations.All.Contains(a))
            errors.Add(Error.Invalid($"党派“{a}”无效", nameof(c.Affiliation)));
        if (c.PartyStatus != PartyStatus.None && c.Affiliation is { Length: > 0 } aff && aff != PartyAffiliations.Cpc)
            errors.Add(Error.Validation("中共党员的党派应为“中共”", nameof(c.Affiliation)));
        return errors;
    }

    const string Kind = "person";

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<long>> Handle(Command c, Scope scope, CancellationToken ct = default)
        {
            Person? person = null;
            if (c.Id is null && await FormSubmission.MadeAsync(db, c.FormKey, Kind, ct) is { } made) return made;
            if (c.Id is { } id)
            {
                person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
                var current = person is null ? null : await db.Organizations.FirstAsync(o => o.Id == person.OrgId, ct);
                if (person is null || current is null || !scope.CanSeePerson(id, current.Path)) return Error.NotFound();
                if (!scope.Can(Permissions.People.Edit, current.Path)) return Error.Forbidden();
                if (Versioned.Expect(db, person, c.Version) is { } changed) return changed;
            }
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == c.OrgId, ct);
            if (org is null || !scope.Can(Permissions.People.Edit, org.Path))
                return Error.Validation("所属组织不存在或不在您的管理范围内", nameof(c.OrgId));
            if (org.IsClosed) return Error.Validation("所属组织已撤销", nameof(c.OrgId));
            if (Validate(c).FirstOrDefault() is { } first) return first;
            if (c.PartyStatus != PartyStatus.None && !org.Type.IsBranch())
                return Error.Validation("党员的组织关系应在党支部", nameof(c.OrgId));
            if (c.PartyGroupId is { } gid && !await db.Organizations.AnyAsync(o => o.Id == gid && o.ParentId == org.Id && o.Type == OrgType.PartyGroup, ct))
                return Error.Validation("党小组须属于所在支部", nameof(c.PartyGroupId));
            var idNumber = string.IsNullOrWhiteSpace(c.IdNumber)
                ? (c.KeepIdNumber ? person?.IdNumber : null)
                : IdNumber.Normalize(c.IdNumber);
            if (idNumber is not null && await db.People.AnyAsync(p => p.TenantId == org.TenantId && p.IdNumber == idNumber && p.Id != (c.Id ?? 0), ct))
                return Error.Conflict("该身份证号已登记");

            person ??= db.People.Add(new Person { CreatedAt = DateTime.UtcNow }).Entity;
            person.TenantId = org.TenantId;
            person.Name = c.Name.Trim();
            person.NameInitials = Pinyin.Initials(person.Name);
            person.IdNumber = idNumber;
            person.BirthDate = c.BirthDate ?? (idNumber is null ? null : IdNumber.BirthDate(idNumber));
            person.Gender = c.Gender != Gender.Unknown || idNumber is null ? c.Gender
                : (idNumber[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
            person.Phone = string.IsNullOrWhiteSpace(c.Phone) ? null : c.Phone.Trim();
            person.OrgId = org.Id;
            person.PartyGroupId = c.PartyGroupId;
            person.PartyStatus = c.PartyStatus;
            person.JoinedDate = c.JoinedDate;
            person.FullDate = c.FullDate;
            person.IsRetired = c.IsRetired;
            person.IsCppccMember = c.IsCppccMember;
            person.Sector = Blank(c.Sector);
            person.SpecialCommittee = Blank(c.SpecialCommittee);
            person.IsStandingCommittee = c.IsStandingCommittee;
            person.Affiliation = c.PartyStatus != PartyStatus.None ? PartyAffiliations.Cpc : Blank(c.Affiliation);
            person.IsStaff = c.IsStaff;
            person.StaffPost = Blank(c.StaffPost);
            person.IsYoungCadre = c.IsYoungCadre;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict(Versioned.ChangedMeanwhile);
            }
            catch (DbUpdateException)
            {
                // Two saves of the same number at once: the unique index lets one through.
                db.ChangeTracker.Clear();
                await tx.RollbackAsync(ct);
                if (c.Id is null && await FormSubmission.MadeAsync(db, c.FormKey, Kind, ct) is { } firstMade) return firstMade;
                return Error.Conflict("该身份证号已登记");
            }
            await SyncDualLivesAsync(person, c.DualLifeOrgIds, scope, ct);
            if (c.Id is null && !await FormSubmission.RecordAsync(db, c.FormKey, Kind, person.Id, ct))
            {
                await tx.RollbackAsync(ct);
                return await FormSubmission.MadeAsync(db, c.FormKey, Kind, ct) ?? person.Id;
            }
            await tx.CommitAsync(ct);
            return person.Id;
        }

        async Task SyncDualLivesAsync(Person person, List<long> orgIds, Scope scope, CancellationToken ct)
        {
            var wanted = orgIds.Where(o => o != person.OrgId).Distinct().ToList();
            var existing = await db.DualLives.Where(d => d.PersonId == person.Id).ToListAsync(ct);
            db.DualLives.RemoveRange(existing.Where(d => !wanted.Contains(d.OrgId)));
            var branches = await db.Organizations.Where(o => wanted.Contains(o.Id)).ToListAsync(ct);
            foreach (var b in branches.Where(b => b.Type.IsBranch() && scope.Can(Permissions.Orgs.View, b.Path)))
                if (existing.All(d => d.OrgId != b.Id))
                    db.DualLives.Add(new DualLife { PersonId = person.Id, OrgId = b.Id, TenantId = person.TenantId });
            await db.SaveChangesAsync(ct);
        }

        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
