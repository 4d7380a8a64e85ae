using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Infrastructure;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>A photo or PDF kept with an activity's record, stored outside the web root.</summary>
public class ActivityAttachment
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long ActivityId { get; set; }
    public string FileName { get; set; } = "";
    public string StoredKey { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

public class ActivityAttachmentConfiguration : IEntityTypeConfiguration<ActivityAttachment>
{
    public void Configure(EntityTypeBuilder<ActivityAttachment> b)
    {
        b.ToTable("ActivityAttachments");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.StoredKey).HasMaxLength(100);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.HasIndex(a => a.ActivityId);
    }
}

public static class Attachments
{
    public const string Area = "activities";
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What the first bytes say the file is: jpeg, png or pdf; anything else is refused whatever its name.</summary>
    public static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => (".jpg", "image/jpeg"),
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => (".png", "image/png"),
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => (".pdf", "application/pdf"),
        _ => null,
    };

    public sealed class Handler(AppDbContext db, FileStore files)
    {
        public async Task<Result<long>> AddAsync(long activityId, string fileName, Stream content, long length, Scope scope, string userName, CancellationToken ct = default)
        {
            var access = await ActivityAccess.ForPlannerAsync(db, activityId, scope, track: false, ct);
            if (!access.Ok) return access.Error!;
            var activity = access.Value!;
            if (length <= 0) return Error.Validation("请选择要上传的文件", "Upload");
            if (length > MaxBytes) return Error.Validation("文件不能超过10MB", "Upload");
            var head = new byte[8];
            var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (Sniff(head.AsSpan(0, read)) is not { } kind) return Error.Validation("只能上传 JPG、PNG 照片或 PDF 文件", "Upload");
            var key = await files.SaveAsync(Area, new ConcatStream(head.AsMemory(0, read), content), kind.Extension, ct);
            var name = Path.GetFileName(fileName);
            var attachment = new ActivityAttachment
            {
                TenantId = activity.TenantId, ActivityId = activityId, FileName = name.Length > 200 ? name[^200..] : name, StoredKey = key,
                ContentType = kind.ContentType, Size = length, UploadedBy = userName, UploadedAt = DateTime.UtcNow,
            };
            db.Set<ActivityAttachment>().Add(attachment);
            await db.SaveChangesAsync(ct);
            return attachment.Id;
        }

        /// <summary>The file, if the viewer may see its activity.</summary>
        public async Task<(ActivityAttachment Meta, Stream Content)?> OpenAsync(long attachmentId, Scope scope, GetActivity.Handler activities, CancellationToken ct = default)
        {
            var meta = await db.Set<ActivityAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
            if (meta is null || await activities.Handle(meta.ActivityId, scope, ct) is null) return null;
            return files.Open(Area, meta.StoredKey) is { } stream ? (meta, stream) : null;
        }
    }

    /// <summary>The sniffed head followed by the rest of the upload.</summary>
    sealed class ConcatStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        ReadOnlyMemory<byte> head = head;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (head.IsEmpty) return await rest.ReadAsync(buffer, ct);
            var n = Math.Min(head.Length, buffer.Length);
            head[..n].CopyTo(buffer);
            head = head[n..];
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
