using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Organisation tree, people, scoped roles, identity, audit log. Runs on SQLite and PostgreSQL.</summary>
[Migration(2026112201, "Foundation")]
public sealed class M0001_Foundation : Migration
{
    // FluentMigrator matches processor ids exactly; the PostgreSQL processor answers to "PostgreSQL" (and versioned ids).
    internal static readonly string[] PostgresIds = ["Postgres", "PostgreSQL", "PostgreSQL15_0", "PostgreSQL11_0", "PostgreSQL10_0", "PostgreSQL92"];
    internal static readonly string[] SqliteIds = ["SQLite", "Sqlite"];

    public override void Up()
    {
        Create.Table("Organizations")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("ParentId").AsInt64().Nullable().ForeignKey("Organizations", "Id")
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("Type").AsString(40).NotNullable()
            .WithColumn("Path").AsString(400).NotNullable()
            .WithColumn("Depth").AsInt32().NotNullable()
            .WithColumn("SortOrder").AsInt32().NotNullable()
            .WithColumn("StartDate").AsDate().Nullable()
            .WithColumn("EndDate").AsDate().Nullable()
            .WithColumn("TermStart").AsDate().Nullable()
            .WithColumn("ClosedAt").AsCustom("timestamptz").Nullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable();
        Create.Index("IX_Organizations_Path").OnTable("Organizations").OnColumn("Path");
        Create.Index("IX_Organizations_TenantId_ParentId").OnTable("Organizations")
            .OnColumn("TenantId").Ascending().OnColumn("ParentId").Ascending();
        // Subtree queries are "Path LIKE '/1/4/%'": PostgreSQL needs pattern ops to use an index for that.
        IfDatabase(PostgresIds).Execute.Sql(
            "CREATE INDEX \"IX_Organizations_Path_Pattern\" ON \"Organizations\" (\"Path\" text_pattern_ops)");

        Create.Table("People")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("Name").AsString(50).NotNullable()
            .WithColumn("NameInitials").AsString(50).NotNullable()
            .WithColumn("Gender").AsString(10).NotNullable()
            .WithColumn("IdNumber").AsString(18).Nullable()
            .WithColumn("BirthDate").AsDate().Nullable()
            .WithColumn("Phone").AsString(20).Nullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("PartyGroupId").AsInt64().Nullable().ForeignKey("Organizations", "Id")
            .WithColumn("PartyStatus").AsString(20).NotNullable()
            .WithColumn("JoinedDate").AsDate().Nullable()
            .WithColumn("FullDate").AsDate().Nullable()
            .WithColumn("IsRetired").AsBoolean().NotNullable()
            .WithColumn("IsCppccMember").AsBoolean().NotNullable()
            .WithColumn("Sector").AsString(50).Nullable()
            .WithColumn("SpecialCommittee").AsString(50).Nullable()
            .WithColumn("IsStandingCommittee").AsBoolean().NotNullable()
            .WithColumn("Affiliation").AsString(20).Nullable()
            .WithColumn("IsStaff").AsBoolean().NotNullable()
            .WithColumn("StaffPost").AsString(50).Nullable()
            .WithColumn("IsYoungCadre").AsBoolean().NotNullable()
            .WithColumn("CreatedAt").AsCustom("timestamptz").NotNullable();
        Create.Index("IX_People_TenantId_IdNumber").OnTable("People")
            .OnColumn("TenantId").Ascending().OnColumn("IdNumber").Ascending();
        Create.Index("IX_People_OrgId").OnTable("People").OnColumn("OrgId");
        Create.Index("IX_People_NameInitials").OnTable("People").OnColumn("NameInitials");

        Create.Table("DualLives")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id");
        Create.Index("IX_DualLives_PersonId_OrgId").OnTable("DualLives")
            .OnColumn("PersonId").Ascending().OnColumn("OrgId").Ascending().WithOptions().Unique();
        Create.Index("IX_DualLives_OrgId").OnTable("DualLives").OnColumn("OrgId");

        Create.Table("CommitteeMembers")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("TenantId").AsInt64().NotNullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("PersonId").AsInt64().NotNullable().ForeignKey("People", "Id")
            .WithColumn("Post").AsString(40).NotNullable();
        Create.Index("IX_CommitteeMembers_OrgId_PersonId").OnTable("CommitteeMembers")
            .OnColumn("OrgId").Ascending().OnColumn("PersonId").Ascending().WithOptions().Unique();

        CreateIdentity();

        Create.Table("RoleAssignments")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("AspNetUsers", "Id")
            .WithColumn("Role").AsString(40).NotNullable()
            .WithColumn("OrgId").AsInt64().NotNullable().ForeignKey("Organizations", "Id")
            .WithColumn("TenantId").AsInt64().NotNullable();
        Create.Index("IX_RoleAssignments_UserId").OnTable("RoleAssignments").OnColumn("UserId");

        Create.Table("AuditEntries")
            .WithColumn("Id").AsInt64().PrimaryKey()
            .WithColumn("TenantId").AsInt64().Nullable()
            .WithColumn("At").AsCustom("timestamptz").NotNullable()
            .WithColumn("UserName").AsString(100).NotNullable()
            .WithColumn("Action").AsString(20).NotNullable()
            .WithColumn("EntityType").AsString(60).NotNullable()
            .WithColumn("EntityId").AsString(60).NotNullable()
            .WithColumn("Before").AsString(int.MaxValue).Nullable()
            .WithColumn("After").AsString(int.MaxValue).Nullable()
            .WithColumn("PrevHash").AsString(64).NotNullable()
            .WithColumn("Hash").AsString(64).NotNullable();
        Create.Index("IX_AuditEntries_EntityType_EntityId").OnTable("AuditEntries")
            .OnColumn("EntityType").Ascending().OnColumn("EntityId").Ascending();
        IfDatabase(SqliteIds).Execute.Sql("""
            CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
            CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
            """);
        IfDatabase(PostgresIds).Execute.Sql("""
            CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;
            CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_append_only();
            """);

        Create.Table("DataProtectionKeys")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("FriendlyName").AsString(int.MaxValue).Nullable()
            .WithColumn("Xml").AsString(int.MaxValue).Nullable();
    }

