using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tongxin.Web.Features.Audit;

/// <summary>The hash chains: each entry's hash covers its fields, its place in its stream and the previous entry's hash.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry e, string prevHash)
    {
        var text = string.Join('\u001f', prevHash, e.Seq.ToString(CultureInfo.InvariantCulture),
            e.TenantId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            e.UserName, e.Action, e.EntityType, e.EntityId, e.Before ?? "", e.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Walks one stream in order; returns the id of the first entry whose place, link or hash does not hold.</summary>
    public static long? FirstBroken(IEnumerable<AuditEntry> entriesInOrder, string startHash = Genesis, long startSeq = 1)
    {
        var (prev, expected) = (startHash, startSeq);
        foreach (var e in entriesInOrder)
        {
            if (e.Seq != expected || e.PrevHash != prev || Compute(e, prev) != e.Hash) return e.Id;
            prev = e.Hash;
            expected++;
        }
        return null;
    }
}
