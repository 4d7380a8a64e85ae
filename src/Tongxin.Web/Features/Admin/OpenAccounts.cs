using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Seeding;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

/// <summary>
/// 批量开通账号: the security administrator opens a 党员 account (own records only) for many roster people at once.
/// Each gets a user name from their pinyin initials and a generated one-time password that must be changed at the
/// first sign-in; the passwords are returned once, for the printed sheet or the spreadsheet, and kept nowhere.
/// All or nothing: one person who cannot have an account stops the batch with their name.
/// </summary>
public static class OpenAccounts
{
    public sealed record Opened(long PersonId, string Name, string OrgName, string UserName, string Password);

    public const int MaxBatch = 200;

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users)
    {
        public async Task<Result<IReadOnlyList<Opened>>> Handle(IReadOnlyList<long> personIds, Scope scope, CancellationToken ct = default)
        {
            if (!scope.CanAnywhere(Permissions.Security.Manage)) return Error.Forbidden("账号关联人员须由安全管理员办理");
            var ids = personIds.Distinct().ToList();
            if (ids.Count == 0) return Error.Validation("请至少选择一人", "PersonIds");
            if (ids.Count > MaxBatch) return Error.Validation($"一次最多开通{MaxBatch}个账号", "PersonIds");
            var people = await (from p in db.People
                                join o in db.Organizations on p.OrgId equals o.Id
                                where ids.Contains(p.Id)
                                select new { p.Id, p.Name, p.NameInitials, p.TenantId, OrgId = o.Id, OrgName = o.Name, o.Path,
                                    HasAccount = db.Users.Any(u => u.PersonId == p.Id) }).ToListAsync(ct);
            if (people.Count != ids.Count || people.Any(p => !scope.Can(Permissions.Users.Manage, p.Path))) return Error.NotFound();
            if (people.FirstOrDefault(p => p.HasAccount) is { } taken) return Error.Conflict($"{taken.Name}已有账号");

            var opened = new List<Opened>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var p in people.OrderBy(p => p.Path).ThenBy(p => p.NameInitials))
            {
                var password = DemoSeeder.GeneratePassword();
                var user = new AppUser
                {
                    UserName = await FreeNameAsync(BaseName(p.Name, p.NameInitials, p.Id), ct), DisplayName = p.Name,
                    TenantId = p.TenantId, PersonId = p.Id, LockoutEnabled = true, MustChangePassword = true,
                };
                IdentityResult created;
                try { created = await users.CreateAsync(user, password); }
                catch (DbUpdateException) { return Error.Conflict("所选人员中已有人开通了账号（可能是他人刚刚开通），请刷新后重试"); }
                if (!created.Succeeded) return Error.Validation($"{p.Name}：{string.Join("；", created.Errors.Select(e => e.Description))}", "PersonIds");
                db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Roles.Member, OrgId = p.OrgId, TenantId = p.TenantId });
                opened.Add(new Opened(p.Id, p.Name, p.OrgName, user.UserName!, password));
            }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Error.Conflict("所选人员中已有人开通了账号（可能是他人刚刚开通），请刷新后重试"); }
            await tx.CommitAsync(ct);
            return opened;
        }

        /// <summary>The pinyin initials; a name with a character the table lacks adds the person's number (“s.1024”, not to be read as a numbered “s1024”).</summary>
        static string BaseName(string name, string? initials, long personId) =>
            string.IsNullOrEmpty(initials) ? $"user.{personId}" : initials.Length < name.Length ? $"{initials}.{personId}" : initials;

        /// <summary>The name, or the name with the first free number (zs, zs2, zs3 …).</summary>
        async Task<string> FreeNameAsync(string initials, CancellationToken ct)
        {
            var taken = (await db.Users.Where(u => u.UserName!.StartsWith(initials)).Select(u => u.UserName!).ToListAsync(ct))
                .Concat(db.ChangeTracker.Entries<AppUser>().Select(e => e.Entity.UserName!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!taken.Contains(initials)) return initials;
            for (var n = 2; ; n++) if (!taken.Contains($"{initials}{n}")) return $"{initials}{n}";
        }
    }
}
