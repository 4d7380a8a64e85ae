using Tongxin.Web.Features.Audit;

namespace Tongxin.Tests.Unit;

public class AuditChainTests
{
    static List<AuditEntry> Chain(int n)
    {
        var list = new List<AuditEntry>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry { Id = i, Seq = i, At = new DateTime(2026, 11, 22, 8, 0, i, DateTimeKind.Utc), UserName = "admin",
                Action = "Update", EntityType = "Person", EntityId = i.ToString(), Before = "{\"Name\":\"甲\"}", After = "{\"Name\":\"乙\"}", PrevHash = prev };
            e.Hash = AuditChain.Compute(e, prev);
            prev = e.Hash;
            list.Add(e);
        }
        return list;
    }

    [Fact]
    public void IntactChain_HasNoBrokenLink() => Assert.Null(AuditChain.FirstBroken(Chain(5)));

    [Fact]
    public void EditedEntry_IsTheFirstBrokenLink()
    {
        var chain = Chain(5);
        chain[2].After = "{\"Name\":\"丙\"}";
        Assert.Equal(3, AuditChain.FirstBroken(chain));
    }

    [Fact]
    public void RemovedEntry_BreaksTheNextLink()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, AuditChain.FirstBroken(chain));
    }

    [Fact]
    public void RemovedEntryWithSuccessorsRehashed_ShowsAsAGapInTheSequence()
    {
        var chain = Chain(4);
        chain.RemoveAt(1);
        var prev = chain[0].Hash;
        foreach (var e in chain.Skip(1)) { e.PrevHash = prev; e.Hash = AuditChain.Compute(e, prev); prev = e.Hash; }
        Assert.Equal(3, AuditChain.FirstBroken(chain));
    }

    [Fact]
    public void RehashedEntry_StillBreaksItsSuccessor()
    {
        var chain = Chain(4);
        chain[1].UserName = "intruder";
        chain[1].Hash = AuditChain.Compute(chain[1], chain[1].PrevHash);
        Assert.Equal(3, AuditChain.FirstBroken(chain));
    }
}
