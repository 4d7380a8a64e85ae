using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>
/// Group commit for QR sign-ins. When a plenary's 2,000 members scan within seconds, each request waits here while
/// the scans that arrived together are checked and saved in one transaction (with their audit entries); every
/// request answers only after its own sign-in is committed. A lone scan is saved at once, as a batch of one.
/// Decision 0007.
/// </summary>
public sealed class SignInQueue(IServiceScopeFactory scopes, DatabaseSettings database, ILogger<SignInQueue> log) : BackgroundService
{
    const int MaxBatch = 200;

    sealed record Pending(string? Token, string UserId, string UserName, DateTime At, TaskCompletionSource<Result<SignIn.Done>> Answer);

    readonly Channel<Pending> channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000));

    public async Task<Result<SignIn.Done>> SignInAsync(string? token, string userId, string userName, DateTime utcNow, CancellationToken ct)
    {
        var pending = new Pending(token, userId, userName, utcNow, new(TaskCreationOptions.RunContinuationsAsynchronously));
        await channel.Writer.WriteAsync(pending, ct);
        return await pending.Answer.Task;
    }

    // On PostgreSQL two writers, so one batch is built while the other waits on the database; SQLite has one writer
    // at a time anyway, and a second would only meet its lock.
    int Writers => database.Provider == DbProvider.Postgres ? 2 : 1;

    protected override async Task ExecuteAsync(CancellationToken stop) =>
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAsync(stop), CancellationToken.None)));

    async Task WriteAsync(CancellationToken stop)
    {
        var reader = channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stop))
            {
                var batch = new List<Pending>(MaxBatch);
                while (batch.Count < MaxBatch && reader.TryRead(out var next)) batch.Add(next);
                await SaveAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        finally
        {
            channel.Writer.TryComplete();
            while (reader.TryRead(out var left)) left.Answer.TrySetResult(Error.Conflict("系统正在重启，请稍后重新扫码"));
        }
    }

    async Task SaveAsync(List<Pending> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var userIds = batch.Select(p => p.UserId).Distinct().ToList();
            var people = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.PersonId })
                .ToDictionaryAsync(u => u.Id, u => u.PersonId);
            var scans = batch.Select(p => new SignIn.Scan(p.Token, people.GetValueOrDefault(p.UserId), p.UserName, p.At)).ToList();
            var results = await new SignIn.Handler(db).WithTokensAsync(scans);
            for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(results[i]);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Saving {Count} sign-ins failed", batch.Count);
            foreach (var p in batch) p.Answer.TrySetException(ex);
        }
    }
}
