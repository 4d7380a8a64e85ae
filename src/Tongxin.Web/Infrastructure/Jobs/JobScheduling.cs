using Quartz;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Infrastructure.Jobs;

/// <summary>
/// Scheduled jobs. On PostgreSQL the schedule lives in the database (Quartz's clustered ADO store), so several app
/// nodes share it and each firing runs on exactly one of them; on SQLite (one node by nature) it stays in memory.
/// </summary>
public static class JobScheduling
{
    public const string Alerts = "orglife-alerts";

    public static void AddTongxinJobs(this IServiceCollection services, IConfiguration config, DatabaseSettings db)
    {
        if (config["Tongxin:Jobs:Enabled"] is "false" or "False") return;
        var every = config.GetValue("Tongxin:Jobs:AlertsEvery", TimeSpan.FromHours(1));
        var firstAfter = config.GetValue("Tongxin:Jobs:FirstRunAfter", TimeSpan.FromMinutes(1));
        services.AddQuartz(q =>
        {
            if (db.Provider == DbProvider.Postgres)
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(db.ConnectionString);
                    store.UseSystemTextJsonSerializer(_ => { });
                    store.UseClustering(c => c.CheckinInterval = config.GetValue("Tongxin:Jobs:CheckinInterval", TimeSpan.FromSeconds(15)));
                    store.ProvisionSchema(); // Quartz keeps its own tables (qrtz_*) in step with its version
                });
            q.AddJob<Features.OrgLife.RaiseAlerts.Job>(j => j.WithIdentity(Alerts).StoreDurably());
            q.AddTrigger(t => t.WithIdentity(Alerts).ForJob(Alerts).StartAt(DateTimeOffset.UtcNow.Add(firstAfter))
                .WithSimpleSchedule(x => x.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
