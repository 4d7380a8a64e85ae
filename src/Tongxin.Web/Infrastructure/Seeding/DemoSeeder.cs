using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Infrastructure.Seeding;

/// <summary>On an empty database, a demo city CPPCC with its party organisations, 60+ people and the demo accounts.</summary>
public static class DemoSeeder
{
    public sealed record Account(string UserName, string Role, string OrgName, string Password, bool Generated);

    public static async Task SeedIfEmptyAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        if (config["Tongxin:Seed:Demo"] is "false" or "False") return;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Organizations.AnyAsync()) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var accounts = await SeedAsync(db, users, config["TONGXIN_ADMIN_PASSWORD"], config["TONGXIN_DEMO_PASSWORD"]);
        if (config["Tongxin:Seed:DemoYear"] is not ("false" or "False"))
        {
            // The year of use is made by the handlers, each step in its own transactions: should one fail, the
            // organisation and the accounts stay usable and the log says which step.
            try { await DemoYear.SeedAsync(services); }
            catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException)
            {
                logger.LogWarning(ex, "演示年度数据未能全部生成");
            }
        }
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var server = services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        lifetime.ApplicationStarted.Register(() => Print(server, accounts));
    }

    static void Print(Microsoft.AspNetCore.Hosting.Server.IServer server, IReadOnlyList<Account> accounts)
    {
        var urls = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("同心 Tongxin 已启动，演示数据已生成 / started with a demo organisation:");
        foreach (var u in urls) Console.WriteLine($"  {u}");
        Console.WriteLine("演示账号 / demo accounts (生成的密码只显示这一次 / generated passwords are shown only once):");
        foreach (var a in accounts)
            Console.WriteLine($"  {a.UserName,-12} {a.Password,-20} {Roles.Names[a.Role]}（{a.OrgName}）");
        Console.WriteLine();
    }

    public static async Task<IReadOnlyList<Account>> SeedAsync(AppDbContext db, UserManager<AppUser> users,
        string? adminPassword, string? demoPassword)
    {
        var data = new DemoData();
        await using var tx = await db.Database.BeginTransactionAsync();
        async Task<Organization> Add(Organization? parent, string name, OrgType type, Action<Organization>? cfg = null) =>
            await CreateOrganization.AddAsync(db, parent, name, type, cfg);

        var city = await Add(null, "江州市政协", OrgType.CityCppcc);
        var leading = await Add(city, "中共江州市政协党组", OrgType.LeadingPartyGroup);
        var organGroup = await Add(leading, "中共江州市政协机关党组", OrgType.OrganPartyGroup);
        await Add(leading, "提案委员会分党组", OrgType.CommitteeSubGroup);
        var committee = await Add(organGroup, "中共江州市政协机关委员会", OrgType.OrganPartyCommittee);
        var b1 = await Add(committee, "第一党支部", OrgType.OrganBranch, o => o.TermStart = new DateOnly(2024, 3, 15));
        var b1g1 = await Add(b1, "第一党支部第一党小组", OrgType.PartyGroup);
        var b1g2 = await Add(b1, "第一党支部第二党小组", OrgType.PartyGroup);
        var b2 = await Add(committee, "第二党支部", OrgType.OrganBranch, o => o.TermStart = new DateOnly(2023, 12, 20));
        var b2g1 = await Add(b2, "第二党支部第一党小组", OrgType.PartyGroup);
        var b2g2 = await Add(b2, "第二党支部第二党小组", OrgType.PartyGroup);
        var retirees = await Add(committee, "离退休干部党支部", OrgType.RetireeBranch, o => o.TermStart = new DateOnly(2022, 6, 1));
        var functional = await Add(committee, "提案委员会功能型党支部", OrgType.FunctionalBranch, o => o.TermStart = new DateOnly(2025, 1, 10));
        var sector = await Add(committee, "经济界别党支部", OrgType.SectorBranch, o => o.TermStart = new DateOnly(2024, 9, 1));
        // 承办单位: departments that handle proposals; their users see only what is assigned to them.
        var education = await Add(city, "江州市教育局", OrgType.HandlingUnit);
        var memberBody = await Add(city, "江州市政协委员", OrgType.MemberBody);
        await Add(city, "江州市卫生健康委员会", OrgType.HandlingUnit);
        await Add(city, "江州市住房和城乡建设局", OrgType.HandlingUnit);
        var temporary = await Add(leading, "市政协十五届六次会议临时党支部", OrgType.TemporaryBranch, o =>
        {
            o.StartDate = new DateOnly(2027, 1, 11); o.EndDate = new DateOnly(2027, 1, 15);
        });

        var people = new List<Person>();
        Person P(Organization org, PartyStatus status, Action<Person>? cfg = null, Organization? group = null, int birthFrom = 1968, int birthTo = 1990)
        {
            var p = data.NewPerson(org, status, birthFrom, birthTo);
            p.PartyGroupId = group?.Id;
            cfg?.Invoke(p);
            people.Add(p);
            return p;
        }
        void Staff(Person p, string post, bool young = false) { p.IsStaff = true; p.StaffPost = post; p.IsYoungCadre = young; }

        // 第一党支部: 9 people (8 full, 1 probationary), committee of five.
        var s1 = P(b1, PartyStatus.Full, p => Staff(p, "办公室主任"), b1g1);
        var b1Deputy = P(b1, PartyStatus.Full, p => Staff(p, "办公室副主任"), b1g1);
        var b1Org = P(b1, PartyStatus.Full, p => Staff(p, "一级主任科员"), b1g1);
        var b1Pub = P(b1, PartyStatus.Full, p => Staff(p, "二级主任科员"), b1g2);
        var b1Disc = P(b1, PartyStatus.Full, p => Staff(p, "四级调研员"), b1g2);
        var m1 = P(b1, PartyStatus.Full, p => Staff(p, "科员", young: true), b1g1, 1994, 1998);
        P(b1, PartyStatus.Full, p => Staff(p, "一级科员", young: true), b1g2, 1993, 1997);
        var secretaryGeneral = P(b1, PartyStatus.Full, p => Staff(p, "秘书长"), b1g2, 1966, 1972);
        P(b1, PartyStatus.Probationary, p => Staff(p, "科员", young: true), b1g1, 1996, 1999);
        // 第二党支部: 9 people.
        var s2 = P(b2, PartyStatus.Full, p => Staff(p, "研究室主任"), b2g1);
        var b2Deputy = P(b2, PartyStatus.Full, p => Staff(p, "研究室副主任"), b2g1);
        var b2Org = P(b2, PartyStatus.Full, p => Staff(p, "一级主任科员"), b2g2);
        for (var i = 0; i < 5; i++) P(b2, PartyStatus.Full, p => Staff(p, i < 2 ? "科员" : "二级主任科员", young: i < 2), i % 2 == 0 ? b2g1 : b2g2, i < 2 ? 1992 : 1975, i < 2 ? 1998 : 1988);
        P(b2, PartyStatus.Probationary, p => Staff(p, "科员", young: true), b2g2, 1997, 1999);
        // 离退休干部党支部: 8 retired full members and only a secretary — flagged for a committee.
        var rs = P(retirees, PartyStatus.Full, p => p.IsRetired = true, null, 1948, 1960);
        for (var i = 0; i < 7; i++) P(retirees, PartyStatus.Full, p => p.IsRetired = true, null, 1945, 1962);
        // 提案委员会功能型党支部: three staff of the committee office, secretary only.
        var fs = P(functional, PartyStatus.Full, p => Staff(p, "提案委员会办公室主任"));
        P(functional, PartyStatus.Full, p => Staff(p, "一级主任科员"));
        P(functional, PartyStatus.Full, p => Staff(p, "科员", young: true), null, 1994, 1998);
        // 经济界别党支部: 党员委员 (CPPCC members who are party members).
        var sectorMembers = new List<Person>();
        for (var i = 0; i < 5; i++)
            sectorMembers.Add(P(sector, PartyStatus.Full, p =>
            {
                p.IsCppccMember = true; p.Sector = "经济界"; p.SpecialCommittee = i < 3 ? "提案委员会" : "经济委员会";
                p.IsStandingCommittee = i == 0; p.Affiliation = PartyAffiliations.Cpc;
            }, null, 1962, 1980));
        // 党外委员: several parties and sectors, held at the CPPCC unit.
        string[] parties = ["民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派"];
        string[] sectors = ["经济界", "教育界", "科技界", "医药卫生界", "文化艺术界", "农业界", "社会福利和社会保障界", "特邀人士"];
        string[] committees = ["提案委员会", "经济委员会", "教科卫体委员会", "文化文史和学习委员会", "社会和法制委员会"];
        for (var i = 0; i < 26; i++)
            P(city, PartyStatus.None, p =>
            {
                p.IsCppccMember = true; p.Affiliation = parties[i % parties.Length]; p.Sector = sectors[i % sectors.Length];
                p.SpecialCommittee = committees[i % committees.Length]; p.IsStandingCommittee = i % 5 == 0;
            }, null, 1960, 1985);
        // Non-party organ staff.
        for (var i = 0; i < 3; i++) P(city, PartyStatus.None, p => Staff(p, i == 0 ? "四级主任科员" : "科员", young: i > 0), null, 1990, 1999);

        db.People.AddRange(people);
        await db.SaveChangesAsync();

        // 双重组织生活: two 党员委员 in the functional branch; the leadership and plenary delegates in the temporary branch.
        var dual = new List<(Person, Organization)>
        {
            (sectorMembers[0], functional), (sectorMembers[1], functional),
            (sectorMembers[0], temporary), (sectorMembers[2], temporary), (s1, temporary), (s2, temporary),
        };
        db.DualLives.AddRange(dual.Select(d => new DualLife { PersonId = d.Item1.Id, OrgId = d.Item2.Id, TenantId = city.Id }));

        void Seat(Organization org, Person p, CommitteePost post) =>
            db.CommitteeMembers.Add(new CommitteeMember { OrgId = org.Id, PersonId = p.Id, Post = post, TenantId = city.Id });
        Seat(b1, s1, CommitteePost.Secretary); Seat(b1, b1Deputy, CommitteePost.DeputySecretary);
        Seat(b1, b1Org, CommitteePost.OrganizationMember); Seat(b1, b1Pub, CommitteePost.PublicityMember);
        Seat(b1, b1Disc, CommitteePost.DisciplineMember);
        Seat(b2, s2, CommitteePost.Secretary); Seat(b2, b2Deputy, CommitteePost.DeputySecretary);
        Seat(b2, b2Org, CommitteePost.OrganizationMember);
        Seat(retirees, rs, CommitteePost.Secretary);
        Seat(functional, fs, CommitteePost.Secretary);
        Seat(sector, sectorMembers[0], CommitteePost.Secretary);
        Seat(temporary, s1, CommitteePost.Secretary);
        // The 秘书长 sits on the 政协党组 (and so may be paired with a 界别 for liaison).
        Seat(leading, secretaryGeneral, CommitteePost.Member);
        await db.SaveChangesAsync();

        await DemoOrgLife.SeedAsync(db, Clock.Today);

        var accounts = new List<Account>();
        async Task User(string userName, string displayName, string role, Organization org, Person? person, string? password)
        {
            var generated = string.IsNullOrEmpty(password);
            password = generated ? GeneratePassword() : password!;
            var user = new AppUser { UserName = userName, DisplayName = displayName, TenantId = city.Id, PersonId = person?.Id, LockoutEnabled = true };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrgId = org.Id, TenantId = org.TenantId });
            await db.SaveChangesAsync();
            accounts.Add(new Account(userName, role, org.Name, password, generated));
        }
        await User("admin", "系统管理员", Roles.SystemAdmin, city, null, adminPassword);
        await User("partyadmin", "机关党委党务管理员", Roles.PartyAdmin, committee, null, demoPassword);
        await User("secretary1", s1.Name, Roles.BranchSecretary, b1, s1, demoPassword);
        await User("secretary2", s2.Name, Roles.BranchSecretary, b2, s2, demoPassword);
        await User("member1", m1.Name, Roles.Member, b1, m1, demoPassword);
        await User("groupleader1", b1Org.Name, Roles.GroupLeader, b1g1, b1Org, demoPassword);
        await User("leader", "机关党组领导", Roles.Leader, city, null, demoPassword);
        await User("weiyuan1", sectorMembers[0].Name, Roles.Member, sector, sectorMembers[0], demoPassword);
        await User("weiyuan2", sectorMembers[1].Name, Roles.Member, sector, sectorMembers[1], demoPassword);
        // weiyuan1 also convenes 经济界: follows the 五个一 of the sector's members.
        db.RoleAssignments.Add(new RoleAssignment { UserId = (await users.FindByNameAsync("weiyuan1"))!.Id, Role = Roles.SectorConvener, OrgId = memberBody.Id, TenantId = memberBody.TenantId });
        await User("office", "提案委员会办公室", Roles.ProposalOffice, city, null, demoPassword);
        // The same office keeps the members' duty activities, on the members' body only.
        db.RoleAssignments.Add(new RoleAssignment { UserId = (await users.FindByNameAsync("office"))!.Id, Role = Roles.MemberAffairs, OrgId = memberBody.Id, TenantId = memberBody.TenantId });
        await db.SaveChangesAsync();
        await User("unit1", "江州市教育局", Roles.HandlingUnit, education, null, demoPassword);
        await User("auditor", "审计管理员", Roles.Auditor, city, null, adminPassword);
        await User("security", "安全管理员", Roles.SecurityAdmin, city, null, adminPassword);
        await tx.CommitAsync();
        return accounts;
    }

    /// <summary>16 characters from all four classes.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "!@#%+=";
        var all = upper + lower + digits + symbols;
        var chars = new List<char> { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) };
        while (chars.Count < 16) chars.Add(Pick(all));
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(1000)).ToArray());
        static char Pick(string s) => s[RandomNumberGenerator.GetInt32(s.Length)];
    }
}
