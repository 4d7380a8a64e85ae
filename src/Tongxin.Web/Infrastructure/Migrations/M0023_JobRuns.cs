using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Each run of a scheduled job, with the node it ran on (the schedule itself is Quartz's, in qrtz_* on PostgreSQL).</summary>
[Migration(2026120206, "Job runs")]
public sealed class M0023_JobRuns : Migration
{
    public override void Up()
    {
        Create.Table("JobRuns")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Job").AsString(100).NotNullable()
            .WithColumn("ScheduledFor").AsCustom("timestamptz").NotNullable()
            .WithColumn("Node").AsString(200).NotNullable()
            .WithColumn("StartedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("FinishedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("Failed").AsBoolean().NotNullable();
        Create.Index("IX_JobRuns_Job_ScheduledFor").OnTable("JobRuns").OnColumn("Job").Ascending().OnColumn("ScheduledFor").Ascending();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
