using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>提案: proposals with their signers and handling units.</summary>
[Migration(2026112504, "Proposals")]
public sealed class M0010_Proposals : Migration
{
    public override void Up()
    {
        Create.Table("Proposals")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Number").AsString(20).Nullable()
            .WithColumn("Title").AsString(200).NotNullable()
            .WithColumn("Content").AsString(10000).NotNullable()
            .WithColumn("LeadPersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("Status").AsString(12).NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("SubmittedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("ReviewedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("ReviewedBy").AsString(100).Nullable()
            .WithColumn("ReviewNote").AsString(500).Nullable()
            .WithColumn("MergedIntoId").AsInt64().Nullable().ForeignKey("Proposals", "Id")
            .WithColumn("IsKey").AsBoolean().NotNullable()
            .WithColumn("IsExcellent").AsBoolean().NotNullable()
            .WithColumn("Overseer").AsString(50).Nullable()
            .WithColumn("AssignedOn").AsDate().Nullable()
            .WithColumn("Deadline").AsDate().Nullable()
            .WithColumn("Extended").AsBoolean().NotNullable()
            .WithColumn("ExtensionReason").AsString(500).Nullable()
            .WithColumn("Outcome").AsString(2).Nullable()
            .WithColumn("ReplyText").AsString(10000).Nullable()
            .WithColumn("RepliedOn").AsDate().Nullable()
            .WithColumn("RepliedBy").AsString(100).Nullable()
            .WithColumn("HandlingRating").AsString(20).Nullable()
            .WithColumn("ResultRating").AsString(20).Nullable()
            .WithColumn("RatingNote").AsString(500).Nullable()
            .WithColumn("RatedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("SentBack").AsBoolean().NotNullable()
            .WithColumn("ClosedAt").AsCustom("timestamptz").Nullable();
        Create.Index("IX_Proposals_TenantId_Year_Status").OnTable("Proposals")
            .OnColumn("TenantId").Ascending().OnColumn("Year").Ascending().OnColumn("Status").Ascending();
        Create.Index("IX_Proposals_TenantId_Number").OnTable("Proposals")
            .OnColumn("TenantId").Ascending().OnColumn("Number").Ascending().WithOptions().Unique();
        Create.Index("IX_Proposals_LeadPersonId").OnTable("Proposals").OnColumn("LeadPersonId");

        Create.Table("ProposalSigners")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ProposalId").AsInt64().NotNullable().ForeignKey("Proposals", "Id")
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("Order").AsInt32().NotNullable()
            .WithColumn("ConfirmedAt").AsCustom("timestamptz").Nullable();
        Create.Index("IX_ProposalSigners_ProposalId_PersonId").OnTable("ProposalSigners")
            .OnColumn("ProposalId").Ascending().OnColumn("PersonId").Ascending().WithOptions().Unique();
        Create.Index("IX_ProposalSigners_PersonId").OnTable("ProposalSigners").OnColumn("PersonId");

        Create.Table("ProposalUnits")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ProposalId").AsInt64().NotNullable().ForeignKey("Proposals", "Id")
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("IsLead").AsBoolean().NotNullable();
        Create.Index("IX_ProposalUnits_ProposalId_OrgId").OnTable("ProposalUnits")
            .OnColumn("ProposalId").Ascending().OnColumn("OrgId").Ascending().WithOptions().Unique();
        Create.Index("IX_ProposalUnits_OrgId").OnTable("ProposalUnits").OnColumn("OrgId");
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
