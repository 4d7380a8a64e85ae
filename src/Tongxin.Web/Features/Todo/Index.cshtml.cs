using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.Todo;

/// <summary>我的待办: everything waiting on the user, each a link to where it is done, and their next 14 days.</summary>
public class IndexModel(GetTodo.Handler todo) : AppPage
{
    public GetTodo.View View { get; private set; } = null!;

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Scope.IsAuditorOnly) return Forbid();
        View = await todo.Handle(Scope, User.Identity!.Name!, ct);
        return Page();
    }
}
