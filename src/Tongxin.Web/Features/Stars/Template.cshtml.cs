using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Stars;

/// <summary>评分细则: the year's checklist items and star thresholds, kept by the organ party committee.</summary>
public class TemplateModel(AppDbContext db, EditStarTemplate.Handler edit) : AppPage
{
    public sealed class ItemForm
    {
        public string? Code { get; set; }
        public string? Group { get; set; }
        public string? Name { get; set; }
        public double? MaxScore { get; set; }
        public StarSource Source { get; set; }
        public int? Target { get; set; }
        public bool IsInnovation { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty] public double FiveAt { get; set; }
    [BindProperty] public double FourAt { get; set; }
    [BindProperty] public double ThreeAt { get; set; }
    [BindProperty] public double TwoAt { get; set; }
    [BindProperty] public int BottomBandBranches { get; set; }
    [BindProperty] public List<ItemForm> Items { get; set; } = [];

    public int Year { get; private set; }
    public StarChecklist Checklist { get; private set; } = null!;
    public bool Fixed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        if (await LoadAsync(year, ct) is { } denied) return denied;
        (FiveAt, FourAt, ThreeAt, TwoAt, BottomBandBranches) = (Checklist.FiveAt, Checklist.FourAt, Checklist.ThreeAt, Checklist.TwoAt, Checklist.BottomBandBranches);
        Items = Checklist.Items.Select(i => new ItemForm
        {
            Code = i.Code, Group = i.Group, Name = i.Name, MaxScore = i.MaxScore, Source = i.Source, Target = i.Target, IsInnovation = i.IsInnovation,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, ct) is { } denied) return denied;
        var input = new EditStarTemplate.Input(FiveAt, FourAt, ThreeAt, TwoAt,
            Items.Select(i => new EditStarTemplate.ItemInput(i.Code, i.Group, i.Name, i.MaxScore, i.Source, i.Target, i.IsInnovation, i.Remove)).ToList(),
            BottomBandBranches);
        var result = await edit.Handle(Tenant, year, input, Scope, ct);
        return await AfterActionAsync(result.Error, "评分细则已保存", new { year }, async () => { await LoadAsync(year, ct); return Page(); });
    }

    long Tenant => Scope.TenantWith(Permissions.Stars.Review)!.Value;

    async Task<IActionResult?> LoadAsync(int? year, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Stars.Review)) return Forbid();
        Year = year ?? StarYear.Default(Clock.Today);
        Checklist = await StarChecklist.LoadAsync(db, Tenant, Year, ct);
        Fixed = await edit.FixedAsync(Tenant, Year, ct);
        return null;
    }
}
