using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Excel;
using Tongxin.Web.Shared;
using C = Tongxin.Web.Features.People.RosterColumns;

namespace Tongxin.Web.Features.People;

/// <summary>
/// Roster import: every row is validated first; if any row is bad nothing is written,
/// otherwise all rows are written in one transaction.
/// </summary>
public static class ImportRoster
{
    public sealed record RowError(int Row, string Column, string Message);
    public sealed record Checked(IReadOnlyList<RowError> Errors, IReadOnlyList<(int Row, SavePerson.Command Person, string OrgName)> Rows)
    {
        public bool Clean => Errors.Count == 0 && Rows.Count > 0;
        /// <summary>Not errors: rows without an ID number that look like someone already registered, hidden sheets.</summary>
        public IReadOnlyList<RowError> Warnings { get; init; } = [];
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Checked> CheckAsync(Stream file, Scope scope, CancellationToken ct = default)
        {
            var errors = new List<RowError>();
            var rows = new List<(int, SavePerson.Command, string)>();
            var sheet = SheetReader.Read(file, out var readError);
            if (sheet is null) return new Checked([new RowError(0, "", readError!)], []);
            var (headers, data) = (sheet.Headers, sheet.Rows);
            if (sheet.FirstSheetHidden) return new Checked([new RowError(0, "", "第一个工作表是隐藏的，请取消隐藏或把花名册放在第一个工作表")], []);
            var warnings = sheet.HiddenSheets.Select(n => new RowError(0, "", $"工作簿中的隐藏工作表“{n}”未导入")).ToList();
            foreach (var h in C.Required.Where(h => !headers.Contains(h)))
                errors.Add(new RowError(1, h, $"缺少必填列“{h}”，请使用导入模板"));
            if (errors.Count > 0) return new Checked(errors, []);
            if (data.Count == 0) return new Checked([new RowError(0, "", "文件中没有数据行")], []);
            foreach (var (range, from, _) in sheet.Merged)
                errors.Add(new RowError(from, "", $"单元格 {range} 是合并单元格，每行须单独填写，请取消合并后再导入"));
            foreach (var hidden in sheet.HiddenRows)
                errors.Add(new RowError(hidden, "", "该行是隐藏行：请取消隐藏核对，或删除后再导入"));

            var orgs = await db.Organizations.Where(scope.OrgFilter(Permissions.People.Import))
                .Where(o => o.ClosedAt == null)
                .Select(o => new { o.Id, o.Name, o.Type, o.ParentId, o.TenantId }).ToListAsync(ct);
            var byName = orgs.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToList());
            var groups = orgs.Where(o => o.Type == OrgType.PartyGroup && o.ParentId is not null)
                .GroupBy(o => (o.ParentId!.Value, o.Name)).ToDictionary(g => g.Key, g => g.First().Id);
            var seenIds = new Dictionary<string, int>();
            var seenNames = new Dictionary<(string, long), int>();

