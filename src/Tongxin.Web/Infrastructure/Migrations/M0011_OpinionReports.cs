using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>社情民意信息.</summary>
[Migration(2026112505, "Opinion reports")]
public sealed class M0011_OpinionReports : Migration
{
    public override void Up()
    {
        Create.Table("OpinionReports")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("AuthorPersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("Title").AsString(200).NotNullable()
            .WithColumn("Content").AsString(10000).NotNullable()
            .WithColumn("Status").AsString(12).NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("SubmittedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("SourceProposalId").AsInt64().Nullable().ForeignKey("Proposals", "Id")
            .WithColumn("EditedBy").AsString(100).Nullable()
            .WithColumn("EditedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("DecidedOn").AsDate().Nullable()
            .WithColumn("DecidedBy").AsString(100).Nullable()
            .WithColumn("DecisionNote").AsString(500).Nullable()
            .WithColumn("ForwardedTo").AsString(10).Nullable()
            .WithColumn("ForwardedOn").AsDate().Nullable()
            .WithColumn("Instruction").AsString(2000).Nullable()
            .WithColumn("InstructedBy").AsString(50).Nullable()
            .WithColumn("InstructedOn").AsDate().Nullable();
        Create.Index("IX_OpinionReports_TenantId_Year_Status").OnTable("OpinionReports")
            .OnColumn("TenantId").Ascending().OnColumn("Year").Ascending().OnColumn("Status").Ascending();
        Create.Index("IX_OpinionReports_AuthorPersonId").OnTable("OpinionReports").OnColumn("AuthorPersonId");
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
