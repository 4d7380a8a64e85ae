using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Infrastructure;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Bench;

/// <summary>
/// The sign-in burst over HTTP, as phones do it: 2,000 members, each logged in with their own cookie, POST the QR
/// token to <c>/api/orglife/signin</c> of the real app (Kestrel, auth, scope, handler, audit), 64 at a time; against a
/// bare Kestrel endpoint doing one INSERT per request on the same database, same client, same run.
/// </summary>
public static class HttpSignInBench
{
    const int Members = 2000;
    static readonly int Concurrency = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CONCURRENCY"), out var c) ? c : 64;
    const string Password = "Bench#2026x";

    public static async Task<IEnumerable<string>> RunAsync(DatabaseSettings db)
    {
        var (meetings, userNames) = await PrepareAsync(db);

        await using var bareHost = await StartBareAsync(db);
        await using var appHost = await StartAppAsync(db);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = Concurrency });

        var appUrl = Url(appHost);
        var cookies = new string[Members];
        await Parallel.ForEachAsync(Enumerable.Range(0, Members), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var r = await client.PostAsJsonAsync($"{appUrl}/api/auth/login", new { userName = userNames[i], password = Password }, ct);
            r.EnsureSuccessStatusCode();
            cookies[i] = string.Join("; ", r.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        });

        Console.Error.WriteLine($"http bench: {Members:N0} accounts logged in");
        var bareUrl = Url(bareHost);
        Func<int, Task> Bare(int offset) => async i =>
        {
            using var r = await client.PostAsync($"{bareUrl}/bare/{offset + i + 1}", null);
            if (r.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException($"bare: {r.StatusCode}");
        };
        Func<int, Task> SignIn((long Id, byte[] Secret) meeting) => async i =>
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, $"{appUrl}/api/orglife/signin") { Content = JsonContent.Create(new { token = SignInToken.Issue(meeting.Id, meeting.Secret, DateTimeOffset.UtcNow) }) };
            // (the phone reads whichever code the screen shows at that moment)
            req.Headers.Add("Cookie", cookies[i]);
            using var r = await client.SendAsync(req);
            if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"app: {r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        };
        // First bursts after start (code paths not yet compiled, caches empty), then the same again warm: the same
        // members sign in to a second meeting, as at a plenary's second sitting.
        var bareCold = await BurstAsync(Bare(0));
        var appCold = await BurstAsync(SignIn(meetings[0]));
        var bare = await BurstAsync(Bare(Members));
        var app = await BurstAsync(SignIn(meetings[1]));

        var nothing = await BurstAsync(async i =>
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, $"{appUrl}/bench/nothing") { Content = JsonContent.Create(new { token = "-" }) };
            req.Headers.Add("Cookie", cookies[i]);
            using var r = await client.SendAsync(req);
            if (r.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException($"nothing: {r.StatusCode}");
        });

        await using (var ctx = Context(db))
            foreach (var (id, _) in meetings)
                if (await ctx.Attendees.CountAsync(a => a.ActivityId == id && a.SignedInAt != null) != Members)
                    throw new InvalidOperationException("not every member was recorded");

        string Row(string what, (double Total, double P50, double P99) r) => $"| {what} | {r.Total:F2} | {Members / r.Total:N0} | {r.P50:F1} | {r.P99:F1} |";
        return
        [
            "", $"| HTTP sign-in burst, {Members:N0} members, {Concurrency} at a time | total s | per second | p50 ms | p99 ms |", "|---|---|---|---|---|",
            Row("bare Kestrel endpoint, one INSERT — first burst after start", bareCold),
            Row("app `/api/orglife/signin` (cookie auth, token, checks, update, points, audit) — first burst after start", appCold),
            Row("bare Kestrel endpoint, one INSERT — warm", bare),
            Row("app `/api/orglife/signin` — warm (second meeting, same members)", app),
            Row("app pipeline with cookie auth, endpoint doing nothing", nothing),
            $"| ratio app/bare throughput, first burst / warm | {bareCold.Total / appCold.Total:P0} / {bare.Total / app.Total:P0} | | | |",
            $"| ratio do-nothing app endpoint/bare throughput, warm (the ceiling for any app endpoint) | {bare.Total / nothing.Total:P0} | | | |",
        ];
    }

    static AppDbContext Context(DatabaseSettings db)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        db.Configure(options);
        return new AppDbContext(options.Options);
    }

    /// <summary>Two meetings with the same 2,000 expected members, each with an account (hashed cheaply: setup is not measured).</summary>
    static async Task<((long Id, byte[] Secret)[] Meetings, string[] UserNames)> PrepareAsync(DatabaseSettings db)
    {
        await using var ctx = Context(db);
        var branch = await ctx.Organizations.Where(o => o.Type == Tongxin.Web.Features.Organizations.OrgType.OrganBranch).OrderByDescending(o => o.Id).FirstAsync();
        var people = await ctx.People.OrderByDescending(p => p.Id).Take(Members).Select(p => new { p.Id, p.TenantId, p.Name }).ToListAsync();
        var ids = people.Select(p => p.Id).ToList();
        (long, byte[])[] meetings = [await OpenMeeting.CreateAsync(ctx, branch, "集中学习（HTTP，第一次）", ids), await OpenMeeting.CreateAsync(ctx, branch, "集中学习（HTTP，第二次）", ids)];

        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        var hash = hasher.HashPassword(new AppUser(), Password);
        var names = people.Select(p => $"bench{p.Id}").ToArray();
        ctx.Users.AddRange(people.Select((p, i) => new AppUser
        {
            UserName = names[i], NormalizedUserName = names[i].ToUpperInvariant(), DisplayName = p.Name, TenantId = p.TenantId,
            PersonId = p.Id, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        }));
        await ctx.SaveChangesAsync();
        return (meetings, names);
    }

    static async Task<WebApplication> StartAppAsync(DatabaseSettings db)
    {
        var webRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Tongxin.Web"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Hosting).Assembly.GetName().Name, ContentRootPath = webRoot, EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tongxin:Database:Provider"] = db.Provider.ToString(), ["ConnectionStrings:Tongxin"] = db.ConnectionString,
            ["Tongxin:Jobs:Enabled"] = "false", ["Tongxin:Seed:Demo"] = "false", ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddTongxin();
        // Setup only: the bench accounts' hashes use 1,000 iterations so 2,000 logins do not dominate the run.
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        var app = builder.Build();
        app.UseTongxin();
        // Bench only: an authorised endpoint that does nothing, to show what the pipeline and cookie cost alone.
        app.MapPost("/bench/nothing", () => Results.NoContent());
        await app.StartAsync();
        return app;
    }

    /// <summary>The baseline: Kestrel and one INSERT through the same ADO.NET provider, nothing else.</summary>
    static async Task<WebApplication> StartBareAsync(DatabaseSettings db)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        await using (var conn = Open(db))
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """CREATE TABLE "BenchHttpBare" ("Id" BIGINT PRIMARY KEY, "At" TEXT NOT NULL)""";
            await cmd.ExecuteNonQueryAsync();
        }
        app.MapPost("/bare/{id:long}", async (long id) =>
        {
            await using var conn = Open(db);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = """INSERT INTO "BenchHttpBare" ("Id", "At") VALUES (@id, @at)""";
            var pId = cmd.CreateParameter(); pId.ParameterName = "id"; pId.Value = id; cmd.Parameters.Add(pId);
            var pAt = cmd.CreateParameter(); pAt.ParameterName = "at"; pAt.Value = DateTime.UtcNow.ToString("O"); cmd.Parameters.Add(pAt);
            await cmd.ExecuteNonQueryAsync();
            return Results.NoContent();
        });
        await app.StartAsync();
        return app;
    }

    static System.Data.Common.DbConnection Open(DatabaseSettings db)
    {
        // The same connection string as the app's, so the baseline is not cheaper by configuration.
        System.Data.Common.DbConnection conn = db.Provider == DbProvider.Postgres
            ? new NpgsqlConnection(db.ConnectionString) : new SqliteConnection(db.ConnectionString);
        conn.Open();
        return conn;
    }

    static string Url(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    static Task<(double Total, double P50, double P99)> BurstAsync(Func<int, Task> scan) => BurstAsync(Members, Concurrency, scan);

    /// <summary>Runs <paramref name="count"/> scans, <paramref name="concurrency"/> at a time: total seconds, p50 and p99 ms.</summary>
    public static async Task<(double Total, double P50, double P99)> BurstAsync(int count, int concurrency, Func<int, Task> scan)
    {
        var latencies = new double[count];
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var one = Stopwatch.StartNew();
            await scan(i);
            latencies[i] = one.Elapsed.TotalMilliseconds;
        });
        var total = sw.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (total, latencies[count / 2], latencies[(int)(count * 0.99)]);
    }
}
