using FluentMigrator;

namespace Tongxin.Web.Infrastructure.Migrations;

/// <summary>Sign-in hardening: failed attempts counted per client address (and per account from that address); one-time passwords.</summary>
[Migration(2026120203, "Sign-in throttle and one-time passwords")]
public sealed class M0020_SignInHardening : Migration
{
    public override void Up()
    {
        Create.Table("SignInThrottles")
            .WithColumn("Key").AsString(300).PrimaryKey()
            .WithColumn("Failures").AsInt32().NotNullable()
            .WithColumn("WindowStart").AsCustom("timestamptz").NotNullable();
        Alter.Table("AspNetUsers").AddColumn("MustChangePassword").AsBoolean().NotNullable().WithDefaultValue(false);
    }

    public override void Down() => throw new NotSupportedException("Restore from backup instead.");
}
