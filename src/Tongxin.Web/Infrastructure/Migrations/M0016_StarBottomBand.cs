using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>支部争星: how many rated branches make a unit with no four-star branch fall into the bottom band.</summary>
[Migration(2026112510, "Star bottom band")]
public sealed class M0016_StarBottomBand : Migration
{
    public override void Up() =>
        Alter.Table("StarTemplates").AddColumn("BottomBandBranches").AsInt32().NotNullable().WithDefaultValue(3);

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
