@testable import AdvisorCore
import Testing

/// The JSON writer copies text that needs no escaping straight into its buffer; whatever it
/// writes must be exactly what `JSONValue.quote` makes of the same text, as a value and as a key.
struct JSONWriterTests {
    static let texts: [String] = [
        "", "plain", "r0000001", "Café", "×1.05", "naïve — ok", "emoji 😀", "\u{A0}non-breaking", "\u{2028}",
        "a\u{85}b", "\u{80}", "\u{9F}", "\u{7F}", "tab\there", "line\nbreak", "q\"uote", "back\\slash",
        "\u{1B}[31mred", "\u{0}", "ends with C2 lead ¢", "a very long text that is certainly not a small string",
    ]

    @Test("a string is quoted exactly as JSONValue.quote does", arguments: texts)
    func value(_ text: String) {
        var w = JSONWriter()
        w.string(text)
        #expect(w.text == JSONValue.quote(text))
    }

    @Test("a key from the data is quoted exactly as JSONValue.quote does", arguments: texts)
    func key(_ text: String) {
        var w = JSONWriter()
        w.beginObject()
        w.key(string: text)
        w.null()
        w.endObject()
        #expect(w.text == "{\n  " + JSONValue.quote(text) + ": null\n}")
    }

    @Test("a change is written as its description", arguments: [
        WeightChange.multiply(1.05), .multiply(0.9), .add(2), .add(-0.5), .add(0),
    ])
    func change(_ change: WeightChange) {
        var w = JSONWriter()
        w.string(prefix: change.signed.sign, number: change.signed.magnitude)
        #expect(w.text == JSONValue.quote(change.description))
    }

    @Test("a change that is not a finite number falls back to its description")
    func nonFiniteChange() {
        for value in [Double.nan, .infinity, -.infinity] {
            var w = JSONWriter()
            w.string(prefix: "×", number: value)
            #expect(w.text == JSONValue.quote("×" + Format.number(value)))
        }
    }

    @Test("containers nested past 64 levels close with the right commas and indentation")
    func deepNesting() {
        var w = JSONWriter()
        for _ in 0..<70 { w.beginArray(); w.number(1) }
        for _ in 0..<70 { w.endArray() }
        func render(_ depth: Int) -> String {
            let pad = String(repeating: "  ", count: depth + 1)
            let inner = depth == 69 ? "" : ",\n" + pad + render(depth + 1)
            return "[\n" + pad + "1" + inner + "\n" + String(repeating: "  ", count: depth) + "]"
        }
        #expect(w.text == render(0))
    }
}
