import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expands the pipeline's `inputs` patterns (`*`, `?`, `[…]`) relative to a folder.
public enum Glob {
    /// Matching regular files, as paths relative to `base` when the pattern was relative; sorted.
    public static func expand(_ pattern: String, relativeTo base: URL) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let full = absolute ? pattern : base.appendingPathComponent(pattern).path
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(full, 0, nil, &result) == 0 else { return [] }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            guard let c = result.gl_pathv[i] else { continue }
            let path = String(cString: c)
            paths.append(!absolute && path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return paths.sorted()
    }

    /// True when the pattern has glob characters (so "matches nothing" and "missing file" differ).
    public static func isPattern(_ s: String) -> Bool { s.contains { "*?[".contains($0) } }
}
