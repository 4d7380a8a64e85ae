using System.Text;

namespace Tongxin.Web.Shared;

/// <summary>
/// Pinyin initials of Chinese names. GB2312 level-1 characters are ordered by pinyin, so the
/// initial follows from the code range; a small table covers common name characters beyond it.
/// </summary>
public static class Pinyin
{
    static readonly Encoding Gb2312;
    static readonly (int Start, char Letter)[] Ranges =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'),
        (0xB8C1, 'g'), (0xB9FE, 'h'), (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'),
        (0xC4C3, 'n'), (0xC5B6, 'o'), (0xC5BE, 'p'), (0xC6DA, 'q'), (0xC8BB, 'r'), (0xC8F6, 's'),
        (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'), (0xD1B9, 'y'), (0xD4D1, 'z'), (0xD7FA, '\0'),
    ];

    // Level-2 and rarer characters often seen in names.
    static readonly Dictionary<char, char> Extra = new()
    {
        ['琪'] = 'q', ['璐'] = 'l', ['昊'] = 'h', ['煜'] = 'y', ['晗'] = 'h', ['玥'] = 'y', ['瑶'] = 'y',
        ['钰'] = 'y', ['琳'] = 'l', ['璇'] = 'x', ['珂'] = 'k', ['菁'] = 'j', ['岚'] = 'l', ['懿'] = 'y',
        ['晟'] = 's', ['钊'] = 'z', ['靳'] = 'j', ['郦'] = 'l', ['邬'] = 'w', ['亓'] = 'q', ['佘'] = 's',
        ['仝'] = 't', ['阚'] = 'k', ['濮'] = 'p', ['芮'] = 'r', ['蔺'] = 'l', ['炜'] = 'w', ['珏'] = 'j',
        ['昕'] = 'x', ['曦'] = 'x', ['婧'] = 'j', ['妍'] = 'y', ['娅'] = 'y', ['睿'] = 'r', ['祎'] = 'y',
        ['琦'] = 'q', ['瑾'] = 'j', ['璟'] = 'j', ['熠'] = 'y', ['婕'] = 'j', ['淇'] = 'q', ['蓓'] = 'b',
        ['骞'] = 'q', ['赟'] = 'y', ['喆'] = 'z', ['翟'] = 'z', ['闫'] = 'y', ['郝'] = 'h', ['邱'] = 'q',
        ['尹'] = 'y', ['聂'] = 'n', ['柯'] = 'k', ['滕'] = 't', ['蔡'] = 'c', ['薛'] = 'x', ['钱'] = 'q',
        ['禹'] = 'y', ['诸'] = 'z', ['葛'] = 'g', ['芸'] = 'y', ['莹'] = 'y', ['琨'] = 'k', ['瀚'] = 'h',
    };

    static Pinyin()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb2312 = Encoding.GetEncoding("GB2312");
    }

    public static char? Initial(char c)
    {
        if (char.IsAsciiLetterOrDigit(c)) return char.ToLowerInvariant(c);
        if (Extra.TryGetValue(c, out var e)) return e;
        var bytes = Gb2312.GetBytes(c.ToString());
        if (bytes.Length != 2) return null;
        var code = bytes[0] << 8 | bytes[1];
        for (var i = 0; i < Ranges.Length - 1; i++)
            if (code >= Ranges[i].Start && code < Ranges[i + 1].Start) return Ranges[i].Letter;
        return null;
    }

    /// <summary>张三 → "zs"; characters with no known initial are skipped.</summary>
    public static string Initials(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (Initial(c) is { } i) sb.Append(i);
        return sb.ToString();
    }
}
