using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Numbers handed out from a locked sequence (案号), and a version on records edited in forms.</summary>
[Migration(2026120205, "Number sequences and edit versions")]
public sealed class M0022_NumbersAndVersions : Migration
{
    public override void Up()
    {
        Create.Table("NumberSequences")
            .WithColumn("TenantId").AsInt64().PrimaryKey()
            .WithColumn("Kind").AsString(30).PrimaryKey()
            .WithColumn("Year").AsInt32().PrimaryKey()
            .WithColumn("Last").AsInt32().NotNullable();
        foreach (var table in new[] { "People", "Organizations", "Proposals" })
            Alter.Table(table).AddColumn("Version").AsInt32().NotNullable().WithDefaultValue(0);
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
