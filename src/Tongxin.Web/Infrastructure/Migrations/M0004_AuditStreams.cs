using FluentMigrator;
using static Tongxin.Web.Infrastructure.Migrations.M0001_Foundation;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>
/// The audit log becomes several hash chains (streams) so concurrent writers do not queue on one lock
/// (decision 0007). Existing entries form stream 0 with their id as sequence; new ids come from the database.
/// </summary>
[Migration(2026112401, "Audit streams")]
public sealed class M0004_AuditStreams : Migration
{
    public override void Up()
    {
        Alter.Table("AuditEntries")
            .AddColumn("Stream").AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn("Seq").AsInt64().NotNullable().WithDefaultValue(0);

        IfDatabase(SqliteIds).Execute.Sql("""
            DROP TRIGGER AuditEntries_NoUpdate;
            UPDATE AuditEntries SET Seq = Id;
            CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
            """);
        IfDatabase(PostgresIds).Execute.Sql("""
            ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_AppendOnly";
            UPDATE "AuditEntries" SET "Seq" = "Id";
            ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_AppendOnly";
            CREATE SEQUENCE "AuditEntries_Id_seq" OWNED BY "AuditEntries"."Id";
            SELECT setval('"AuditEntries_Id_seq"', COALESCE((SELECT MAX("Id") FROM "AuditEntries"), 0) + 1, false);
            ALTER TABLE "AuditEntries" ALTER COLUMN "Id" SET DEFAULT nextval('"AuditEntries_Id_seq"');
            """);
        // SQLite: "Id" INTEGER PRIMARY KEY is the rowid, so an omitted id is assigned by the database already.

        Create.Index("UX_AuditEntries_Stream_Seq").OnTable("AuditEntries")
            .OnColumn("Stream").Ascending().OnColumn("Seq").Ascending().WithOptions().Unique();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
