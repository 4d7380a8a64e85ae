using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>One-time keys of forms that create records (a double click makes one record).</summary>
[Migration(2026120207, "Form submissions")]
public sealed class M0024_FormSubmissions : Migration
{
    public override void Up() =>
        Create.Table("FormSubmissions")
            .WithColumn("Key").AsString(32).PrimaryKey()
            .WithColumn("Kind").AsString(30).NotNullable()
            .WithColumn("EntityId").AsInt64().NotNullable()
            .WithColumn("At").AsCustom("timestamptz").NotNullable();

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
