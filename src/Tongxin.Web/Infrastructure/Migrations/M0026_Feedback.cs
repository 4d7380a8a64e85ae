using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>投诉建议: users' suggestions and complaints about the system, answered by the system administrator.</summary>
[Migration(2026120209, "Feedback")]
public sealed class M0026_Feedback : Migration
{
    public override void Up()
    {
        Create.Table("Feedback")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("UserId").AsString(450).NotNullable()
            .WithColumn("UserName").AsString(256).NotNullable()
            .WithColumn("Kind").AsString(20).NotNullable()
            .WithColumn("Subject").AsString(100).NotNullable()
            .WithColumn("Body").AsString(2000).NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Answer").AsString(2000).Nullable()
            .WithColumn("AnsweredBy").AsString(256).Nullable()
            .WithColumn("AnsweredAt").AsCustom("timestamptz").Nullable();
        Create.Index("IX_Feedback_TenantId_Status").OnTable("Feedback").OnColumn("TenantId").Ascending().OnColumn("Status").Ascending();
        Create.Index("IX_Feedback_UserId").OnTable("Feedback").OnColumn("UserId").Ascending();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
