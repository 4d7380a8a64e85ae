namespace Tongxin.Web.Infrastructure;

/// <summary>Uploaded files, kept outside the web root (Tongxin:Files:Root, default data/files).</summary>
public sealed class FileStore
{
    public string Root { get; }

    public FileStore(IConfiguration config, IHostEnvironment env)
    {
        Root = config["Tongxin:Files:Root"] is { Length: > 0 } r ? r : Path.Combine(env.ContentRootPath, "data", "files");
        Directory.CreateDirectory(Root);
    }

    public async Task<string> SaveAsync(string area, Stream content, string extension, CancellationToken ct = default)
    {
        var key = $"{Guid.NewGuid():N}{extension}";
        var dir = Path.Combine(Root, area);
        Directory.CreateDirectory(dir);
        await using var f = File.Create(Path.Combine(dir, key));
        await content.CopyToAsync(f, ct);
        return key;
    }

    /// <summary>Opens a stored file; null for a key that is not a plain file name or does not exist.</summary>
    public Stream? Open(string area, string key)
    {
        if (key.Length == 0 || key != Path.GetFileName(key)) return null;
        var path = Path.Combine(Root, area, key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>
    /// Takes a stored file for one use: it is renamed away first (atomic, so of two requests at once only one gets it)
    /// and deleted when the returned stream is closed. Null when it does not exist or someone else took it.
    /// </summary>
    public Stream? Claim(string area, string key)
    {
        if (key.Length == 0 || key != Path.GetFileName(key)) return null;
        var path = Path.Combine(Root, area, key);
        var claimed = $"{path}.claimed-{Guid.NewGuid():N}";
        try { File.Move(path, claimed); }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        return new FileStream(claimed, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.DeleteOnClose);
    }

    /// <summary>Deletes the area's files older than <paramref name="maxAge"/> (uploads left by a crash or an abandoned check).</summary>
    public int Sweep(string area, TimeSpan maxAge)
    {
        var dir = new DirectoryInfo(Path.Combine(Root, area));
        if (!dir.Exists) return 0;
        var old = dir.EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - maxAge).ToList();
        foreach (var f in old) f.Delete();
        return old.Count;
    }

    public void Delete(string area, string key)
    {
        if (key == Path.GetFileName(key)) File.Delete(Path.Combine(Root, area, key));
    }
}
