using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Duty;

public enum DutyGrade { Excellent, Competent, NotCompetent }

/// <summary>
/// A unit's yearly 履职 scoring scheme: a base, bonuses with a ceiling, deductions, and the grade lines. The default is
/// the example of domain.md §6 (70 base, up to 50 bonus; plenary absence −30 unexcused, −10 excused; each registered
/// proposal beyond the first +5, key +5, excellent +10; public-good activity +2, 10 at most; ≥85 优秀, 60–84 称职).
/// </summary>
public class DutyScheme
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    public int Base { get; set; } = 70;
    public int MaxBonus { get; set; } = 50;
    public int PlenaryAbsent { get; set; } = -30;
    public int PlenaryExcused { get; set; } = -10;
    public int ExtraProposal { get; set; } = 5;
    public int KeyProposal { get; set; } = 5;
    public int ExcellentProposal { get; set; } = 10;
    public int PublicGood { get; set; } = 2;
    public int PublicGoodCap { get; set; } = 10;
    public int ExcellentAt { get; set; } = 85;
    public int CompetentAt { get; set; } = 60;

    public static async Task<DutyScheme> LoadAsync(AppDbContext db, long tenantId, int year, CancellationToken ct = default) =>
        await db.DutySchemes.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct)
        ?? new DutyScheme { TenantId = tenantId, Year = year };
}

public class DutySchemeConfiguration : IEntityTypeConfiguration<DutyScheme>
{
    public void Configure(EntityTypeBuilder<DutyScheme> b)
    {
        b.ToTable("DutySchemes");
        b.HasIndex(s => new { s.TenantId, s.Year }).IsUnique();
    }
}

/// <summary>The year's facts a score is made of, counted from the records.</summary>
public sealed record DutyFacts(int PlenaryAbsent, int PlenaryExcused, int RegisteredProposals, int KeyProposals, int ExcellentProposals, int PublicGood);

public sealed record ScoreLine(string Item, int Count, int Points);

/// <summary>Pure: the score and grade of a member's year under a scheme, line by line.</summary>
public static class DutyScore
{
    public static (int Total, DutyGrade Grade, IReadOnlyList<ScoreLine> Lines) Compute(DutyScheme s, DutyFacts f)
    {
        var extra = Math.Max(0, f.RegisteredProposals - 1);
        var publicGood = Math.Min(f.PublicGood * s.PublicGood, s.PublicGoodCap);
        List<ScoreLine> bonuses =
        [
            new("立案提案（第一件以外）", extra, extra * s.ExtraProposal),
            new("重点提案", f.KeyProposals, f.KeyProposals * s.KeyProposal),
            new("优秀提案", f.ExcellentProposals, f.ExcellentProposals * s.ExcellentProposal),
            new("参加公益和民生实事", f.PublicGood, publicGood),
        ];
        List<ScoreLine> deductions =
        [
            new("无故缺席全体会议", f.PlenaryAbsent, f.PlenaryAbsent * s.PlenaryAbsent),
            new("请假缺席全体会议", f.PlenaryExcused, f.PlenaryExcused * s.PlenaryExcused),
        ];
        var bonus = Math.Min(bonuses.Sum(l => l.Points), s.MaxBonus);
        var total = s.Base + bonus + deductions.Sum(l => l.Points);
        var grade = total >= s.ExcellentAt ? DutyGrade.Excellent : total >= s.CompetentAt ? DutyGrade.Competent : DutyGrade.NotCompetent;
        return (total, grade, [new("基础分", 1, s.Base), .. bonuses, .. deductions]);
    }

    public static string Name(this DutyGrade g) => g switch { DutyGrade.Excellent => "优秀", DutyGrade.Competent => "称职", _ => "不称职" };
}
