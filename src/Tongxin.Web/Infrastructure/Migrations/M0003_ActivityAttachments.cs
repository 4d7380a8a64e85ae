using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

[Migration(2026112302, "Activity attachments")]
public sealed class M0003_ActivityAttachments : Migration
{
    public override void Up()
    {
        Create.Table("ActivityAttachments")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("ActivityId").AsInt64().NotNullable().ForeignKey("Activities", "Id")
            .WithColumn("FileName").AsString(200).NotNullable()
            .WithColumn("StoredKey").AsString(100).NotNullable()
            .WithColumn("ContentType").AsString(100).NotNullable()
            .WithColumn("Size").AsInt64().NotNullable()
            .WithColumn("UploadedBy").AsString(100).NotNullable()
            .WithColumn("UploadedAt").AsCustom("timestamptz").NotNullable();
        Create.Index("IX_ActivityAttachments_ActivityId").OnTable("ActivityAttachments").OnColumn("ActivityId");
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
