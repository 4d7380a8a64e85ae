using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>民主评议: members who voted on a paper sheet.</summary>
[Migration(2026112511, "Paper ballots")]
public sealed class M0017_PaperBallots : Migration
{
    public override void Up() =>
        Alter.Table("AppraisalParticipants").AddColumn("VotedOnPaper").AsBoolean().NotNullable().WithDefaultValue(false);

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
