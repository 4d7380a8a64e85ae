using System.Data;
using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>
/// 履职 schemes become lists of items (fact, points each, not counted first, cap) instead of fixed columns; the values
/// of schemes already kept become their items, then the fixed columns go (SQLite ≥ 3.35 and PostgreSQL both DROP COLUMN).
/// </summary>
[Migration(2026112509, "Duty scheme items")]
public sealed class M0015_DutySchemeItems : Migration
{
    static readonly (string Column, string Fact, int FreeCount, string? CapColumn)[] Moved =
    [
        ("ExtraProposal", "RegisteredProposal", 1, null), ("KeyProposal", "KeyProposal", 0, null), ("ExcellentProposal", "ExcellentProposal", 0, null),
        ("PublicGood", "PublicGood", 0, "PublicGoodCap"), ("PlenaryAbsent", "PlenaryAbsent", 0, null), ("PlenaryExcused", "PlenaryExcused", 0, null),
    ];

    public override void Up()
    {
        Create.Table("DutySchemeItems")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("SchemeId").AsInt64().NotNullable().ForeignKey("FK_DutySchemeItems_DutySchemes", "DutySchemes", "Id").OnDelete(Rule.Cascade)
            .WithColumn("Fact").AsString(30).NotNullable()
            .WithColumn("Points").AsInt32().NotNullable()
            .WithColumn("FreeCount").AsInt32().NotNullable()
            .WithColumn("Cap").AsInt32().Nullable();
        Create.Index("IX_DutySchemeItems_SchemeId_Fact").OnTable("DutySchemeItems")
            .OnColumn("SchemeId").Ascending().OnColumn("Fact").Ascending().WithOptions().Unique();
        foreach (var (column, fact, free, cap) in Moved)
            Execute.Sql($"""
                INSERT INTO "DutySchemeItems" ("SchemeId", "Fact", "Points", "FreeCount", "Cap")
                SELECT "Id", '{fact}', "{column}", {free}, {(cap is null ? "NULL" : $"\"{cap}\"")} FROM "DutySchemes" WHERE "{column}" <> 0
                """);
        foreach (var column in Moved.Select(m => m.Column).Append("PublicGoodCap"))
            Execute.Sql($"""ALTER TABLE "DutySchemes" DROP COLUMN "{column}" """);
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
