import CDossierSys
import Foundation

/// Dossier's version: part of every cache key, so an upgrade never reuses old results.
public enum DossierVersion {
    public static let current = "0.3.0"

    /// The version plus the running executable's size and modification time: a rebuilt
    /// binary (a developer's change to a stage) never reuses documents an older one cached.
    public static let fingerprint: String = {
        var size: Int64 = 0
        var seconds: Int64 = 0
        var nanoseconds: Int64 = 0
        guard dossier_executable_stamp(&size, &seconds, &nanoseconds) == 0 else { return current }
        return "\(current)+\(size).\(seconds).\(nanoseconds)"
    }()
}
