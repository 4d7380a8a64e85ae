using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.People;

public class DetailsModel(GetPerson.Handler get, Todo.GetTodo.Handler todo) : AppPage
{
    public GetPerson.View View { get; private set; } = null!;
    /// <summary>On the person's own page: what waits on them themself (co-signing, rating an answer, a vote, in Q3 their 五个一).</summary>
    public IReadOnlyList<(Todo.GetTodo.Kind Kind, int Count, string Url)> Todo { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var view = await get.Handle(id, Scope, ct);
        if (view is null) return NotFound();
        View = view;
        if (Scope.IsSelf(view.Person.Id))
        {
            var mine = await todo.Handle(Scope, User.Identity!.Name!, ct);
            Todo = mine.Summary(Tongxin.Web.Features.Todo.GetTodo.Personal);
        }
        return Page();
    }
}
