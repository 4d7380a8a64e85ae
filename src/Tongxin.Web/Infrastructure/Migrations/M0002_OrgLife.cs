using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Organisational life: activities, attendees (sign-in and leave), frequency rules, alerts.</summary>
[Migration(2026112301, "Organisational life")]
public sealed class M0002_OrgLife : Migration
{
    public override void Up()
    {
        Create.Table("Activities")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("Type").AsString(40).NotNullable()
            .WithColumn("Topic").AsString(200).NotNullable()
            .WithColumn("StartsAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("EndsAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("Place").AsString(100).NotNullable()
            .WithColumn("HostPersonId").AsInt64().Nullable().ForeignKey("People", "Id")
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Minutes").AsString(int.MaxValue).Nullable()
            .WithColumn("Decisions").AsString(int.MaxValue).Nullable()
            .WithColumn("QuorumMet").AsBoolean().Nullable()
            .WithColumn("RecordedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("SignInSecret").AsBinary(int.MaxValue).NotNullable()
            .WithColumn("CreatedBy").AsString(100).NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable();
        Create.Index("IX_Activities_OrgId_StartsAt").OnTable("Activities").OnColumn("OrgId").Ascending().OnColumn("StartsAt").Ascending();
        Create.Index("IX_Activities_TenantId_StartsAt").OnTable("Activities").OnColumn("TenantId").Ascending().OnColumn("StartsAt").Ascending();

        Create.Table("Attendees")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("ActivityId").AsInt64().NotNullable().ForeignKey("Activities", "Id")
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("SignedInAt").AsCustom("timestamptz").Nullable()
            .WithColumn("Method").AsString(10).NotNullable()
            .WithColumn("ManualReason").AsString(200).Nullable()
            .WithColumn("Leave").AsString(10).NotNullable()
            .WithColumn("LeaveReason").AsString(200).Nullable()
            .WithColumn("LeaveDecidedBy").AsString(100).Nullable();
        Create.Index("IX_Attendees_ActivityId_PersonId").OnTable("Attendees")
            .OnColumn("ActivityId").Ascending().OnColumn("PersonId").Ascending().WithOptions().Unique();
        Create.Index("IX_Attendees_PersonId").OnTable("Attendees").OnColumn("PersonId");

        Create.Table("FrequencyRules")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Type").AsString(40).NotNullable()
            .WithColumn("EffectiveFrom").AsDate().NotNullable()
            .WithColumn("Period").AsString(10).NotNullable()
            .WithColumn("MinCount").AsInt32().NotNullable();
        Create.Index("IX_FrequencyRules_TenantId_Type_EffectiveFrom").OnTable("FrequencyRules")
            .OnColumn("TenantId").Ascending().OnColumn("Type").Ascending().OnColumn("EffectiveFrom").Ascending().WithOptions().Unique();

        Create.Table("Alerts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("Kind").AsString(40).NotNullable()
            .WithColumn("Key").AsString(200).NotNullable()
            .WithColumn("Message").AsString(400).NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("ClosedAt").AsCustom("timestamptz").Nullable();
        Create.Index("IX_Alerts_TenantId_Key").OnTable("Alerts").OnColumn("TenantId").Ascending().OnColumn("Key").Ascending().WithOptions().Unique();
        Create.Index("IX_Alerts_OrgId").OnTable("Alerts").OnColumn("OrgId");
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
