using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Excel;
using Tongxin.Web.Shared;
using C = Tongxin.Web.Features.People.RosterColumns;

namespace Tongxin.Bench;

/// <summary>
/// The roster check (every row validated, duplicates within the file and against the database) against just reading
/// the same file, at 25,000, 50,000 and 100,000 rows: the ratio stays flat when the check is linear. Memory is the
/// managed heap held while the checked rows are alive, per row. One row in ten has an error (a bare year), one in
/// ten has no ID number (so it is compared with the people of the same name already registered).
/// </summary>
public static class ImportBench
{
    public static async Task<IEnumerable<string>> RunAsync(AppDbContext ctx)
    {
        var lines = new List<string> { "", "| roster rows | file MiB | read only s | read + check s | check/read | heap held MiB | bytes per row |", "|---|---|---|---|---|---|---|" };
        var city = await ctx.Organizations.Where(o => o.Type == OrgType.CityCppcc).OrderBy(o => o.Id).FirstAsync();
        var branches = await ctx.Organizations.Where(o => o.Path.StartsWith(city.Path) && o.Type == OrgType.OrganBranch && o.ClosedAt == null)
            .Select(o => o.Name).Distinct().ToListAsync();
        var unique = await ctx.Organizations.Where(o => o.Path.StartsWith(city.Path) && o.ClosedAt == null)
            .GroupBy(o => o.Name).Where(g => g.Count() == 1).Select(g => g.Key).ToListAsync();
        branches = branches.Intersect(unique).ToList();
        var scope = new Scope("bench", null, [new Grant(Roles.PartyAdmin, city.Id, city.Path, city.TenantId)]);
        foreach (var n in new[] { 25_000, 50_000, 100_000 })
        {
            var path = await WriteRosterAsync(n, branches);
            try
            {
                var mib = new FileInfo(path).Length / 1048576.0;
                var read = Median(3, () => { using var f = File.OpenRead(path); _ = SheetReader.Read(f, out _)!.Rows.Count; });
                var check = Median(3, () => { using var f = File.OpenRead(path); _ = new ImportRoster.Handler(ctx).CheckAsync(f, scope).GetAwaiter().GetResult(); });
                var baseline = GC.GetTotalMemory(true);
                ImportRoster.Checked kept;
                using (var f = File.OpenRead(path)) kept = await new ImportRoster.Handler(ctx).CheckAsync(f, scope);
                var held = GC.GetTotalMemory(true) - baseline;
                if (kept.Rows.Count != n || kept.Errors.Count != n / 10) throw new InvalidOperationException($"check found {kept.Errors.Count} errors, first: {kept.Errors.FirstOrDefault()}");
                GC.KeepAlive(kept);
                lines.Add($"| {n:N0} | {mib:F1} | {read:F2} | {check:F2} | {check / read:F2} | {held / 1048576.0:F0} | {held / n:N0} |");
            }
            finally { File.Delete(path); }
        }
        return lines;
    }

    static double Median(int runs, Action work) =>
        Enumerable.Range(0, runs).Select(_ => { var sw = Stopwatch.StartNew(); work(); return sw.Elapsed.TotalSeconds; }).Order().ElementAt(runs / 2);

    // Valid, distinct ID numbers (not in the generated dataset: birth years 1950–1999 under a region code it never uses).
    static Task<string> WriteRosterAsync(int n, List<string> branches)
    {
        string[] headers = [C.Name, C.Gender, C.IdNumber, C.Org, C.PartyStatus, C.JoinedDate, C.Phone];
        var rows = Enumerable.Range(0, n).Select(i =>
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(i % 18000);
            var id = i % 10 == 5 ? null : IdNumber.WithCheckDigit($"6599{i / 18000 % 100:00}{birth:yyyyMMdd}{i % 1000:000}"[..17]);
            var joined = i % 10 == 0 ? "2019" : birth.AddYears(25).ToString("yyyy-MM-dd"); // a bare year: one error in ten rows
            return (IReadOnlyList<string?>)[$"测试{i}", i % 2 == 0 ? "男" : "女", id, branches[i % branches.Count], "正式党员", joined, $"139{i:00000000}"];
        });
        return XlsxWriter.WriteAsync("花名册", headers, rows);
    }
}
