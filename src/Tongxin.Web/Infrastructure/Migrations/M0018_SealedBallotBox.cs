using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>民主评议: ballots are held sealed on the round while it is open and written out at close (decision 0012).</summary>
[Migration(2026120201, "Sealed ballot box")]
public sealed class M0018_SealedBallotBox : Migration
{
    public override void Up()
    {
        Alter.Table("AppraisalRounds").AddColumn("SealedBox").AsString(int.MaxValue).Nullable();
        Alter.Table("AppraisalRounds").AddColumn("BoxVersion").AsInt32().NotNullable().WithDefaultValue(0);
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
