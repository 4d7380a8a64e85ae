using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>
/// The sealed box of an open round (decision 0012): the marks cast so far, shuffled and encrypted with the app's
/// data-protection keys, kept on the round and never in the audit log. Nothing is written per ballot while the round
/// is open, so no row, id or timestamp follows the order of voting; at close the box is opened and the marks written
/// as ballot rows in random order, in one batch.
/// </summary>
public sealed class BallotBox(IDataProtectionProvider dataProtection)
{
    public sealed record Mark(long SubjectId, AppraisalGrade Grade);

    IDataProtector Protector => dataProtection.CreateProtector("Tongxin.Appraisal.BallotBox.v1");

    public IReadOnlyList<Mark> Open(string? box)
    {
        if (string.IsNullOrEmpty(box)) return [];
        var text = Protector.Unprotect(box);
        return text.Length == 0 ? [] : text.Split(';').Select(m => m.Split(':'))
            .Select(p => new Mark(long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<AppraisalGrade>(p[1]))).ToList();
    }

    /// <summary>The box with <paramref name="added"/> dropped in, every mark in a fresh random order.</summary>
    public string Add(string? box, IEnumerable<Mark> added)
    {
        var marks = Open(box).Concat(added).ToArray();
        RandomNumberGenerator.Shuffle<Mark>(marks);
        return Protector.Protect(string.Join(';', marks.Select(m => $"{m.SubjectId}:{m.Grade}")));
    }

    /// <summary>The marks in random order, for writing at close.</summary>
    public Mark[] Shuffled(string? box)
    {
        var marks = Open(box).ToArray();
        RandomNumberGenerator.Shuffle<Mark>(marks);
        return marks;
    }
}
