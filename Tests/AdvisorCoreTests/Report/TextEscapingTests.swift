@testable import AdvisorCore
import Testing

/// Each format's spelling of the same awkward text: quotes, a backslash, newline, carriage return,
/// tab, ESC, DEL, a C1 control (NEL), markup characters and a non-ASCII letter.
struct TextEscapingTests {
    static let text = "a\"\\\n\r\t\u{1B}\u{7F}\u{85}<&'`*é"

    @Test func everyFormatSpellsTheSameText() {
        #expect(TextSanitizer.inert(Self.text) == #"a"\\u{A}\u{D}\u{9}\u{1B}\u{7F}\u{85}<&'`*é"#)
        #expect(TextSanitizer.inert(Self.text, keepNewlines: true) == "a\"\\\n" + #"\u{D}\u{9}\u{1B}\u{7F}\u{85}<&'`*é"#)
        #expect(JSONValue.quote(Self.text) == #""a\"\\\n\r\t\u001b\u007f\u0085<&'`*é""#)
        #expect(MarkdownReport.yamlQuoted(Self.text) == #""a\"\\\n\x0d\t\x1b\x7f\x85<&'`*é""#)
        #expect(KnowledgeArchive.q(Self.text) == #""a\"\\\n\r\t\u{1b}\u{7f}"# + "\u{85}<&'`*é\"")
        #expect(HTMLReport.escape(Self.text) == "a&quot;\\\n" + #"\u{D}\u{9}\u{1B}\u{7F}\u{85}&lt;&amp;&#39;`*é"#)
        #expect(MarkdownText.escape(Self.text) == #"a"\\ \\u{D}\\u{9}\\u{1B}\\u{7F}\\u{85}\<\&'\`\*é"#)
    }

    @Test func plainTextIsReturnedAsItIs() {
        for format in [TextEscaping.terminal, TextEscaping.json, TextEscaping.yaml, TextEscaping.swiftLiteral] {
            #expect(format.escape("plain text, é and 中") == "plain text, é and 中")
        }
    }

    /// Markup characters are compared as characters: U+1FEF GREEK VARIA is canonically a grave
    /// accent, so Markdown escapes it; an ampersand with a combining mark is another character.
    @Test func markupIsMatchedByCharacter() {
        #expect(MarkdownText.escape("\u{1FEF}") == "\\\u{1FEF}")
        #expect(HTMLReport.escape("&\u{301}") == "&\u{301}")
    }
}
