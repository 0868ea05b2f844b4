import Testing
@testable import AdvisorTUI
import AdvisorCore

@Suite struct CanvasTests {
    @Test func controlCharactersInKnowledgeAreDrawnInert() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(canvas.row(0) == "a\\u{1B}[2Jb")
    }

    @Test func asciiCanvasFoldsTypography() {
        var canvas = Canvas(width: 40, height: 3, appearance: TextStyle(color: false, unicode: false))
        canvas.put("Django — “fast” ×2 → ok", x: 0, y: 0)
        #expect(canvas.row(0) == "Django - \"fast\" x2 -> ok")
        canvas.box(x: 0, y: 1, width: 4, height: 2)
        #expect(canvas.row(1) == "+--+")
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(width: 6, height: 1)
        let used = canvas.put("日本x", x: 0, y: 0)
        #expect(used == 5)
        #expect(canvas.row(0) == "日本x")
        #expect(canvas[1, 0].isContinuation)
    }

    @Test func drawingOutsideIsClipped() {
        var canvas = Canvas(width: 5, height: 2)
        canvas.put("abcdefgh", x: 3, y: 0)
        canvas.put("zz", x: -1, y: 1)
        canvas.put("x", x: 0, y: 9)
        #expect(canvas.row(0) == "   ab")
        #expect(canvas.row(1) == "z")
    }

    @Test("a string's width is the sum of its characters', with or without the ASCII shortcut",
          arguments: ["plain ascii", "", "tab\there", "日本x", "e\u{301}cole", "crlf\r\n", "👍🏽 ok", "~ \u{7F}"])
    func stringWidthMatchesCharacters(_ text: String) {
        #expect(TextWidth.of(text) == text.reduce(0) { $0 + TextWidth.of($1) })
    }

    @Test("printable ASCII is drawn one cell a byte, clipped like any text")
    func asciiShortcutDrawsAndClips() {
        var canvas = Canvas(width: 8, height: 2)
        #expect(canvas.put("abcdefghij", x: 2, y: 0, limit: 4) == 4)
        #expect(canvas.put("xyz", x: -2, y: 1) == 3)
        #expect(canvas.row(0) == "  abcd")
        #expect(canvas.row(1) == "z")
    }

    @Test(arguments: [10, 20, 33])
    func wrappingRespectsTheWidth(_ width: Int) {
        let text = "FastAPI generates Swagger documentation automatically; Django needs DRF and more setup."
        let lines = TextWidth.wrap(text, width: width)
        #expect(lines.allSatisfy { TextWidth.of($0) <= width })
        let squeezed = { (text: String) in text.filter { $0 != " " } }
        #expect(squeezed(lines.joined()) == squeezed(text))
        if width >= 13 { #expect(lines.joined(separator: " ") == text, "words are kept whole when they fit") }
    }

    @Test("wrapping ASCII a byte at a time gives the same lines as wrapping characters")
    func asciiWrapMatchesCharacterWrap() {
        // Random texts of short and long words, runs of spaces, and newlines (empty paragraphs too).
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "FastAPI", "Django", "ORM,", "(DRF)", "x", "supercalifragilistic-expialidocious", " ", "  ",
                      "\n", "\n\n", "~!@#$%^&*()_+{}|:<>?"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<next(24) { text += pieces[next(pieces.count)] + (next(3) == 0 ? "" : " ") }
            let width = 1 + next(40)
            let first: Int? = next(3) == 0 ? next(30) - 5 : nil
            let bytes = TextWidth.wrapASCII(text, width: width, first: first)
            let characters = TextWidth.wrapCharacters(text, width: width, first: first)
            #expect(bytes == characters, "\(text.debugDescription) width \(width) first \(String(describing: first))")
        }
        #expect(TextWidth.wrap("naïve café au lait", width: 6) == ["naïve", "café", "au", "lait"],
                "text beyond ASCII takes the character path")
    }

    @Test func barsFillInProportion() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.bar(50, of: 100, x: 0, y: 0, width: 10)
        #expect(canvas.row(0) == "█████░░░░░")
    }
}
