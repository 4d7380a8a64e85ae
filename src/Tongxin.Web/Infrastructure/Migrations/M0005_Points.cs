using FluentMigrator;
using static Tongxin.Web.Infrastructure.Migrations.M0001_Foundation;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>党员积分: yearly rule sets, versioned rule items, and the append-only points ledger.</summary>
[Migration(2026112402, "Points")]
public sealed class M0005_Points : Migration
{
    public override void Up()
    {
        Create.Table("PointRuleSets")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Base").AsInt32().NotNullable()
            .WithColumn("Floor").AsInt32().NotNullable()
            .WithColumn("LockedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("LockedBy").AsString(100).Nullable();
        Create.Index("IX_PointRuleSets_TenantId_Year").OnTable("PointRuleSets")
            .OnColumn("TenantId").Ascending().OnColumn("Year").Ascending().WithOptions().Unique();

        Create.Table("PointRuleItems")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("RuleSetId").AsInt64().NotNullable().ForeignKey("PointRuleSets", "Id")
            .WithColumn("Code").AsString(60).NotNullable()
            .WithColumn("Version").AsInt32().NotNullable()
            .WithColumn("EffectiveFrom").AsDate().NotNullable()
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("Category").AsString(20).NotNullable()
            .WithColumn("Trigger").AsString(30).NotNullable()
            .WithColumn("ActivityType").AsString(40).Nullable()
            .WithColumn("Points").AsInt32().NotNullable()
            .WithColumn("CapPeriod").AsString(10).NotNullable()
            .WithColumn("Cap").AsInt32().Nullable()
            .WithColumn("NeedsApproval").AsBoolean().NotNullable()
            .WithColumn("Active").AsBoolean().NotNullable();
        Create.Index("IX_PointRuleItems_RuleSetId_Code_Version").OnTable("PointRuleItems")
            .OnColumn("RuleSetId").Ascending().OnColumn("Code").Ascending().OnColumn("Version").Ascending().WithOptions().Unique();

        Create.Table("PointEntries")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("Year").AsInt32().NotNullable()
            .WithColumn("Category").AsString(20).NotNullable()
            .WithColumn("Points").AsInt32().NotNullable()
            .WithColumn("Reason").AsString(200).NotNullable()
            .WithColumn("RuleItemId").AsInt64().Nullable().ForeignKey("PointRuleItems", "Id")
            .WithColumn("RuleCode").AsString(60).Nullable()
            .WithColumn("RuleVersion").AsInt32().Nullable()
            .WithColumn("SourceKey").AsString(80).NotNullable()
            .WithColumn("ActivityId").AsInt64().Nullable().ForeignKey("Activities", "Id")
            .WithColumn("Reverses").AsInt64().Nullable().ForeignKey("PointEntries", "Id")
            .WithColumn("CapNote").AsString(200).Nullable()
            .WithColumn("AwardedBy").AsString(100).NotNullable()
            .WithColumn("ApprovedBy").AsString(100).Nullable()
            .WithColumn("On").AsDate().NotNullable()
            .WithColumn("At").AsCustom("timestamptz").NotNullable();
        Create.Index("IX_PointEntries_PersonId_Year").OnTable("PointEntries").OnColumn("PersonId").Ascending().OnColumn("Year").Ascending();
        Create.Index("IX_PointEntries_SourceKey").OnTable("PointEntries").OnColumn("SourceKey");

        // The ledger is append-only like the audit log.
        IfDatabase(SqliteIds).Execute.Sql("""
            CREATE TRIGGER PointEntries_NoUpdate BEFORE UPDATE ON PointEntries
            BEGIN SELECT RAISE(ABORT, 'points ledger is append-only'); END;
            CREATE TRIGGER PointEntries_NoDelete BEFORE DELETE ON PointEntries
            BEGIN SELECT RAISE(ABORT, 'points ledger is append-only'); END;
            """);
        IfDatabase(PostgresIds).Execute.Sql("""
            CREATE FUNCTION points_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'points ledger is append-only'; END $$;
            CREATE TRIGGER "PointEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "PointEntries"
            FOR EACH ROW EXECUTE FUNCTION points_append_only();
            """);
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
