using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongxin.Bench;
using Tongxin.Web.Infrastructure.Data;

// Usage: dotnet run -c Release --project bench/Tongxin.Bench -- [demo|province] [sqlite|postgres] [connection string]
// Without a connection string, SQLite goes to a fresh temp file; PostgreSQL needs one (an empty database).
var scale = args.ElementAtOrDefault(0) == "province" ? Generator.Province : Generator.Demo;
var provider = args.ElementAtOrDefault(1)?.ToLowerInvariant() == "postgres" ? DbProvider.Postgres : DbProvider.Sqlite;
var cs = args.ElementAtOrDefault(2)
    ?? (provider == DbProvider.Sqlite ? $"Data Source={Path.Combine(Path.GetTempPath(), $"tongxin-bench-{Guid.NewGuid():N}.db")}"
        : throw new ArgumentException("PostgreSQL needs a connection string"));
// Repeated SQLite runs at province scale: BENCH_KEEP=file keeps a copy of the generated database; BENCH_FROM=file starts
// from such a copy instead of generating again. BENCH_ONLY=http runs only the HTTP sign-in burst, BENCH_ONLY=import only the roster check, BENCH_ONLY=todo only the 待办 count, BENCH_ONLY=dashboard the 待办 count and the 工作台.
var keep = Environment.GetEnvironmentVariable("BENCH_KEEP");
var from = provider == DbProvider.Sqlite ? Environment.GetEnvironmentVariable("BENCH_FROM") : null;
var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
var db = new DatabaseSettings(provider, cs);

Console.WriteLine($"# Tongxin bench: {scale.Name} on {provider}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
var sw = Stopwatch.StartNew();
if (from is not null)
{
    File.Copy(from, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource, overwrite: true);
    db.Migrate();
    Console.WriteLine($"started from {from} in {sw.Elapsed.TotalSeconds:F1} s");
}
else
{
    db.Migrate();
    var migrate = sw.Elapsed;
    sw.Restart();
    var (orgs, people, activities, entries) = new Generator(db, seed: 42).Run(scale);
    var generate = sw.Elapsed;
    Console.WriteLine($"migrate: {migrate.TotalSeconds:F1} s; generate: {orgs:N0} organisations, {people:N0} people, {activities:N0} activities, {entries:N0} points entries in {generate.TotalSeconds:F1} s " +
                      $"({people / generate.TotalSeconds:N0} people/s); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MiB");
    if (keep is not null && provider == DbProvider.Sqlite)
    {
        await using (var conn = new Microsoft.Data.Sqlite.SqliteConnection(cs))
        {
            await conn.OpenAsync();
            await using var checkpoint = conn.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource, keep, overwrite: true);
    }
}

if (provider == DbProvider.Postgres)
{
    // As after any restore: settle the bulk load now, so autovacuum does not take the CPU in the middle of a measurement.
    await using var conn = new Npgsql.NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var vacuum = new Npgsql.NpgsqlCommand("VACUUM (ANALYZE)", conn) { CommandTimeout = 600 };
    await vacuum.ExecuteNonQueryAsync();
}

var options = new DbContextOptionsBuilder<AppDbContext>();
db.Configure(options);
if (only == "todo")
{
    await using var ctx = new AppDbContext(options.Options);
    foreach (var line in await TodoBench.RunAsync(ctx))
        Console.WriteLine(line);
    return;
}
if (only == "dashboard")
{
    await using var ctx = new AppDbContext(options.Options);
    foreach (var line in await TodoBench.RunAsync(ctx))
        Console.WriteLine(line);
    foreach (var line in await DashboardBench.RunAsync(ctx, db))
        Console.WriteLine(line);
    return;
}
if (only == "import")
{
    await using var ctx = new AppDbContext(options.Options);
    foreach (var line in await ImportBench.RunAsync(ctx))
        Console.WriteLine(line);
    return;
}
if (only != "http")
{
    await using (var ctx = new AppDbContext(options.Options))
    {
        foreach (var result in await SubtreeBench.RunAsync(ctx, db))
            Console.WriteLine(result);
    }
    await using (var ctx = new AppDbContext(options.Options))
    {
        foreach (var line in await PointsBench.RunAsync(ctx, db))
            Console.WriteLine(line);
    }
    foreach (var line in await SignInBench.RunAsync(db))
        Console.WriteLine(line);
}
foreach (var line in await HttpSignInBench.RunAsync(db))
    Console.WriteLine(line);
