/// The one table behind every text escaper: which scalars are control characters, and how each
/// output format spells the characters it cannot write as they are.
///
/// A format escapes in up to two layers:
/// - `Scalars`, scalar by scalar: a few ASCII characters have a spelling of their own (`"` is `\"`
///   in JSON), and every other control character (C0 and DEL, and C1 where the format says so) is
///   written in the format's control spelling (`\u{1B}`, `\u001b`, `\x1b`).
/// - `Markup`, character by character over the result of the first layer: HTML's entities and
///   Markdown's backslashes. Characters are compared as `Character`s, so a character canonically
///   equivalent to a markup character counts as that character.
///
/// Knowledge is data, never code: in every format, no control character from the knowledge or the
/// answers reaches the output as itself (only a newline, where a format keeps it).
public enum TextEscaping {
    /// Whether a scalar is a C0 or C1 control character, or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
    }

    /// Whether a scalar is a bidirectional embedding, override or isolate (U+202A–U+202E,
    /// U+2066–U+2069): text that reorders what follows it ("Trojan Source"). Every format spells
    /// these as it spells control characters, so they show instead of acting.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// Whether a scalar is written in a format's control spelling wherever it appears.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isBidiControl(scalar)
    }

    // MARK: - The formats

    /// For a terminal: every control character as `\u{1B}` (hex in capitals).
    public static let terminal = Scalars(c1: true, control: .braced(uppercase: true))

    /// The same, with newlines kept.
    public static let terminalKeepingNewlines = Scalars(c1: true, control: .braced(uppercase: true),
                                                        spelled: ["\n": "\n"])

    /// A JSON string's content: `\"`, `\\`, `\n`, `\r`, `\t`, and `\u001b` for other control characters.
    public static let json = Scalars(c1: true, control: .fourDigits,
                                     spelled: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"])

    /// A YAML double-quoted scalar's content: `\"`, `\\`, `\n`, `\t`, and `\x1b` for other control
    /// characters (carriage return among them).
    public static let yaml = Scalars(c1: true, control: .twoDigits,
                                     spelled: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\t": "\\t"])

    /// A Swift string literal's content: `\"`, `\\`, `\n`, `\r`, `\t`, and `\u{1b}` for other C0
    /// controls and DEL. C1 characters are written as they are: the literal reads back exactly.
    public static let swiftLiteral = Scalars(c1: false, control: .braced(uppercase: false),
                                             spelled: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r",
                                                       "\t": "\\t"])

    /// HTML element content and quoted attributes: control characters as for a terminal (newlines
    /// kept), then `& < > " '` as character references.
    public static let html = Markup(scalars: terminalKeepingNewlines, spelled: [
        "&": .replaced("&amp;"), "<": .replaced("&lt;"), ">": .replaced("&gt;"), "\"": .replaced("&quot;"),
        "'": .replaced("&#39;"),
    ])

    /// Markdown inline text on one line: control characters as for a terminal, then a backslash
    /// before every character Markdown could read as markup, and a space for a newline.
    public static let markdown = Markup(scalars: terminalKeepingNewlines, spelled: [
        "\\": .backslashed, "`": .backslashed, "*": .backslashed, "_": .backslashed, "[": .backslashed,
        "]": .backslashed, "<": .backslashed, ">": .backslashed, "|": .backslashed, "&": .backslashed,
        "~": .backslashed, "\n": .replaced(" "),
    ])

    // MARK: - Scalar by scalar

    /// How a format writes each scalar.
    public struct Scalars: Sendable {
        /// How a control character without a spelling of its own is written, from its value.
        public enum ControlSpelling: Sendable {
            /// `\u{1B}` (or `\u{1b}`), as few digits as the value needs.
            case braced(uppercase: Bool)
            /// `\u001b`: JSON's four lowercase digits.
            case fourDigits
            /// `\x1b`: YAML's two lowercase digits.
            case twoDigits

            func spell(_ value: UInt32) -> String {
                switch self {
                case .braced(let uppercase):
                    return "\\u{" + String(value, radix: 16, uppercase: uppercase) + "}"
                case .fourDigits:
                    let hex = String(value, radix: 16)
                    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                case .twoDigits:
                    return "\\x" + (value < 0x10 ? "0" : "") + String(value, radix: 16)
                }
            }
        }

        /// Whether C1 controls (U+0080–U+009F) are control characters here, as C0 and DEL always are.
        public let c1: Bool
        public let control: ControlSpelling
        /// What each ASCII scalar becomes, by value; nil: written as it is.
        private let ascii: [String?]
        /// Bit `b` of `plain.0` (bytes 0–63) or `plain.1` (64–127): ASCII byte `b` is written as it is.
        private let plain: (UInt64, UInt64)

        init(c1: Bool, control: ControlSpelling, spelled: [Unicode.Scalar: String] = [:]) {
            self.c1 = c1
            self.control = control
            var ascii: [String?] = Array(repeating: nil, count: 128)
            var plain: (UInt64, UInt64) = (0, 0)
            for value in 0..<128 {
                let scalar = Unicode.Scalar(UInt8(value))
                if let spelling = spelled[scalar] {
                    ascii[value] = spelling == String(scalar) ? nil : spelling
                } else if TextEscaping.isControl(scalar) {
                    ascii[value] = control.spell(UInt32(value))
                }
                if ascii[value] == nil {
                    if value < 64 { plain.0 |= 1 << UInt64(value) } else { plain.1 |= 1 << UInt64(value - 64) }
                }
            }
            self.ascii = ascii
            self.plain = plain
        }

        /// What `scalar` becomes, or nil when it is written as it is.
        @inline(__always)
        public func spelling(of scalar: Unicode.Scalar) -> String? {
            let value = scalar.value
            if value < 128 { return ascii[Int(value)] }
            if c1 && value <= 0x9F { return control.spell(value) }
            return TextEscaping.isBidiControl(scalar) ? control.spell(value) : nil
        }

        /// Whether the UTF-8 byte `byte`, after `previous`, is part of a scalar written as it is:
        /// an ASCII byte without a spelling, or any byte of a non-ASCII scalar other than a C1
        /// control (encoded C2 80–C2 9F) where those are spelled, or a bidirectional control.
        @inline(__always)
        public func isPlain(_ byte: UInt8, after previous: UInt8) -> Bool {
            if byte < 64 { return plain.0 >> UInt64(byte) & 1 != 0 }
            if byte < 128 { return plain.1 >> UInt64(byte - 64) & 1 != 0 }
            if c1 && previous == 0xC2 && byte < 0xA0 { return false }
            // The last byte of a bidirectional control (E2 80 AA–AE, E2 81 A6–A9); a few other
            // scalars end the same way and merely take the slower, exact path.
            if previous == 0x80 && (0xAA...0xAE).contains(byte) { return false }
            return !(previous == 0x81 && (0xA6...0xA9).contains(byte))
        }

        /// Whether `text` is written as it is.
        public func isPlain(_ text: String) -> Bool {
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if !isPlain(byte, after: previous) { return false }
                previous = byte
            }
            return true
        }

        /// `text` with every scalar written in this format.
        public func escape(_ text: String) -> String {
            if isPlain(text) { return text }
            var result = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if let spelling = spelling(of: scalar) {
                    result.append(contentsOf: spelling.unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
            return String(result)
        }
    }

    // MARK: - Character by character

    /// A markup layer over a scalar layer: characters the markup would read are spelled.
    public struct Markup: Sendable {
        public enum Spelling: Sendable {
            /// The character is replaced by this text.
            case replaced(String)
            /// The character, with a backslash before it.
            case backslashed
        }

        public let scalars: Scalars
        /// What each ASCII character becomes, by value; nil: written as it is.
        private let ascii: [Spelling?]
        /// The same by character, for a non-ASCII character that is canonically equivalent to one
        /// of them (U+1FEF GREEK VARIA is a grave accent).
        private let characters: [Character: Spelling]

        init(scalars: Scalars, spelled: [Character: Spelling]) {
            self.scalars = scalars
            var ascii: [Spelling?] = Array(repeating: nil, count: 128)
            for (character, spelling) in spelled {
                if let value = character.asciiValue { ascii[Int(value)] = spelling }
            }
            self.ascii = ascii
            characters = spelled
        }

        /// What `character` becomes, or nil when it is written as it is.
        func spelling(of character: Character) -> Spelling? {
            if character.utf8.count == 1, let byte = character.utf8.first {
                return ascii[Int(byte)]
            }
            return characters.isEmpty || character.isASCII ? nil : characters[character]
        }

        /// `text` with its scalars, then its characters, written in this format.
        public func escape(_ text: String) -> String {
            var result = ""
            result.reserveCapacity(text.utf8.count)
            for character in scalars.escape(text) {
                switch spelling(of: character) {
                case nil: result.append(character)
                case .replaced(let replacement)?: result += replacement
                case .backslashed?:
                    result.append("\\")
                    result.append(character)
                }
            }
            return result
        }
    }
}
