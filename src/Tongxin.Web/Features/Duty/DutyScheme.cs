using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Duty;

public enum DutyGrade { Excellent, Competent, NotCompetent }

/// <summary>What a 履职 scheme can score: each is counted for a member and year from the records.</summary>
public enum DutyFact
{
    PlenaryAbsent, PlenaryExcused, StandingAbsent, StandingExcused,
    RegisteredProposal, KeyProposal, ExcellentProposal,
    OpinionSubmitted, OpinionAdopted, OpinionInstructed,
    Consultation, Survey, SectorActivity, Training, PublicGood, LiaisonContact,
}

/// <summary>
/// A unit's yearly 履职 scoring scheme: a base, items that add or deduct points per counted fact (each with an optional
/// number not counted and an optional cap), a ceiling on all bonuses together, and the grade lines. A year without its
/// own scheme uses <see cref="Default"/>, the example of domain.md §6.
/// </summary>
public class DutyScheme
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    public int Base { get; set; } = 70;
    public int MaxBonus { get; set; } = 50;
    public int ExcellentAt { get; set; } = 85;
    public int CompetentAt { get; set; } = 60;
    public List<DutySchemeItem> Items { get; set; } = [];

    /// <summary>Bonuses first, then deductions, each in the order of <see cref="DutyFact"/>: how a score and the form list them.</summary>
    public IEnumerable<DutySchemeItem> InOrder() => Items.OrderBy(i => i.Points < 0).ThenBy(i => i.Fact);

    /// <summary>domain.md: 70 base, up to 50 bonus; plenary absence −30 unexcused, −10 excused; each registered proposal
    /// beyond the first +5, key +5, excellent +10; public-good activity +2, 10 at most; ≥85 优秀, 60–84 称职.</summary>
    public static DutyScheme Default(long tenantId, int year) => new()
    {
        TenantId = tenantId, Year = year,
        Items =
        [
            new() { Fact = DutyFact.RegisteredProposal, Points = 5, FreeCount = 1 },
            new() { Fact = DutyFact.KeyProposal, Points = 5 },
            new() { Fact = DutyFact.ExcellentProposal, Points = 10 },
            new() { Fact = DutyFact.PublicGood, Points = 2, Cap = 10 },
            new() { Fact = DutyFact.PlenaryAbsent, Points = -30 },
            new() { Fact = DutyFact.PlenaryExcused, Points = -10 },
        ],
    };

    public static async Task<DutyScheme> LoadAsync(AppDbContext db, long tenantId, int year, CancellationToken ct = default) =>
        await db.DutySchemes.AsNoTracking().Include(s => s.Items).FirstOrDefaultAsync(s => s.TenantId == tenantId && s.Year == year, ct)
        ?? Default(tenantId, year);
}

/// <summary>One line of a scheme: <see cref="Points"/> for each counted fact beyond the first <see cref="FreeCount"/>,
/// positive for a bonus and negative for a deduction, at most <see cref="Cap"/> points either way.</summary>
public class DutySchemeItem
{
    public long Id { get; set; }
    public long SchemeId { get; set; }
    public DutyFact Fact { get; set; }
    public int Points { get; set; }
    public int FreeCount { get; set; }
    public int? Cap { get; set; }
}

public class DutySchemeConfiguration : IEntityTypeConfiguration<DutyScheme>, IEntityTypeConfiguration<DutySchemeItem>
{
    public void Configure(EntityTypeBuilder<DutyScheme> b)
    {
        b.ToTable("DutySchemes");
        b.HasIndex(s => new { s.TenantId, s.Year }).IsUnique();
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DutySchemeItem> b)
    {
        b.ToTable("DutySchemeItems");
        b.Property(i => i.Fact).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(i => new { i.SchemeId, i.Fact }).IsUnique();
    }
}

/// <summary>One line of a score: the item, how many records there are, its points (the first <paramref name="FreeCount"/> not counted, at most <paramref name="Cap"/>).</summary>
public sealed record ScoreLine(string Item, int Count, int Points, int FreeCount = 0, int? Cap = null);

/// <summary>Pure: the score and grade of a member's year under a scheme, line by line.</summary>
public static class DutyScore
{
    public static (int Total, DutyGrade Grade, IReadOnlyList<ScoreLine> Lines) Compute(DutyScheme s, IReadOnlyDictionary<DutyFact, int> facts)
    {
        var lines = s.InOrder().Select(i =>
        {
            var count = facts.GetValueOrDefault(i.Fact);
            var points = Math.Max(0, count - i.FreeCount) * i.Points;
            if (i.Cap is { } cap) points = Math.Clamp(points, -cap, cap);
            return (Item: i, Line: new ScoreLine(i.Fact.Name(), count, points, i.FreeCount, i.Cap));
        }).ToList();
        var bonus = Math.Min(lines.Where(l => l.Item.Points > 0).Sum(l => l.Line.Points), s.MaxBonus);
        var total = s.Base + bonus + lines.Where(l => l.Item.Points < 0).Sum(l => l.Line.Points);
        var grade = total >= s.ExcellentAt ? DutyGrade.Excellent : total >= s.CompetentAt ? DutyGrade.Competent : DutyGrade.NotCompetent;
        return (total, grade, [new("基础分", 1, s.Base), .. lines.Select(l => l.Line)]);
    }

    public static string Name(this DutyGrade g) => g switch { DutyGrade.Excellent => "优秀", DutyGrade.Competent => "称职", _ => "不称职" };

    public static string Name(this DutyFact f) => f switch
    {
        DutyFact.PlenaryAbsent => "无故缺席全体会议", DutyFact.PlenaryExcused => "请假缺席全体会议",
        DutyFact.StandingAbsent => "无故缺席常委会议", DutyFact.StandingExcused => "请假缺席常委会议",
        DutyFact.RegisteredProposal => "立案提案", DutyFact.KeyProposal => "重点提案", DutyFact.ExcellentProposal => "优秀提案",
        DutyFact.OpinionSubmitted => "报送社情民意", DutyFact.OpinionAdopted => "社情民意被采用", DutyFact.OpinionInstructed => "社情民意获领导批示",
        DutyFact.Consultation => "参加协商议政", DutyFact.Survey => "参加调研视察", DutyFact.SectorActivity => "参加界别活动",
        DutyFact.Training => "参加委员培训", DutyFact.PublicGood => "参加公益和民生实事", _ => "联系委员记录",
    };
}
