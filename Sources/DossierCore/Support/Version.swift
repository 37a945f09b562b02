/// Dossier's version: part of every cache key, so an upgrade never reuses old results.
public enum DossierVersion {
    public static let current = "0.3.0"
}
