using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Infrastructure.Seeding;

/// <summary>Deterministic, realistic Chinese people for the demo and the benchmark generator.</summary>
public sealed class DemoData(int seed = 20261122)
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];
    public static readonly string[] GivenNames =
    [
        "建国", "海燕", "志强", "秀英", "丽华", "文军", "晓东", "春梅", "国栋", "明辉", "雪梅", "立新", "红霞", "振华", "淑珍",
        "伟", "敏", "静", "磊", "洋", "婷", "军", "杰", "娟", "涛", "强", "艳", "勇", "芳", "鹏", "斌", "超", "慧", "宁", "欣怡",
        "子涵", "思远", "浩然", "雨桐", "梓萱", "俊杰", "嘉怡", "晨阳", "佳琪", "文博", "一鸣", "诗涵", "宇航", "若曦", "明远",
    ];
    /// <summary>Given names read as a man's or a woman's; the others (洋, 宁, 子涵…) go with either.</summary>
    static readonly HashSet<string> MaleNames =
        ["建国", "志强", "文军", "晓东", "国栋", "明辉", "立新", "振华", "伟", "磊", "军", "杰", "涛", "强", "勇", "鹏", "斌", "超",
         "思远", "浩然", "俊杰", "晨阳", "文博", "一鸣", "宇航", "明远"];
    static readonly HashSet<string> FemaleNames =
        ["海燕", "秀英", "丽华", "春梅", "雪梅", "红霞", "淑珍", "敏", "静", "婷", "娟", "艳", "芳", "慧", "欣怡", "雨桐", "梓萱",
         "嘉怡", "佳琪", "诗涵", "若曦"];

    /// <summary>The gender a given name reads as, or the drawn one when the name goes with either.</summary>
    public static Gender GenderFor(string name, Gender drawn)
    {
        var given = Surnames.Contains(name[..1]) ? name[1..] : name;
        return MaleNames.Contains(given) ? Gender.Male : FemaleNames.Contains(given) ? Gender.Female : drawn;
    }

    static readonly string[] AreaCodes = ["330102", "330105", "330106", "330108", "330110", "330182"];

    readonly Random random = new(seed);
    readonly HashSet<string> names = [];
    readonly HashSet<string> ids = [];

    public string NextName()
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            if (names.Add(name) || attempt > 20) return name;
        }
    }

    public string NextIdNumber(DateOnly birth, Gender gender)
    {
        while (true)
        {
            var seq = random.Next(0, 500) * 2 + (gender == Gender.Male ? 1 : 0);
            var first17 = $"{AreaCodes[random.Next(AreaCodes.Length)]}{birth:yyyyMMdd}{seq:000}";
            var id = IdNumber.WithCheckDigit(first17);
            if (ids.Add(id)) return id;
        }
    }

    public DateOnly NextDate(int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(random.Next(0, (toYear - fromYear + 1) * 365));

    public Person NewPerson(Organization org, PartyStatus status, int birthFrom, int birthTo)
    {
        // The draws stay in this order (gender, birth, name) so that every demo person keeps their name.
        var drawn = random.Next(2) == 0 ? Gender.Male : Gender.Female;
        var birth = NextDate(birthFrom, birthTo);
        var name = NextName();
        var gender = GenderFor(name, drawn);
        DateOnly? joined = status == PartyStatus.None ? null
            : status == PartyStatus.Probationary ? new DateOnly(2026, 1, 1).AddDays(random.Next(0, 300))
            : birth.AddYears(22 + random.Next(0, 12));
        var today = new DateOnly(2026, 11, 22);
        if (joined > today) joined = today.AddDays(-random.Next(400, 2000));
        return new Person
        {
            TenantId = org.TenantId, OrgId = org.Id, Name = name, NameInitials = Pinyin.Initials(name), Gender = gender,
            BirthDate = birth, IdNumber = NextIdNumber(birth, gender),
            Phone = $"13{random.Next(0, 10)}{random.Next(10000000, 99999999)}",
            PartyStatus = status, JoinedDate = joined, FullDate = status == PartyStatus.Full ? joined?.AddYears(1) : null,
            Affiliation = status == PartyStatus.None ? null : PartyAffiliations.Cpc, CreatedAt = DateTime.UtcNow,
        };
    }
}
