using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Duty;

/// <summary>The office keeps the year's 履职 scoring scheme: base, bonus ceiling, grade lines and the scored items.</summary>
public static class SetDutyScheme
{
    /// <summary>An item row of the form; a row without a fact is left out (the blank rows for adding, or a removed item).</summary>
    public sealed class Item
    {
        public DutyFact? Fact { get; set; }
        public int Points { get; set; }
        public int FreeCount { get; set; }
        public int? Cap { get; set; }
    }

    public sealed class Command
    {
        public int Base { get; set; } = 70;
        public int MaxBonus { get; set; } = 50;
        public int ExcellentAt { get; set; } = 85;
        public int CompetentAt { get; set; } = 60;
        public List<Item> Items { get; set; } = [];

        public static Command From(DutyScheme s) => new()
        {
            Base = s.Base, MaxBonus = s.MaxBonus, ExcellentAt = s.ExcellentAt, CompetentAt = s.CompetentAt,
            Items = s.InOrder().Select(i => new Item { Fact = i.Fact, Points = i.Points, FreeCount = i.FreeCount, Cap = i.Cap }).ToList(),
        };
    }

    public static Error? Validate(Command c)
    {
        if (c.Base is < 0 or > 200 || c.MaxBonus is < 0 or > 200) return Error.Validation("基础分和加分上限应在 0 到 200 之间", "Base");
        if (c.ExcellentAt <= c.CompetentAt) return Error.Validation("优秀分数线应高于称职分数线", "ExcellentAt");
        var used = c.Items.Where(i => i.Fact is not null).ToList();
        if (used.Count == 0) return Error.Validation("至少设置一个计分项目", "Items");
        foreach (var i in used)
        {
            var name = i.Fact!.Value.Name();
            if (i.Points is 0 or < -100 or > 100) return Error.Invalid($"“{name}”的每次分值应在 -100 到 100 之间且不为 0（负数为扣分）", "Items");
            if (i.FreeCount is < 0 or > 20) return Error.Invalid($"“{name}”的不计次数应在 0 到 20 之间", "Items");
            if (i.Cap is < 1 or > 200) return Error.Invalid($"“{name}”的上限应在 1 到 200 之间，不设上限请留空", "Items");
        }
        if (used.GroupBy(i => i.Fact).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Error.Invalid($"“{twice.Key!.Value.Name()}”只能设置一次", "Items");
        return null;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<bool>> Handle(long tenantId, int year, Command input, Scope scope, CancellationToken ct = default)
        {
            if (!scope.HoldsIn(tenantId, Permissions.Proposals.Review)) return Error.Forbidden();
            if (Validate(input) is { } invalid) return invalid;
            var row = await db.DutySchemes.Include(s => s.Items).FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct);
            if (row is null) db.DutySchemes.Add(row = new DutyScheme { TenantId = tenantId, Year = year });
            (row.Base, row.MaxBonus, row.ExcellentAt, row.CompetentAt) = (input.Base, input.MaxBonus, input.ExcellentAt, input.CompetentAt);
            var wanted = input.Items.Where(i => i.Fact is not null).ToDictionary(i => i.Fact!.Value);
            row.Items.RemoveAll(i => !wanted.ContainsKey(i.Fact));
            foreach (var (fact, item) in wanted)
            {
                var existing = row.Items.FirstOrDefault(i => i.Fact == fact);
                if (existing is null) row.Items.Add(existing = new DutySchemeItem { Fact = fact });
                (existing.Points, existing.FreeCount, existing.Cap) = (item.Points, item.FreeCount, item.Cap);
            }
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
