using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Organisational life: a planned activity can be changed or cancelled; attendees see what changed.</summary>
[Migration(2026120202, "Activity changes and cancellation")]
public sealed class M0019_ActivityChanges : Migration
{
    public override void Up()
    {
        Alter.Table("Activities")
            .AddColumn("ChangedAt").AsCustom("timestamptz").Nullable()
            .AddColumn("ChangeNote").AsString(500).Nullable()
            .AddColumn("CancelledAt").AsCustom("timestamptz").Nullable()
            .AddColumn("CancelReason").AsString(200).Nullable();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