    void CreateIdentity()
    {
        Create.Table("AspNetUsers")
            .WithColumn("Id").AsString(450).PrimaryKey()
            .WithColumn("UserName").AsString(256).Nullable()
            .WithColumn("NormalizedUserName").AsString(256).Nullable()
            .WithColumn("Email").AsString(256).Nullable()
            .WithColumn("NormalizedEmail").AsString(256).Nullable()
            .WithColumn("EmailConfirmed").AsBoolean().NotNullable()
            .WithColumn("PasswordHash").AsString(int.MaxValue).Nullable()
            .WithColumn("SecurityStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumber").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumberConfirmed").AsBoolean().NotNullable()
            .WithColumn("TwoFactorEnabled").AsBoolean().NotNullable()
            .WithColumn("LockoutEnd").AsCustom("timestamptz").Nullable()
            .WithColumn("LockoutEnabled").AsBoolean().NotNullable()
            .WithColumn("AccessFailedCount").AsInt32().NotNullable()
            .WithColumn("DisplayName").AsString(50).NotNullable()
            .WithColumn("TenantId").AsInt64().Nullable()
            .WithColumn("PersonId").AsInt64().Nullable().ForeignKey("People", "Id");
        Create.Index("UserNameIndex").OnTable("AspNetUsers").OnColumn("NormalizedUserName").Unique();
        Create.Index("EmailIndex").OnTable("AspNetUsers").OnColumn("NormalizedEmail");

        Create.Table("AspNetUserClaims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("AspNetUsers", "Id")
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();
        Create.Index("IX_AspNetUserClaims_UserId").OnTable("AspNetUserClaims").OnColumn("UserId");

        Create.Table("AspNetUserLogins")
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("ProviderKey").AsString(128).PrimaryKey()
            .WithColumn("ProviderDisplayName").AsString(int.MaxValue).Nullable()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("AspNetUsers", "Id");
        Create.Index("IX_AspNetUserLogins_UserId").OnTable("AspNetUserLogins").OnColumn("UserId");

        Create.Table("AspNetUserTokens")
            .WithColumn("UserId").AsString(450).PrimaryKey().ForeignKey("AspNetUsers", "Id")
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("Name").AsString(128).PrimaryKey()
            .WithColumn("Value").AsString(int.MaxValue).Nullable();
    }

    // timestamptz: a real instant type on PostgreSQL; SQLite accepts any type name and stores ISO text.
    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
