using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

public class DetailsModel(GetPerson.Handler get, GetMyTodo.Handler todo) : AppPage
{
    public GetPerson.View View { get; private set; } = null!;
    /// <summary>On the person's own page: what waits for them (co-signing, a vote, in Q3 their 五个一).</summary>
    public IReadOnlyList<GetMyTodo.Item> Todo { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        View = view;
        if (Scope.IsSelf(view.Person.Id)) Todo = await todo.Handle(view.Person.Id, Clock.Today, ct);
        return Page();
    }
}
