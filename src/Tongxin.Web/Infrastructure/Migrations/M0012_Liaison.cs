using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>联系: 党员委员 ↔ 党外委员 and 党组成员 ↔ 界别, with contact records.</summary>
[Migration(2026112506, "Liaison")]
public sealed class M0012_Liaison : Migration
{
    public override void Up()
    {
        Create.Table("LiaisonPairs")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Kind").AsString(12).NotNullable()
            .WithColumn("PartyPersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("OtherPersonId").AsInt64().Nullable().ForeignKey("People", "Id")
            .WithColumn("Sector").AsString(50).Nullable()
            .WithColumn("From").AsDate().NotNullable()
            .WithColumn("Until").AsDate().Nullable();
        Create.Index("IX_LiaisonPairs_TenantId_PartyPersonId").OnTable("LiaisonPairs").OnColumn("TenantId").Ascending().OnColumn("PartyPersonId").Ascending();

        Create.Table("LiaisonContacts")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("PairId").AsInt64().NotNullable().ForeignKey("LiaisonPairs", "Id")
            .WithColumn("On").AsDate().NotNullable()
            .WithColumn("Way").AsString(10).NotNullable()
            .WithColumn("Content").AsString(2000).NotNullable()
            .WithColumn("RecordedBy").AsString(100).NotNullable();
        Create.Index("IX_LiaisonContacts_PairId_On").OnTable("LiaisonContacts").OnColumn("PairId").Ascending().OnColumn("On").Ascending();
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
