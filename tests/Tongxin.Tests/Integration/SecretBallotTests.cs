using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

/// <summary>
/// 民主评议 is a secret ballot: two members vote one after the other, and nothing stored — no table, no audit entry —
/// tells which ballot is whose (decision 0012).
/// </summary>
[Trait("Category", "Db")]
public class SecretBallotTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] GradeNames = Enum.GetNames<AppraisalGrade>();

    async Task VoteOverHttpAsync(string user, long round, IReadOnlyDictionary<long, AppraisalGrade> marks)
    {
        var c = await app.ClientAsync(user);
        var fields = new Dictionary<string, string>();
        var n = 0;
        foreach (var (person, grade) in marks)
        {
            fields[$"Marks[{n}].PersonId"] = person.ToString();
            fields[$"Marks[{n++}].Grade"] = grade.ToString();
        }
        var r = await Html.PostFormAsync(c, "/Appraisal/Mine", $"/Appraisal/Mine?handler=Vote&roundId={round}", fields);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    [Fact]
    public async Task TwoBallotsCastOneAfterTheOther_CannotBeToldApart()
    {
        var org = await app.OrgIdAsync("第一党支部");
        var start = DateTime.UtcNow.AddSeconds(-1);
        var round = (await app.AsAsync<OpenRound.Handler, Result<long>>("secretary1", (h, s) => h.Handle(org, Clock.Today.Year, s, "secretary1", DateTime.UtcNow))).Value;
        var (a, b) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync(),
            await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.PersonId!.Value).SingleAsync()));
        var full = await app.WithDbAsync(db => db.AppraisalParticipants.Where(p => p.RoundId == round && !p.IsProbationary).Select(p => p.PersonId).ToListAsync());
        Assert.Contains(a, full);
        Assert.Contains(b, full);
        var subject = full.First(p => p != a && p != b);

        // A grades the subject 优秀, B grades them 基本合格; everyone else 合格 from both.
        Dictionary<long, AppraisalGrade> Ballot(long voter, AppraisalGrade forSubject) =>
            full.Where(p => p != voter).ToDictionary(p => p, p => p == subject ? forSubject : AppraisalGrade.Qualified);
        await VoteOverHttpAsync("member1", round, Ballot(a, AppraisalGrade.Excellent));
        await VoteOverHttpAsync("secretary1", round, Ballot(b, AppraisalGrade.BasicallyQualified));

        // While open: no ballot rows, the sealed box reads as nothing, and no audit entry carries a grade.
        var box = await app.WithDbAsync(db => db.AppraisalRounds.Where(r => r.Id == round).Select(r => r.SealedBox).SingleAsync());
        Assert.False(string.IsNullOrEmpty(box));
        Assert.DoesNotContain(GradeNames, g => box!.Contains(g));
        Assert.DoesNotContain(subject.ToString() + ":", box);
        Assert.Equal(0, await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(x => x.RoundId == round)));
        var duringVote = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.At >= start).ToListAsync());
        Assert.Contains(duringVote, e => e.UserName == "member1");
        Assert.Contains(duringVote, e => e.UserName == "secretary1");
        Assert.All(duringVote, e => Assert.DoesNotContain(GradeNames, g => (e.Before + e.After).Contains($"\"{g}\"")));
        Assert.All(duringVote, e => Assert.DoesNotContain(box!, e.Before + e.After));

        Assert.True((await app.AsAsync<DecideGrades.Handler, Result<bool>>("secretary1", (h, s) => h.CloseVotingAsync(round, s, DateTime.UtcNow))).Ok);

        // After close: the two marks for the subject differ only in their grade and id; their audit entries share
        // the actor (no voter) and the instant, and the box is gone.
        var marks = await app.WithDbAsync(db => db.AppraisalBallots.Where(x => x.RoundId == round && x.SubjectId == subject).ToListAsync());
        Assert.Equal([AppraisalGrade.Excellent, AppraisalGrade.BasicallyQualified], marks.Select(m => m.Grade).Order().ToArray());
        var props = typeof(AppraisalBallot).GetProperties().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["Grade", "Id", "RoundId", "SubjectId"], props);
        var ids = (await app.WithDbAsync(db => db.AppraisalBallots.Where(x => x.RoundId == round).Select(x => x.Id).ToListAsync())).Select(i => i.ToString()).ToList();
        var ballotEntries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(AppraisalBallot) && ids.Contains(e.EntityId)).ToListAsync());
        Assert.Equal(ids.Count, ballotEntries.Count);
        Assert.Single(ballotEntries.Select(e => (e.UserName, e.At)).Distinct());
        Assert.Equal(TakePart.BallotActor, ballotEntries[0].UserName);
        Assert.Null(await app.WithDbAsync(db => db.AppraisalRounds.Where(r => r.Id == round).Select(r => r.SealedBox).SingleAsync()));
        // The voters' own entries still carry no grade.
        var voterEntries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.At >= start && (e.UserName == "member1" || e.UserName == "secretary1")).ToListAsync());
        Assert.All(voterEntries, e => Assert.DoesNotContain(GradeNames, g => (e.Before + e.After).Contains($"\"{g}\"")));
    }

    [Fact]
    public void TheBox_ShufflesItsMarks()
    {
        using var s = app.Services.CreateScope();
        var box = s.ServiceProvider.GetRequiredService<BallotBox>();
        var marks = Enumerable.Range(1, 40).Select(i => new BallotBox.Mark(i, AppraisalGrade.Qualified)).ToList();
        var sealedBox = box.Add(null, marks);
        var opened = box.Open(sealedBox).Select(m => m.SubjectId).ToList();
        Assert.Equal(marks.Select(m => m.SubjectId).Order(), opened.Order());
        // 40 marks in cast order by chance: 1 in 40!.
        Assert.NotEqual(marks.Select(m => m.SubjectId), opened);
        Assert.NotEqual(opened, box.Shuffled(sealedBox).Select(m => m.SubjectId));
    }
}
