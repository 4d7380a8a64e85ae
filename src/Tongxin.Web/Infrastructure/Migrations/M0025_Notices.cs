using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>站内通知: one row per person and event, read or unread.</summary>
[Migration(2026120208, "Notices")]
public sealed class M0025_Notices : Migration
{
    public override void Up()
    {
        Create.Table("Notices")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("PersonId").AsInt64().NotNullable()
            .WithColumn("Text").AsString(300).NotNullable()
            .WithColumn("Url").AsString(200).NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("ReadAt").AsCustom("timestamptz").Nullable();
        Create.Index("IX_Notices_PersonId_ReadAt").OnTable("Notices").OnColumn("PersonId").Ascending().OnColumn("ReadAt").Ascending();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
