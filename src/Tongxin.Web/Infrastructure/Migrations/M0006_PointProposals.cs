using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Manual awards and deductions waiting for a second person's approval.</summary>
[Migration(2026112403, "Point proposals")]
public sealed class M0006_PointProposals : Migration
{
    public override void Up()
    {
        Create.Table("PointProposals")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("RuleCode").AsString(60).NotNullable()
            .WithColumn("Reason").AsString(200).NotNullable()
            .WithColumn("Evidence").AsString(1000).Nullable()
            .WithColumn("On").AsDate().NotNullable()
            .WithColumn("ProposedBy").AsString(100).NotNullable()
            .WithColumn("ProposedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("Status").AsString(10).NotNullable()
            .WithColumn("DecidedBy").AsString(100).Nullable()
            .WithColumn("DecidedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("DecisionNote").AsString(200).Nullable();
        Create.Index("IX_PointProposals_TenantId_Status").OnTable("PointProposals").OnColumn("TenantId").Ascending().OnColumn("Status").Ascending();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
