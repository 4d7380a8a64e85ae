using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Web.Features.Opinions;

public static class OpinionAccess
{
    public static bool IsOffice(Scope scope, long tenantId, string permission = Permissions.Opinions.Manage) =>
        scope.HoldsIn(tenantId, permission);

    public static bool CanSee(Scope scope, OpinionReport o) =>
        o.AuthorPersonId == scope.PersonId || IsOffice(scope, o.TenantId, Permissions.Opinions.View);

    public static string Name(this OpinionStatus s) => s switch
    {
        OpinionStatus.Draft => "草稿", OpinionStatus.Submitted => "已报送", OpinionStatus.Adopted => "已采用", _ => "未采用",
    };

    public static string Name(this ForwardLevel l) => l switch
    {
        ForwardLevel.City => "报送市委、市政府", ForwardLevel.Province => "报送省政协", _ => "报送全国政协",
    };
}
