using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>
/// One account per person, held by the database: a batch opened twice at once makes one set of accounts. NULLs (accounts
/// without a person) stay allowed, as both databases treat them as distinct.
/// </summary>
[Migration(2026120211, "OneAccountPerPerson")]
public sealed class M0028_OneAccountPerPerson : Migration
{
    public override void Up() =>
        Create.Index("IX_AspNetUsers_PersonId").OnTable("AspNetUsers").OnColumn("PersonId").Unique();

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
