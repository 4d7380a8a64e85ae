using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Web.Shared;

/// <summary>
/// The one conflict-of-interest rule: nobody decides a record of which they are the subject — approving their own
/// points, granting their own leave, grading themselves, reviewing their own branch's self-assessment, registering
/// their own proposal or adopting their own 社情民意. Someone else holding the permission does it.
/// </summary>
public static class ConflictOfInterest
{
    public const string Message = "不能审核或决定与本人有关的事项，请由其他有权限的人员办理";

    /// <summary>Refuses when the user's own person record is among the record's subjects.</summary>
    public static Error? Check(Scope scope, params long?[] subjects) =>
        scope.PersonId is { } me && subjects.Contains(me) ? Error.Forbidden(Message) : null;

    /// <summary>Refuses when the user's own membership is in the organisation the record belongs to (a branch's rating).</summary>
    public static Error? CheckOrg(Scope scope, string orgPath) =>
        scope.SelfOrgPath is { } own && own == orgPath ? Error.Forbidden(Message) : null;
}
