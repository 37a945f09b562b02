import Foundation

/// Turns a file's bytes into text: UTF-8 (BOM tolerated), UTF-16 with a BOM, else
/// Windows-1252 with a warning. Empty and binary files are refused (`TextProblem`).
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [String]
    }

    public static func decode(_ bytes: [UInt8], file: String) throws -> Decoded {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(bytes: bytes.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw TextProblem.invalidUTF16
            }
            return try checked(Decoded(text: text, warnings: []))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let line = binaryLine(body) {
            throw TextProblem.binary(line: line)
        }
        if let nul = body.firstIndex(of: 0) {
            // A text file with stray NULs (a saved page's spliced-in image bytes): they go, and
            // the warning says where the first stood.
            let line = body[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            var decoded = try decode(body.filter { $0 != 0 }, file: file)
            decoded.warnings.insert(
                "\(file):\(line): \(body.count { $0 == 0 }) NUL byte(s) in the text were dropped", at: 0)
            return decoded
        }
        if let text = String(validating: body, as: UTF8.self) {
            return try checked(Decoded(text: text, warnings: []))
        }
        let line = firstInvalidUTF8Line(body)
        let text = String(body.map { windows1252($0) })
        return try checked(
            Decoded(
                text: text,
                warnings: [
                    "\(file):\(line): not valid UTF-8; read as Windows-1252 (re-save it as UTF-8 to silence this)"
                ]))
    }

    private static func checked(_ d: Decoded) throws -> Decoded {
        if d.text.allSatisfy({ $0.isWhitespace }) {
            throw TextProblem.empty
        }
        return d
    }

    /// The 1-based line of the first NUL or run of control bytes, if the data looks binary:
    /// a NUL within the first 8,000 bytes (git's test), or control bytes over a tenth of the
    /// first 64 KiB. A NUL further on is a stray one in a text file.
    private static func binaryLine(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var controls = 0
        for (i, b) in bytes.prefix(64 * 1024).enumerated() {
            if b == 0x0A { line += 1 }
            if b == 0 && i < 8000 { return line }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
            if i > 256 && controls * 10 > i { return line }
        }
        return nil
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }

    /// Windows-1252 → Unicode (the 0x80–0x9F block differs from Latin-1).
    private static func windows1252(_ b: UInt8) -> Character {
        let table: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return Character(Unicode.Scalar(table[b] ?? UInt32(b))!)
    }
}
