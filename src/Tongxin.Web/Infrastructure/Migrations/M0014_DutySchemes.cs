using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>履职档案: a unit's yearly scoring scheme.</summary>
[Migration(2026112508, "Duty schemes")]
public sealed class M0014_DutySchemes : Migration
{
    public override void Up()
    {
        Create.Table("DutySchemes")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Base").AsInt32().NotNullable()
            .WithColumn("MaxBonus").AsInt32().NotNullable()
            .WithColumn("PlenaryAbsent").AsInt32().NotNullable()
            .WithColumn("PlenaryExcused").AsInt32().NotNullable()
            .WithColumn("ExtraProposal").AsInt32().NotNullable()
            .WithColumn("KeyProposal").AsInt32().NotNullable()
            .WithColumn("ExcellentProposal").AsInt32().NotNullable()
            .WithColumn("PublicGood").AsInt32().NotNullable()
            .WithColumn("PublicGoodCap").AsInt32().NotNullable()
            .WithColumn("ExcellentAt").AsInt32().NotNullable()
            .WithColumn("CompetentAt").AsInt32().NotNullable();
        Create.Index("IX_DutySchemes_TenantId_Year").OnTable("DutySchemes")
            .OnColumn("TenantId").Ascending().OnColumn("Year").Ascending().WithOptions().Unique();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
