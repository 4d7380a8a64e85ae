namespace Tongxin.Web.Features.Organizations;

/// <summary>Pure rules of the materialised-path tree.</summary>
public static class OrgTree
{
    public static string ChildPath(string parentPath, long id) => $"{parentPath}{id}/";

    public static bool IsInSubtree(string path, string rootPath) => path.StartsWith(rootPath, StringComparison.Ordinal);

    /// <summary>A node may not move under itself or any of its descendants.</summary>
    public static string? CheckMove(string nodePath, string newParentPath) =>
        IsInSubtree(newParentPath, nodePath) ? "不能将组织移动到其自身或其下级组织之下" : null;

    /// <summary>The new path of a descendant after its ancestor moved from oldPrefix to newPrefix.</summary>
    public static string Rebase(string path, string oldPrefix, string newPrefix) =>
        newPrefix + path[oldPrefix.Length..];

    /// <summary>The parent's path, or null at a root.</summary>
    public static string? ParentPath(string path) =>
        path.LastIndexOf('/', path.Length - 2) is var cut and > 0 ? path[..(cut + 1)] : null;

    public static int DepthOf(string path) => path.Count(c => c == '/') - 2;

    public static IEnumerable<long> AncestorIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse);
}
