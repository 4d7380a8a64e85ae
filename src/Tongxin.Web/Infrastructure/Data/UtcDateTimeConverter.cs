using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tongxin.Web.Infrastructure.Data;

/// <summary>All instants are UTC; values read back from SQLite come without a kind.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
