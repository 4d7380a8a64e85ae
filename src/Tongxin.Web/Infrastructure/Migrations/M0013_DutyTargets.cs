using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>五个一: a tenant's yearly targets per item.</summary>
[Migration(2026112507, "Duty targets")]
public sealed class M0013_DutyTargets : Migration
{
    public override void Up()
    {
        Create.Table("DutyTargets")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Item").AsString(20).NotNullable()
            .WithColumn("MinCount").AsInt32().NotNullable();
        Create.Index("IX_DutyTargets_TenantId_Year_Item").OnTable("DutyTargets")
            .OnColumn("TenantId").Ascending().OnColumn("Year").Ascending().OnColumn("Item").Ascending().WithOptions().Unique();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
