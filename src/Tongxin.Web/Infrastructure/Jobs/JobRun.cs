using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartz;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Infrastructure.Jobs;

/// <summary>One run of a scheduled job on one node: when it was due, where it ran, whether it finished.</summary>
public class JobRun
{
    public long Id { get; set; }
    public string Job { get; set; } = "";
    public DateTime ScheduledFor { get; set; }
    public string Node { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public bool Failed { get; set; }

    /// <summary>
    /// Runs <paramref name="work"/> (in a scope of its own) as a recorded run of the firing <paramref name="context"/>
    /// describes; the record is kept in another scope, so a failed run's half-made changes are never saved with it.
    /// </summary>
    public static async Task RecordAsync(IServiceScopeFactory scopes, IJobExecutionContext context, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct)
    {
        using var recordScope = scopes.CreateScope();
        var db = recordScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var time = recordScope.ServiceProvider.GetRequiredService<TimeProvider>();
        var run = db.JobRuns.Add(new JobRun
        {
            Job = context.JobDetail.Key.Name, ScheduledFor = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime,
            Node = context.Scheduler.SchedulerInstanceId, StartedAt = time.GetUtcNow().UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync(ct);
        try
        {
            using var workScope = scopes.CreateScope();
            await work(workScope.ServiceProvider, ct);
        }
        catch
        {
            run.Failed = true;
            throw;
        }
        finally
        {
            run.FinishedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}

public sealed class JobRunConfig : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("JobRuns");
        b.Property(r => r.Job).HasMaxLength(100);
        b.Property(r => r.Node).HasMaxLength(200);
        b.HasIndex(r => new { r.Job, r.ScheduledFor });
    }
}