            foreach (var r in data)
            {
                var rowStart = errors.Count; // this row's errors are the ones added from here: the check stays linear
                void Fail(string column, string message) => errors.Add(new RowError(r.RowNumber, column, message));
                // 郑　七 → 郑七: a Chinese name has no spaces, however it was typed.
                var name = r.Text(C.Name);
                if (name.Any(ch => ch >= 0x4E00 && ch <= 0x9FFF)) name = string.Concat(name.Where(ch => !char.IsWhiteSpace(ch)));
                var cmd = new SavePerson.Command { Name = name, Phone = r.Text(C.Phone), IdNumber = r.Text(C.IdNumber) };
                if (r[C.IdNumber] is double or long or int or decimal)
                    Fail(C.IdNumber, "身份证号被Excel存成了数字，末几位已丢失：请把该列设为“文本”格式后重新填写");
                var orgName = r.Text(C.Org);
                var matches = byName.GetValueOrDefault(orgName);
                if (orgName.Length == 0) Fail(C.Org, "所在组织为空");
                else if (matches is null) Fail(C.Org, $"组织“{orgName}”不存在或不在您的管理范围内");
                else if (matches.Count > 1) Fail(C.Org, $"组织名称“{orgName}”不唯一，请联系管理员");
                else cmd.OrgId = matches[0].Id;

                cmd.Gender = r.Text(C.Gender) switch { "男" => Gender.Male, "女" => Gender.Female, "" => Gender.Unknown, var g => Bad(C.Gender, $"性别“{g}”应为男或女", Gender.Unknown) };
                cmd.PartyStatus = r.Text(C.PartyStatus) switch
                {
                    "" or "群众" or "非党员" => PartyStatus.None,
                    "正式党员" or "正式" => PartyStatus.Full,
                    "预备党员" or "预备" => PartyStatus.Probationary,
                    var s => Bad(C.PartyStatus, $"党员身份“{s}”应为正式党员、预备党员或留空", PartyStatus.None),
                };
                cmd.BirthDate = Date(C.BirthDate);
                cmd.JoinedDate = Date(C.JoinedDate);
                cmd.FullDate = Date(C.FullDate);
                cmd.IsRetired = Bool(C.Retired);
                cmd.IsCppccMember = Bool(C.Cppcc);
                cmd.Sector = r.Text(C.Sector);
                cmd.SpecialCommittee = r.Text(C.SpecialCommittee);
                cmd.IsStandingCommittee = Bool(C.Standing);
                cmd.Affiliation = r.Text(C.Affiliation);
                cmd.StaffPost = r.Text(C.StaffPost);
                cmd.IsStaff = cmd.StaffPost.Length > 0;
                cmd.IsYoungCadre = Bool(C.YoungCadre);

                if (matches is { Count: 1 } && r.Text(C.PartyGroup) is { Length: > 0 } groupName)
                {
                    if (groups.TryGetValue((cmd.OrgId, groupName), out var group)) cmd.PartyGroupId = group;
                    else Fail(C.PartyGroup, $"党小组“{groupName}”不属于“{orgName}”");
                }
                if (matches is { Count: 1 } && cmd.PartyStatus != PartyStatus.None && !matches[0].Type.IsBranch())
                    Fail(C.Org, "党员的组织关系应在党支部");

                if (r[C.IdNumber] is double or long or int or decimal) cmd.IdNumber = null;
                // One reason per cell: a date that could not be read is not also reported as missing.
                var failed = errors.GetRange(rowStart, errors.Count - rowStart).Select(e => e.Column).ToHashSet();
                foreach (var e in SavePerson.Validate(cmd).Where(e => !failed.Contains(ColumnOf(e.Field))))
                    Fail(ColumnOf(e.Field), e.Message);

                if (!string.IsNullOrWhiteSpace(cmd.IdNumber) && IdNumber.IsValid(cmd.IdNumber))
                {
                    var id = IdNumber.Normalize(cmd.IdNumber);
                    if (seenIds.TryGetValue(id, out var first)) Fail(C.IdNumber, $"身份证号与第{first}行重复");
                    else seenIds[id] = r.RowNumber;
                }
                else if (cmd.Name.Length > 0 && cmd.OrgId != 0)
                {
                    if (seenNames.TryGetValue((cmd.Name, cmd.OrgId), out var first)) Fail(C.Name, $"同一组织内姓名与第{first}行重复（未填身份证号无法区分）");
                    else seenNames[(cmd.Name, cmd.OrgId)] = r.RowNumber;
                }
                rows.Add((r.RowNumber, cmd, orgName));
                continue;

                T Bad<T>(string column, string message, T fallback) { Fail(column, message); return fallback; }
                DateOnly? Date(string column)
                {
                    if (FlexibleDate.TryParse(r[column], out var d, out var err)) return d;
                    Fail(column, err!);
                    return null;
                }
                bool Bool(string column) => r.Text(column) switch
                {
                    "" or "否" or "0" or "N" or "n" => false,
                    "是" or "1" or "Y" or "y" => true,
                    var v => Bad(column, $"“{v}”应填是或否", false),
                };
            }

