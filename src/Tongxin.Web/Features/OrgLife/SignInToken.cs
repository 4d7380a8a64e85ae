using System.Security.Cryptography;
using System.Text;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// The code on the projector: "{activityId}.{window}.{mac}", window = 30-second slot since the epoch, mac = HMAC-SHA256
/// under the activity's own secret. It names the activity and its time slot; a photo of it stops working within a minute.
/// </summary>
public static class SignInToken
{
    public const int WindowSeconds = 30;
    /// <summary>The current slot and the one before it are accepted, so a code is good for 30–60 seconds.</summary>
    public const int AcceptedWindows = 2;

    public static long WindowOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / WindowSeconds;

    public static string Issue(long activityId, byte[] secret, DateTimeOffset at) => Make(activityId, WindowOf(at), secret);

    static string Make(long activityId, long window, byte[] secret)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{activityId}.{window}"));
        return $"{activityId}.{window}.{Base64Url(mac.AsSpan(0, 16))}";
    }

    /// <summary>The activity id the token claims, or null when it is not even shaped like a token.</summary>
    public static long? ActivityIdOf(string? token)
    {
        var parts = token?.Split('.');
        return parts is { Length: 3 } && long.TryParse(parts[0], out var id) ? id : null;
    }

    public enum Verdict { Valid, Forged, Expired }

    public static Verdict Check(string token, long activityId, byte[] secret, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], out var window) || parts[0] != activityId.ToString()) return Verdict.Forged;
        var expected = Make(activityId, window, secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token))) return Verdict.Forged;
        var current = WindowOf(now);
        return window <= current && window > current - AcceptedWindows ? Verdict.Valid : Verdict.Expired;
    }

    static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
