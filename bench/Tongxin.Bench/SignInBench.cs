using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// A plenary-size sign-in burst: 2,000 members scan within the same seconds. The app's sign-in (token check,
/// expected-attendee check, set-once update, audit entry, one transaction) against a bare single INSERT per
/// scan on the same database, same concurrency, same run. In-process: HTTP and cookie auth are not included.
/// </summary>
public static class SignInBench
{
    const int Members = 2000;
    static readonly int Concurrency = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CONCURRENCY"), out var c) ? c : 64;

    public static async Task<IEnumerable<string>> RunAsync(DatabaseSettings db)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        db.Configure(options);
        long activityId; byte[] secret; List<long> people;
        await using (var ctx = new AppDbContext(options.Options))
        {
            var branch = await ctx.Organizations.Where(o => o.Type == Tongxin.Web.Features.Organizations.OrgType.OrganBranch).OrderBy(o => o.Id).FirstAsync();
            people = await ctx.People.OrderBy(p => p.Id).Take(Members).Select(p => p.Id).ToListAsync();
            if (people.Count < Members) throw new InvalidOperationException($"need {Members} people");
            (activityId, secret) = await OpenMeeting.CreateAsync(ctx, branch, "全体会议", people);
        }
        await ExecAsync(db, """CREATE TABLE "BenchBare" ("Id" INTEGER PRIMARY KEY, "ActivityId" BIGINT NOT NULL, "PersonId" BIGINT NOT NULL, "At" TEXT NOT NULL)""");

        var token = SignInToken.Issue(activityId, secret, DateTimeOffset.UtcNow);
        var bare = await BurstAsync(people, async p =>
            await ExecAsync(db, $"""INSERT INTO "BenchBare" ("Id", "ActivityId", "PersonId", "At") VALUES ({p}, {activityId}, {p}, '{DateTime.UtcNow:O}')"""));
        var app = await BurstAsync(people, async p =>
        {
            await using var ctx = new AppDbContext(options.Options);
            var r = await new SignIn.Handler(ctx).WithTokenAsync(token, p, DateTime.UtcNow);
            if (!r.Ok) throw new InvalidOperationException(r.Error!.Message);
        });
        await using (var ctx = new AppDbContext(options.Options))
            if (await ctx.Attendees.CountAsync(a => a.ActivityId == activityId && a.SignedInAt != null) != Members)
                throw new InvalidOperationException("not every member was recorded");
        await ExecAsync(db, """DROP TABLE "BenchBare" """);

        return
        [
            "", $"| sign-in burst, {Members:N0} members, {Concurrency} at a time | total s | per second | p50 ms | p99 ms |", "|---|---|---|---|---|",
            $"| bare INSERT | {bare.Total:F2} | {Members / bare.Total:N0} | {bare.P50:F1} | {bare.P99:F1} |",
            $"| app sign-in (token, checks, update, audit) | {app.Total:F2} | {Members / app.Total:N0} | {app.P50:F1} | {app.P99:F1} |",
            $"| ratio app/bare throughput | {bare.Total / app.Total:P0} | | | |",
        ];
    }

    static Task<(double Total, double P50, double P99)> BurstAsync(List<long> people, Func<long, Task> scan) =>
        HttpSignInBench.BurstAsync(people.Count, Concurrency, i => scan(people[i]));

    static async Task ExecAsync(DatabaseSettings db, string sql)
    {
        await using DbConnection conn = db.Provider == DbProvider.Postgres
            ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString + ";Default Timeout=60");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
