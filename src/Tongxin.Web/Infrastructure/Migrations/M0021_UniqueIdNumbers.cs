using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>
/// One ID number per unit, enforced by a unique index on both databases. Existing duplicates do not stop the
/// migration: each later record's number moves to PersonDuplicates (a report to resolve), the earliest keeps it.
/// </summary>
[Migration(2026120204, "Unique ID numbers per unit")]
public sealed class M0021_UniqueIdNumbers : Migration
{
    public override void Up()
    {
        Create.Table("PersonDuplicates")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("PersonId").AsInt64().NotNullable()
            .WithColumn("KeptPersonId").AsInt64().NotNullable()
            .WithColumn("IdNumber").AsString(18).NotNullable()
            .WithColumn("FoundAt").AsCustom("timestamptz").NotNullable();
        Create.Index("IX_PersonDuplicates_TenantId").OnTable("PersonDuplicates").OnColumn("TenantId").Ascending();
        Execute.Sql("""
            INSERT INTO "PersonDuplicates" ("TenantId", "PersonId", "KeptPersonId", "IdNumber", "FoundAt")
            SELECT p."TenantId", p."Id", k."Kept", p."IdNumber", CURRENT_TIMESTAMP
            FROM "People" p
            JOIN (SELECT "TenantId", "IdNumber", MIN("Id") AS "Kept" FROM "People" WHERE "IdNumber" IS NOT NULL
                  GROUP BY "TenantId", "IdNumber" HAVING COUNT(*) > 1) k
              ON k."TenantId" = p."TenantId" AND k."IdNumber" = p."IdNumber"
            WHERE p."Id" <> k."Kept";
            """);
        Execute.Sql("""UPDATE "People" SET "IdNumber" = NULL WHERE "Id" IN (SELECT "PersonId" FROM "PersonDuplicates");""");
        Delete.Index("IX_People_TenantId_IdNumber").OnTable("People");
        Create.Index("IX_People_TenantId_IdNumber").OnTable("People")
            .OnColumn("TenantId").Ascending().OnColumn("IdNumber").Ascending().WithOptions().Unique();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
