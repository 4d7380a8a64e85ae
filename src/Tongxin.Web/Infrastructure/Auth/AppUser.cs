using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Infrastructure.Auth;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public long? TenantId { get; set; }
    /// <summary>The person this account belongs to, for "own records" access.</summary>
    public long? PersonId { get; set; }
    /// <summary>Set by a password reset: the one-time password must be replaced at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>A role held within an organisation subtree.</summary>
public class RoleAssignment
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public long OrgId { get; set; }
    public long TenantId { get; set; }
}

public class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.ToTable("RoleAssignments");
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Role).HasMaxLength(40);
        b.HasIndex(r => r.UserId);
    }
}
