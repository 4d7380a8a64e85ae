using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Seeding;

namespace Tongxin.Bench;

/// <summary>
/// Fills an empty, migrated database with a deterministic dataset (same seed, same rows), written in bulk
/// like a restore: no audit entries, explicit ids. Province scale: ~20 city CPPCCs, ~25,000 organisations, 350,000 people.
/// </summary>
public sealed class Generator(DatabaseSettings db, int seed)
{
    public sealed record Scale(string Name, int Cities, int GeneralBranches, int BranchesPerGeneral, int GroupsPerBranch, int People);

    public static readonly Scale Demo = new("demo", 2, 3, 4, 2, 2_000);
    public static readonly Scale Province = new("province", 20, 26, 16, 2, 350_000);

    readonly List<Organization> orgs = [];
    readonly List<Organization> branches = [];
    long nextId = 1;

    public (int Orgs, int People, int Activities, int PointEntries) Run(Scale scale)
    {
        BuildTree(scale);
        using DbConnection conn = db.Provider == DbProvider.Postgres
            ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        conn.Open();
        var people = db.Provider == DbProvider.Postgres
            ? WritePostgres((NpgsqlConnection)conn, scale) : WriteSqlite((SqliteConnection)conn, scale);
        var activities = WriteActivities(conn);
        var entries = WritePoints(conn, people);
        WriteDuty(conn);
        return (orgs.Count, people, activities, entries);
    }

    /// <summary>
    /// A year (2026, January–October) of held meetings per branch: monthly 主题党日 and 支委会, quarterly 党员大会
    /// (every fifth branch skips Q3), so the compliance overview has real work to do. No attendees.
    /// </summary>
    int WriteActivities(DbConnection conn)
    {
        using var tx = conn.BeginTransaction();
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = db.Provider == DbProvider.Postgres
            ? "INSERT INTO \"Activities\" (\"TenantId\",\"OrgId\",\"Type\",\"Topic\",\"StartsAt\",\"EndsAt\",\"Place\",\"Status\",\"QuorumMet\",\"SignInSecret\",\"CreatedBy\",\"CreatedAt\") VALUES (@t,@o,@ty,@top,@s,@e,'会议室','Held',@q,@sec,'bench',@s)"
            : "INSERT INTO Activities (TenantId,OrgId,Type,Topic,StartsAt,EndsAt,Place,Status,QuorumMet,SignInSecret,CreatedBy,CreatedAt) VALUES (@t,@o,@ty,@top,@s,@e,'会议室','Held',@q,@sec,'bench',@s)";
        var names = new[] { "t", "o", "ty", "top", "s", "e", "q", "sec" };
        var ps = names.Select(n => { var p = cmd.CreateParameter(); p.ParameterName = n; cmd.Parameters.Add(p); return p; }).ToArray();
        var secret = new byte[32];
        var count = 0;
        void Add(Organization b, string type, string topic, DateTime startsUtc, bool? quorum)
        {
            object?[] v = [b.TenantId, b.Id, type, topic, startsUtc, startsUtc.AddHours(2), quorum, secret];
            for (var i = 0; i < v.Length; i++) ps[i].Value = v[i] ?? DBNull.Value;
            if (db.Provider == DbProvider.Sqlite)
            {
                ps[4].Value = startsUtc.ToString("yyyy-MM-dd HH:mm:ss");
                ps[5].Value = startsUtc.AddHours(2).ToString("yyyy-MM-dd HH:mm:ss");
            }
            cmd.ExecuteNonQuery();
            count++;
        }
        foreach (var b in branches)
            for (var m = 1; m <= 10; m++)
            {
                var day = new DateTime(2026, m, 10, 7, 0, 0, DateTimeKind.Utc);
                Add(b, "ThemedPartyDay", $"{m}月主题党日", day, null);
                if (b.Type == OrgType.OrganBranch) Add(b, "CommitteeMeeting", $"{m}月支委会", day.AddDays(-5), true);
                if (m % 3 == 0 && !(m == 9 && b.Id % 5 == 0)) Add(b, "BranchMeeting", $"第{m / 3}季度党员大会", day.AddDays(10), true);
            }
        tx.Commit();
        return count;
    }

