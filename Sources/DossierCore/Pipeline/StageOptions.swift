import Foundation

/// A stage's options, declared once: each entry of `settings` ties a pipeline.yaml key to a
/// property, with its help text. Decoding, `dossier stages` and the options table in
/// docs/pipeline.md all read that one list, so they cannot drift apart.
///
/// The defaults are the values `init()` leaves in the properties; a key pipeline.yaml leaves
/// out (or sets to null) keeps its default. Decoding is strict through `StrictYAML`: every
/// declared key is asked for, so any other key in the entry is an error with its location.
/// Checks that need more than the value itself (a file to read, a regex to compile with
/// others) belong in the stage's `init(options:context:)`.
public protocol StageOptions: Decodable, Sendable {
    /// The defaults.
    init()
    /// Every option, in the order `dossier stages` and the docs list them.
    static var settings: [Setting<Self>] { get }
}

extension StageOptions {
    /// Starts from the defaults and lets each setting decode its own key.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: SettingKey.self)
        for setting in Self.settings {
            try setting.decode(container, &self)
        }
    }

    /// What `dossier stages` prints: one field per option, nested mappings' keys after their own.
    public static var fields: [OptionField] { settings.flatMap(\.fields) }
}

/// One option of `Options`: its key, the property it sets, and how it is shown.
public struct Setting<Options: StageOptions>: Sendable {
    /// The option as `dossier stages` shows it; the default is rendered from `Options()`.
    public let field: OptionField
    /// The keys of a nested mapping (`training.min-documents`), shown after the option itself.
    let nested: [OptionField]
    let decode: @Sendable (KeyedDecodingContainer<SettingKey>, inout Options) throws -> Void

    var fields: [OptionField] { [field] + nested }

    /// An option of a value type; `type` overrides the shown type where the Swift type says
    /// too little (a `String` that is a path). `check` returns a problem with a decoded value,
    /// reported at the value's position.
    public init<Value: OptionValue>(
        _ name: String, _ property: WritableKeyPath<Options, Value> & Sendable,
        type: String? = nil, _ help: String,
        check: (@Sendable (Value) -> String?)? = nil
    ) {
        field = OptionField(name, type ?? Value.optionType, default: Options()[keyPath: property].optionText, help)
        nested = Value.nestedFields.map { $0.nested(under: name) }
        decode = { container, options in
            let key = SettingKey(name)
            guard let value = try container.decodeIfPresent(Value.self, forKey: key) else { return }
            if let problem = check?(value) {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: problem)
            }
            options[keyPath: property] = value
        }
    }

    /// An option without a default: absent, the property stays nil (shown as `none`).
    public init<Value: OptionValue>(
        _ name: String, _ property: WritableKeyPath<Options, Value?> & Sendable,
        type: String? = nil, _ help: String
    ) {
        field = OptionField(
            name, type ?? Value.optionType,
            default: Options()[keyPath: property]?.optionText ?? "none", help)
        nested = Value.nestedFields.map { $0.nested(under: name) }
        decode = { container, options in
            guard let value = try container.decodeIfPresent(Value.self, forKey: SettingKey(name)) else { return }
            options[keyPath: property] = value
        }
    }
}

/// The key of one option, as pipeline.yaml spells it.
struct SettingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One documented option of a stage, as `dossier stages` and docs/pipeline.md show it.
public struct OptionField: Sendable, Hashable {
    public var name: String
    public var type: String
    public var defaultValue: String
    public var help: String

    init(_ name: String, _ type: String, default defaultValue: String, _ help: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
    }

    func nested(under parent: String) -> OptionField {
        OptionField("\(parent).\(name)", type, default: defaultValue, help)
    }
}

/// For stages that take no options: any key in their entry is an error.
public struct NoOptions: StageOptions {
    public static var settings: [Setting<Self>] { [] }
    public init() {}
}
