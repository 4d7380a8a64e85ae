using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Tongxin.Tests.Support;
using Tongxin.Web.Infrastructure.Jobs;

namespace Tongxin.Tests.Integration;

/// <summary>An app node with the scheduled jobs on, firing every second (issue 11 point 22).</summary>
public class JobNode(TestDatabase database, bool owns) : AppFactory(database, owns)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Tongxin:Jobs:Enabled", "true");
        builder.UseSetting("Tongxin:Jobs:AlertsEvery", "00:00:01");
        builder.UseSetting("Tongxin:Jobs:FirstRunAfter", "00:00:01");
        builder.UseSetting("Tongxin:Jobs:CheckinInterval", "00:00:02");
    }
}

[Trait("Category", "Db")]
public class ClusteredJobTests
{
    [PostgresFact]
    public async Task TwoNodesOnOnePostgreSql_RunEachFiringOfTheAlertJobOnce()
    {
        var database = new TestDatabase();
        var first = new JobNode(database, owns: true);
        _ = first.Services; // migrates and seeds before the second node starts, as a rolling start would
        var second = new JobNode(database, owns: false);
        _ = second.Services;
        try
        {
            var schedulers = new[] { first, second }.Select(n => n.Services.GetRequiredService<ISchedulerFactory>()).ToList();
            var nodes = new List<string>();
            foreach (var f in schedulers)
            {
                var scheduler = await f.GetScheduler();
                var meta = await scheduler.GetMetadata();
                Assert.True(meta.JobStoreClustered, "the PostgreSQL job store is clustered");
                nodes.Add(meta.SchedulerInstanceId);
            }
            Assert.Equal(2, nodes.Distinct().Count());

            var deadline = DateTime.UtcNow.AddSeconds(60);
            List<JobRun> runs;
            do
            {
                await Task.Delay(1000);
                runs = await first.WithDbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.Job == JobScheduling.Alerts).ToListAsync());
            } while (runs.Count(r => r.FinishedAt is not null) < 8 && DateTime.UtcNow < deadline);

            Assert.True(runs.Count(r => r.FinishedAt is not null) >= 8, $"only {runs.Count} runs in a minute");
            Assert.All(runs.GroupBy(r => r.ScheduledFor), g => Assert.Single(g));
            Assert.All(runs.Where(r => r.FinishedAt is not null), r => Assert.False(r.Failed));
            Assert.All(runs, r => Assert.Contains(r.Node, nodes));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }
}