    /// <summary>
    /// A year (2026) of CPPCC duty records: every third CPPCC member leads a proposal, its status cycling through the
    /// handling states (answered ones on or after their deadline in turn, rated ones satisfied or not), and every fifth
    /// writes a 社情民意 report (submitted, adopted, not adopted; some adopted ones instructed on). No handling units.
    /// </summary>
    int WriteDuty(DbConnection conn)
    {
        var members = new List<(long Id, long Tenant)>();
        using (var q = conn.CreateCommand())
        {
            q.CommandText = "SELECT \"Id\", \"TenantId\" FROM \"People\" WHERE \"IsCppccMember\" = TRUE ORDER BY \"Id\"";
            using var r = q.ExecuteReader();
            while (r.Read()) members.Add((r.GetInt64(0), r.GetInt64(1)));
        }
        using var tx = conn.BeginTransaction();
        object Time(DateTime utc) => db.Provider == DbProvider.Sqlite ? utc.ToString("yyyy-MM-dd HH:mm:ss") : utc;
        object Day(DateOnly d) => db.Provider == DbProvider.Sqlite ? d.ToString("yyyy-MM-dd") : d;
        DbCommand Command(string sql, params string[] names)
        {
            var c = conn.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            foreach (var n in names) { var p = c.CreateParameter(); p.ParameterName = n; c.Parameters.Add(p); }
            return c;
        }
        var returning = db.Provider == DbProvider.Postgres ? " RETURNING \"Id\"" : "; SELECT last_insert_rowid()";
        using var proposal = Command("INSERT INTO \"Proposals\" (\"TenantId\",\"Year\",\"Title\",\"Content\",\"LeadPersonId\",\"Status\",\"CreatedAt\",\"SubmittedAt\",\"IsKey\",\"IsExcellent\",\"Extended\",\"SentBack\",\"Deadline\",\"RepliedOn\",\"Outcome\",\"ResultRating\",\"HandlingRating\") " +
            "VALUES (@t,2026,@title,'建议内容',@lead,@status,@at,@at,FALSE,FALSE,FALSE,FALSE,@deadline,@replied,@outcome,@result,@result)" + returning,
            "t", "title", "lead", "status", "at", "deadline", "replied", "outcome", "result");
        using var signer = Command("INSERT INTO \"ProposalSigners\" (\"ProposalId\",\"PersonId\",\"Order\",\"ConfirmedAt\") VALUES (@p,@person,0,@at)", "p", "person", "at");
        using var opinion = Command("INSERT INTO \"OpinionReports\" (\"TenantId\",\"Year\",\"AuthorPersonId\",\"Title\",\"Content\",\"Status\",\"CreatedAt\",\"SubmittedAt\",\"Instruction\") " +
            "VALUES (@t,2026,@author,@title,'反映内容',@status,@at,@at,@instruction)", "t", "author", "title", "status", "at", "instruction");
        string[] statuses = ["Submitted", "Registered", "Assigned", "Replied", "Rated", "Closed", "Refused", "Assigned", "Replied", "Rated"];
        string[] opinions = ["Submitted", "Adopted", "NotAdopted", "Adopted"];
        var count = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var (person, tenant) = members[i];
            var at = new DateTime(2026, 1 + i % 10, 1 + i % 27, 2, 0, 0, DateTimeKind.Utc);
            if (i % 3 == 0)
            {
                var status = statuses[i / 3 % statuses.Length];
                var answered = status is "Replied" or "Rated" or "Closed";
                var deadline = new DateOnly(2026, 1 + i % 10, 1 + i % 27).AddMonths(3);
                object?[] v = [tenant, $"关于第{i}项工作的建议", person, status, Time(at), status is "Assigned" or "Replied" or "Rated" or "Closed" ? Day(deadline) : null,
                    answered ? Day(deadline.AddDays(i % 2 == 0 ? -5 : 5)) : null, answered ? (i % 4 == 0 ? "A" : "B") : null,
                    status is "Rated" or "Closed" ? (i % 5 == 0 ? "Dissatisfied" : "Satisfied") : null];
                for (var k = 0; k < v.Length; k++) proposal.Parameters[k].Value = v[k] ?? DBNull.Value;
                var id = Convert.ToInt64(proposal.ExecuteScalar());
                signer.Parameters[0].Value = id; signer.Parameters[1].Value = person; signer.Parameters[2].Value = Time(at);
                signer.ExecuteNonQuery();
                count++;
            }
            if (i % 5 == 0)
            {
                var status = opinions[i / 5 % opinions.Length];
                object?[] v = [tenant, person, $"关于第{i}项情况的反映", status, Time(at), status == "Adopted" && i % 3 == 0 ? "请有关部门研究办理" : null];
                for (var k = 0; k < v.Length; k++) opinion.Parameters[k].Value = v[k] ?? DBNull.Value;
                opinion.ExecuteNonQuery();
                count++;
            }
        }
        tx.Commit();
        return count;
    }

    /// <summary>
    /// A year (2026) of points ledger per member, as the sign-ins and records would have written it: ten 主题党日
    /// attendances (+2), an absence deduction (−2) for every seventh member, an approved award (+5) for every thirteenth.
    /// </summary>
    int WritePoints(DbConnection conn, int people)
    {
        var count = 0;
        var at = new DateTime(2026, 10, 31, 8, 0, 0, DateTimeKind.Utc);
        if (conn is NpgsqlConnection pg)
        {
            using var w = pg.BeginBinaryImport("""
                COPY "PointEntries" ("TenantId","PersonId","Year","Category","Points","Reason","RuleCode","RuleVersion","SourceKey","AwardedBy","On","At")
                FROM STDIN (FORMAT BINARY)
                """);
            w.Timeout = TimeSpan.FromMinutes(10); // millions of rows, and the indexes to keep
            foreach (var e in PointEntries(people))
            {
                w.StartRow();
                w.Write(e.Tenant); w.Write(e.Person); w.Write(2026); w.Write(e.Category); w.Write(e.Points); w.Write(e.Reason);
                w.Write(e.Code); w.Write(0); w.Write(e.Source); w.Write("bench"); w.Write(e.On, NpgsqlDbType.Date); w.Write(at, NpgsqlDbType.TimestampTz);
                count++;
            }
            w.Complete();
            return count;
        }
        using var tx = conn.BeginTransaction();
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO PointEntries (TenantId, PersonId, Year, Category, Points, Reason, RuleCode, RuleVersion, SourceKey, AwardedBy, "On", At)
            VALUES ($t, $p, 2026, $c, $pts, $r, $code, 0, $src, 'bench', $on, $at)
            """;
        var ps = new[] { "$t", "$p", "$c", "$pts", "$r", "$code", "$src", "$on", "$at" }.Select(n => { var x = cmd.CreateParameter(); x.ParameterName = n; cmd.Parameters.Add(x); return x; }).ToArray();
        ps[8].Value = at.ToString("yyyy-MM-dd HH:mm:ss");
        foreach (var e in PointEntries(people))
        {
            object[] v = [e.Tenant, e.Person, e.Category, e.Points, e.Reason, e.Code, e.Source, e.On.ToString("yyyy-MM-dd")];
            for (var i = 0; i < v.Length; i++) ps[i].Value = v[i];
            cmd.ExecuteNonQuery();
            count++;
        }
        tx.Commit();
        return count;
    }

    IEnumerable<(long Tenant, long Person, string Category, int Points, string Reason, string Code, string Source, DateOnly On)> PointEntries(int people)
    {
        for (var i = 0; i < people; i++)
        {
            long person = i + 1;
            var tenant = branches[i % branches.Count].TenantId;
            for (var m = 1; m <= 10; m++)
                yield return (tenant, person, "Duty", 2, $"参加主题党日：{m}月主题党日", "attend-ThemedPartyDay", $"signin:b{person}-{m}", new DateOnly(2026, m, 10));
            if (person % 7 == 0) yield return (tenant, person, "Conduct", -2, "无故缺席组织生活：第3季度党员大会", "absent", $"absent:b{person}", new DateOnly(2026, 9, 20));
            if (person % 13 == 0) yield return (tenant, person, "Appraisal", 5, "受到表彰奖励：市级优秀共产党员", "award", $"proposal:b{person}", new DateOnly(2026, 7, 1));
        }
    }

    void BuildTree(Scale s)
    {
        var now = DateTime.UtcNow;
        Organization Add(Organization? parent, string name, OrgType type)
        {
            var id = nextId++;
            var o = new Organization
            {
                Id = id, ParentId = parent?.Id, Name = name, Type = type, TenantId = parent?.TenantId ?? id,
                Path = OrgTree.ChildPath(parent?.Path ?? "/", id), CreatedAt = now,
                TermStart = type.IsBranch() ? new DateOnly(2023 + (int)(id % 3), 1 + (int)(id % 12), 1) : null,
            };
            o.Depth = OrgTree.DepthOf(o.Path);
            if (type.IsCppccUnit() && parent is not null) o.TenantId = id; // each city is a tenant of its own
            orgs.Add(o);
            if (type.IsBranch()) branches.Add(o);
            return o;
        }
        var province = Add(null, "江南省政协", OrgType.ProvinceCppcc);
        for (var c = 1; c <= s.Cities; c++)
        {
            var city = Add(province, $"第{c}市政协", OrgType.CityCppcc);
            var leading = Add(city, $"第{c}市政协党组", OrgType.LeadingPartyGroup);
            var organ = Add(leading, $"第{c}市政协机关党组", OrgType.OrganPartyGroup);
            var committee = Add(organ, $"第{c}市政协机关党委", OrgType.OrganPartyCommittee);
            for (var g = 1; g <= s.GeneralBranches; g++)
            {
                var general = Add(committee, $"第{c}市第{g}总支", OrgType.GeneralBranch);
                for (var b = 1; b <= s.BranchesPerGeneral; b++)
                {
                    var type = (b % 8) switch { 0 => OrgType.RetireeBranch, 7 => OrgType.FunctionalBranch, 6 => OrgType.SectorBranch, _ => OrgType.OrganBranch };
                    var branch = Add(general, $"第{c}市第{g}总支第{b}支部", type);
                    for (var k = 1; k <= s.GroupsPerBranch; k++) Add(branch, $"第{c}市第{g}总支第{b}支部第{k}党小组", OrgType.PartyGroup);
                }
            }
        }
    }

    IEnumerable<Person> People(Scale s)
    {
        var data = new DemoData(seed);
        for (var i = 0; i < s.People; i++)
        {
            var branch = branches[i % branches.Count];
            var status = i % 11 == 0 ? PartyStatus.Probationary : PartyStatus.Full;
            var p = data.NewPerson(branch, status, 1950, 1999);
            p.Id = i + 1;
            p.IsRetired = branch.Type == OrgType.RetireeBranch;
            p.IsStaff = !p.IsRetired;
            p.IsYoungCadre = p.BirthDate?.Year >= 1992;
            p.IsCppccMember = i % 9 == 0;
            if (p.IsCppccMember) p.Sector = "经济界";
            yield return p;
        }
    }

    int WriteSqlite(SqliteConnection conn, Scale s)
    {
        using var tx = conn.BeginTransaction();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO Organizations (Id, TenantId, ParentId, Name, Type, Path, Depth, SortOrder, TermStart, CreatedAt)
                VALUES ($id, $t, $p, $n, $ty, $path, $d, 0, $term, $c)
                """;
            var ps = new[] { "$id", "$t", "$p", "$n", "$ty", "$path", "$d", "$term", "$c" }.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var o in orgs)
            {
                object?[] v = [o.Id, o.TenantId, o.ParentId, o.Name, o.Type.ToString(), o.Path, o.Depth, o.TermStart?.ToString("yyyy-MM-dd"), o.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF")];
                for (var i = 0; i < ps.Length; i++) ps[i].Value = v[i] ?? DBNull.Value;
                cmd.ExecuteNonQuery();
            }
        }
        var count = 0;
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO People (Id, TenantId, Name, NameInitials, Gender, IdNumber, BirthDate, Phone, OrgId, PartyStatus,
                  JoinedDate, FullDate, IsRetired, IsCppccMember, Sector, IsStandingCommittee, Affiliation, IsStaff, IsYoungCadre, CreatedAt)
                VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,0,$16,$17,$18,$19)
                """;
            var ps = Enumerable.Range(1, 19).Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$" + n })).ToArray();
            foreach (var p in People(s))
            {
                object?[] v = [p.Id, p.TenantId, p.Name, p.NameInitials, p.Gender.ToString(), p.IdNumber, p.BirthDate?.ToString("yyyy-MM-dd"), p.Phone,
                    p.OrgId, p.PartyStatus.ToString(), p.JoinedDate?.ToString("yyyy-MM-dd"), p.FullDate?.ToString("yyyy-MM-dd"),
                    p.IsRetired, p.IsCppccMember, p.Sector, p.Affiliation, p.IsStaff, p.IsYoungCadre, p.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF")];
                for (var i = 0; i < ps.Length; i++) ps[i].Value = v[i] ?? DBNull.Value;
                cmd.ExecuteNonQuery();
                count++;
            }
        }
        tx.Commit();
        return count;
    }

    int WritePostgres(NpgsqlConnection conn, Scale s)
    {
        using (var w = conn.BeginBinaryImport("""COPY "Organizations" ("Id","TenantId","ParentId","Name","Type","Path","Depth","SortOrder","TermStart","CreatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var o in orgs)
            {
                w.StartRow();
                w.Write(o.Id); w.Write(o.TenantId);
                if (o.ParentId is { } p) w.Write(p); else w.WriteNull();
                w.Write(o.Name); w.Write(o.Type.ToString()); w.Write(o.Path); w.Write(o.Depth); w.Write(0);
                if (o.TermStart is { } t) w.Write(t, NpgsqlDbType.Date); else w.WriteNull();
                w.Write(o.CreatedAt, NpgsqlDbType.TimestampTz);
            }
            w.Complete();
        }
        var count = 0;
        using (var w = conn.BeginBinaryImport("""
            COPY "People" ("Id","TenantId","Name","NameInitials","Gender","IdNumber","BirthDate","Phone","OrgId","PartyStatus",
              "JoinedDate","FullDate","IsRetired","IsCppccMember","Sector","IsStandingCommittee","Affiliation","IsStaff","IsYoungCadre","CreatedAt")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var p in People(s))
            {
                w.StartRow();
                w.Write(p.Id); w.Write(p.TenantId); w.Write(p.Name); w.Write(p.NameInitials); w.Write(p.Gender.ToString());
                w.Write(p.IdNumber!); w.Write(p.BirthDate!.Value, NpgsqlDbType.Date); w.Write(p.Phone!); w.Write(p.OrgId); w.Write(p.PartyStatus.ToString());
                if (p.JoinedDate is { } j) w.Write(j, NpgsqlDbType.Date); else w.WriteNull();
                if (p.FullDate is { } f) w.Write(f, NpgsqlDbType.Date); else w.WriteNull();
                w.Write(p.IsRetired); w.Write(p.IsCppccMember);
                if (p.Sector is { } sec) w.Write(sec); else w.WriteNull();
                w.Write(false);
                if (p.Affiliation is { } a) w.Write(a); else w.WriteNull();
                w.Write(p.IsStaff); w.Write(p.IsYoungCadre); w.Write(p.CreatedAt, NpgsqlDbType.TimestampTz);
                count++;
            }
            w.Complete();
        }
        using var fix = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('"Organizations"','Id'), (SELECT max("Id") FROM "Organizations"));
            SELECT setval(pg_get_serial_sequence('"People"','Id'), (SELECT max("Id") FROM "People"));
            ANALYZE;
            """, conn);
        fix.ExecuteNonQuery();
        return count;
    }
}
