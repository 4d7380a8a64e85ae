using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Each reading or export of the audit log, which is thereby audited too.</summary>
[Migration(2026120210, "AuditLogAccesses")]
public sealed class M0027_AuditLogAccesses : Migration
{
    public override void Up() =>
        Create.Table("AuditLogAccesses")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().Nullable()
            .WithColumn("UserName").AsString(256).NotNullable()
            .WithColumn("At").AsCustom("timestamptz").NotNullable()
            .WithColumn("Action").AsString(20).NotNullable()
            .WithColumn("Filter").AsString(500).NotNullable();

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
