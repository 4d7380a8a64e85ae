using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>支部争星: yearly checklist templates and each branch's rating with its item scores.</summary>
[Migration(2026112501, "Branch star ratings")]
public sealed class M0007_Stars : Migration
{
    public override void Up()
    {
        Create.Table("StarTemplates")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("FiveAt").AsDouble().NotNullable()
            .WithColumn("FourAt").AsDouble().NotNullable()
            .WithColumn("ThreeAt").AsDouble().NotNullable()
            .WithColumn("TwoAt").AsDouble().NotNullable();
        Create.Index("IX_StarTemplates_TenantId_Year").OnTable("StarTemplates")
            .OnColumn("TenantId").Ascending().OnColumn("Year").Ascending().WithOptions().Unique();

        Create.Table("StarTemplateItems")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TemplateId").AsInt64().NotNullable().ForeignKey("StarTemplates", "Id")
            .WithColumn("Order").AsInt32().NotNullable()
            .WithColumn("Code").AsString(40).NotNullable()
            .WithColumn("Group").AsString(40).NotNullable()
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("MaxScore").AsDouble().NotNullable()
            .WithColumn("Source").AsString(20).NotNullable()
            .WithColumn("Target").AsInt32().Nullable()
            .WithColumn("IsInnovation").AsBoolean().NotNullable();
        Create.Index("IX_StarTemplateItems_TemplateId_Code").OnTable("StarTemplateItems")
            .OnColumn("TemplateId").Ascending().OnColumn("Code").Ascending().WithOptions().Unique();

        Create.Table("StarRatings")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Status").AsString(12).NotNullable()
            .WithColumn("SelfTotal").AsDouble().Nullable()
            .WithColumn("SelfStars").AsInt32().Nullable()
            .WithColumn("SubmittedBy").AsString(100).Nullable()
            .WithColumn("SubmittedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("ReviewTotal").AsDouble().Nullable()
            .WithColumn("ReviewStars").AsInt32().Nullable()
            .WithColumn("ReviewedBy").AsString(100).Nullable()
            .WithColumn("ReviewedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("ReviewNote").AsString(500).Nullable();
        Create.Index("IX_StarRatings_OrgId_Year").OnTable("StarRatings")
            .OnColumn("OrgId").Ascending().OnColumn("Year").Ascending().WithOptions().Unique();
        Create.Index("IX_StarRatings_TenantId_Year").OnTable("StarRatings").OnColumn("TenantId").Ascending().OnColumn("Year").Ascending();

        Create.Table("StarScores")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("RatingId").AsInt64().NotNullable().ForeignKey("StarRatings", "Id")
            .WithColumn("ItemCode").AsString(40).NotNullable()
            .WithColumn("Basis").AsString(200).Nullable()
            .WithColumn("SelfScore").AsDouble().NotNullable()
            .WithColumn("Evidence").AsString(1000).Nullable()
            .WithColumn("ReviewScore").AsDouble().Nullable()
            .WithColumn("ReviewNote").AsString(200).Nullable();
        Create.Index("IX_StarScores_RatingId_ItemCode").OnTable("StarScores")
            .OnColumn("RatingId").Ascending().OnColumn("ItemCode").Ascending().WithOptions().Unique();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
