import Foundation

/// A type an option can have: how `dossier stages` names the type and shows a default.
///
/// The Swift type of the property decides both, so the shown type and default are those the
/// decoder really uses; a `Setting` may only rename the type (`path` for a `String`).
public protocol OptionValue: Decodable, Sendable {
    /// The type as the docs name it: `int`, `number`, `bool`, `string`, `[regex]`, `mapping`.
    static var optionType: String { get }
    /// The value as the docs show a default.
    var optionText: String { get }
    /// The keys inside a mapping-valued option; empty for everything else.
    static var nestedFields: [OptionField] { get }
}

extension OptionValue {
    public static var nestedFields: [OptionField] { [] }
}

extension Int: OptionValue {
    public static var optionType: String { "int" }
    public var optionText: String { String(self) }
}

extension Double: OptionValue {
    public static var optionType: String { "number" }
    /// Whole numbers without a fraction (`60`, not `60.0`): YAML reads both as the same number.
    public var optionText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}

extension Bool: OptionValue {
    public static var optionType: String { "bool" }
    public var optionText: String { self ? "true" : "false" }
}

extension String: OptionValue {
    public static var optionType: String { "string" }
    public var optionText: String { self }
}

extension Pattern: OptionValue {
    public static var optionType: String { "regex" }
    public var optionText: String { source }
}

extension Array: OptionValue where Element: OptionValue {
    public static var optionType: String { "[\(Element.optionType)]" }

    /// `[a, b, c]`, cut after `shownElements` with `…`; elements whose edges or commas would be
    /// lost in such a list are single-quoted (`' | '`).
    public var optionText: String {
        let shown = prefix(Self.shownElements).map { element -> String in
            let text = element.optionText
            let plain = !text.isEmpty && text.trimmingCharacters(in: .whitespaces) == text && !text.contains(",")
            return plain ? text : "'\(text)'"
        }
        let more = count > Self.shownElements ? ["…"] : []
        return "[" + (shown + more).joined(separator: ", ") + "]"
    }

    /// Long default lists (the HTML hint words) are cut so a docs table row stays readable.
    private static var shownElements: Int { 10 }
}

extension OptionValue where Self: StageOptions {
    /// An option that is itself a mapping of options (classify.areas' `training`).
    public static var optionType: String { "mapping" }
    /// Its default is the empty mapping: every key inside keeps its own default.
    public var optionText: String { "{}" }
    public static var nestedFields: [OptionField] { fields }
}
