using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Who may propose a manual point item: 党小组组长, branch secretary, or only the organ party committee.</summary>
[Migration(2026112503, "Point item proposers")]
public sealed class M0009_PointProposers : Migration
{
    public override void Up() =>
        Alter.Table("PointRuleItems").AddColumn("Proposer").AsString(12).NotNullable().WithDefaultValue("Branch");

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