            // Duplicates against what is already registered.
            var ids = seenIds.Keys.ToList();
            var tenants = orgs.Select(o => o.TenantId).Distinct().ToList();
            var visible = scope.People(db, Permissions.People.View).Select(p => p.Id);
            foreach (var chunk in ids.Chunk(500))
            {
                var existing = await db.People.Where(p => tenants.Contains(p.TenantId) && p.IdNumber != null && chunk.Contains(p.IdNumber))
                    .Select(p => new { p.IdNumber, p.Name, Visible = visible.Contains(p.Id) }).ToListAsync(ct);
                // The person is named only to an importer who may see them.
                foreach (var e in existing)
                    errors.Add(new RowError(seenIds[e.IdNumber!], C.IdNumber, e.Visible
                        ? $"身份证号已登记（{e.Name}），不能重复导入" : "身份证号已登记在您管理范围以外的组织，不能重复导入"));
            }
            // Rows without an ID number: someone of the same name with the same birth date or organisation is likely the same person.
            var noId = rows.Where(x => string.IsNullOrWhiteSpace(x.Item2.IdNumber) && x.Item2.OrgId != 0).ToList();
            foreach (var chunk in noId.Chunk(500))
            {
                var names = chunk.Select(x => x.Item2.Name).Distinct().ToList();
                var known = (await db.People.Where(p => tenants.Contains(p.TenantId) && names.Contains(p.Name))
                    .Select(p => new { p.Name, p.BirthDate, p.OrgId, Visible = visible.Contains(p.Id) }).ToListAsync(ct)).ToLookup(k => k.Name);
                foreach (var (row, c, _) in chunk)
                    if (known[c.Name].FirstOrDefault(k => k.Name == c.Name && (k.OrgId == c.OrgId || (c.BirthDate is not null && k.BirthDate == c.BirthDate))) is { } k)
                        warnings.Add(new RowError(row, C.Name, k.Visible
                            ? $"可能重复：已登记同名人员“{k.Name}”（{(k.OrgId == c.OrgId ? "同一组织" : "出生日期相同")}），请核对；确认不是同一人可继续导入"
                            : "可能重复：您管理范围以外已登记同名、同出生日期的人员，请核对"));
            }
            return new Checked(errors.OrderBy(e => e.Row).ToList(), rows) { Warnings = warnings };
        }

        /// <summary>Writes all rows in one transaction; refuses (writing nothing) if any row is bad.</summary>
        public async Task<Result<int>> CommitAsync(Stream file, Scope scope, CancellationToken ct = default)
        {
            if (!scope.CanAnywhere(Permissions.People.Import)) return Error.Forbidden();
            var check = await CheckAsync(file, scope, ct);
            if (!check.Clean) return Error.Invalid($"文件中有{check.Errors.Count}处错误，未导入任何数据");
            var tenantOf = await db.Organizations.Where(scope.OrgFilter(Permissions.People.Import))
                .ToDictionaryAsync(o => o.Id, o => o.TenantId, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = DateTime.UtcNow;
            foreach (var (_, c, _) in check.Rows)
            {
                var id = string.IsNullOrWhiteSpace(c.IdNumber) ? null : IdNumber.Normalize(c.IdNumber);
                db.People.Add(new Person
                {
                    TenantId = tenantOf[c.OrgId], Name = c.Name.Trim(), NameInitials = Pinyin.Initials(c.Name.Trim()),
                    Gender = c.Gender != Gender.Unknown || id is null ? c.Gender : (id[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female,
                    IdNumber = id, BirthDate = c.BirthDate ?? (id is null ? null : IdNumber.BirthDate(id)),
                    Phone = string.IsNullOrWhiteSpace(c.Phone) ? null : c.Phone, OrgId = c.OrgId, PartyGroupId = c.PartyGroupId,
                    PartyStatus = c.PartyStatus, JoinedDate = c.JoinedDate, FullDate = c.FullDate, IsRetired = c.IsRetired,
                    IsCppccMember = c.IsCppccMember, Sector = NullIfEmpty(c.Sector), SpecialCommittee = NullIfEmpty(c.SpecialCommittee),
                    IsStandingCommittee = c.IsStandingCommittee,
                    Affiliation = c.PartyStatus != PartyStatus.None ? PartyAffiliations.Cpc : NullIfEmpty(c.Affiliation),
                    IsStaff = c.IsStaff, StaffPost = NullIfEmpty(c.StaffPost), IsYoungCadre = c.IsYoungCadre, CreatedAt = now,
                });
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // The same checked file committed twice at once (a double click): the unique index lets one through.
                db.ChangeTracker.Clear();
                return Error.Conflict("其中有人刚刚已被登记（可能重复提交了同一文件），未导入任何数据，请刷新名册核对");
            }
            await tx.CommitAsync(ct);
            return check.Rows.Count;
        }

        static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        static string ColumnOf(string? field) => field switch
        {
            nameof(SavePerson.Command.Name) => C.Name,
            nameof(SavePerson.Command.IdNumber) => C.IdNumber,
            nameof(SavePerson.Command.JoinedDate) => C.JoinedDate,
            nameof(SavePerson.Command.FullDate) => C.FullDate,
            nameof(SavePerson.Command.Sector) => C.Sector,
            nameof(SavePerson.Command.IsStandingCommittee) => C.Standing,
            nameof(SavePerson.Command.Affiliation) => C.Affiliation,
            nameof(SavePerson.Command.Phone) => C.Phone,
            nameof(SavePerson.Command.SpecialCommittee) => C.SpecialCommittee,
            nameof(SavePerson.Command.StaffPost) => C.StaffPost,
            _ => "",
        };
    }
}
