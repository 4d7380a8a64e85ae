using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>民主评议党员: yearly rounds per branch, participants with their self-assessment and decision, anonymous ballots.</summary>
[Migration(2026112502, "Democratic appraisal")]
public sealed class M0008_Appraisal : Migration
{
    public override void Up()
    {
        Create.Table("AppraisalRounds")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Status").AsString(10).NotNullable()
            .WithColumn("OpenedBy").AsString(100).NotNullable()
            .WithColumn("OpenedAt").AsCustom("timestamptz").NotNullable()
            .WithColumn("ClosedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("FinalisedBy").AsString(100).Nullable()
            .WithColumn("FinalisedAt").AsCustom("timestamptz").Nullable();
        Create.Index("IX_AppraisalRounds_OrgId_Year").OnTable("AppraisalRounds")
            .OnColumn("OrgId").Ascending().OnColumn("Year").Ascending().WithOptions().Unique();

        Create.Table("AppraisalParticipants")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("RoundId").AsInt64().NotNullable().ForeignKey("AppraisalRounds", "Id")
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("IsProbationary").AsBoolean().NotNullable()
            .WithColumn("SelfAssessment").AsString(2000).Nullable()
            .WithColumn("SelfAssessedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("VotedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("Grade").AsString(20).Nullable()
            .WithColumn("GradeNote").AsString(200).Nullable()
            .WithColumn("PointsTotal").AsInt32().Nullable();
        Create.Index("IX_AppraisalParticipants_RoundId_PersonId").OnTable("AppraisalParticipants")
            .OnColumn("RoundId").Ascending().OnColumn("PersonId").Ascending().WithOptions().Unique();
        Create.Index("IX_AppraisalParticipants_PersonId").OnTable("AppraisalParticipants").OnColumn("PersonId");

        Create.Table("AppraisalBallots")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("RoundId").AsInt64().NotNullable().ForeignKey("AppraisalRounds", "Id")
            .WithColumn("SubjectId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("Grade").AsString(20).NotNullable();
        Create.Index("IX_AppraisalBallots_RoundId_SubjectId").OnTable("AppraisalBallots")
            .OnColumn("RoundId").Ascending().OnColumn("SubjectId").Ascending();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
