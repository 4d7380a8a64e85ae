using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tongxin.Web.Infrastructure.Faults;

/// <summary>Tells a database that is down, unreachable, frozen or full from a bug: the former answers 503, the latter 500.</summary>
public static class DatabaseOutage
{
    // SQLITE_BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN.
    static readonly int[] SqliteOutages = [5, 6, 8, 10, 13, 14];

    public static bool Is(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            switch (e)
            {
                case PostgresException pg:
                    // 08 connection errors, 53 insufficient resources, 57P admin shutdown / cannot connect now, 55000 no connections allowed.
                    if (pg.SqlState.StartsWith("08") || pg.SqlState.StartsWith("53") || pg.SqlState.StartsWith("57P") || pg.SqlState == "55000") return true;
                    break;
                case NpgsqlException npg when npg is not PostgresException:
                    return true; // socket, timeout, connection refused
                case SqliteException sq when SqliteOutages.Contains(sq.SqliteErrorCode):
                    return true;
                case SocketException:
                case TimeoutException:
                    return true;
            }
        return false;
    }

    /// <summary>SQLite refusing to start (read-only file or folder, disk full, cannot open): one line for the operator.</summary>
    public static string? StartupProblem(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is UnauthorizedAccessException or IOException && e.InnerException is null)
                return $"无法创建或写入数据目录：{e.Message}";
            else if (e is SqliteException sq)
                return sq.SqliteErrorCode switch
                {
                    8 => "数据库文件只读，无法写入：请检查数据目录和数据库文件的写权限（SQLite readonly）",
                    13 => "磁盘已满，数据库无法写入：请清理磁盘空间后重新启动（SQLite full）",
                    14 => "无法打开数据库文件：请检查数据目录是否存在且可写（SQLite cannot open）",
                    10 => "读写数据库文件时出错：请检查磁盘（SQLite I/O error）",
                    _ => null,
                };
        return null;
    }
}
