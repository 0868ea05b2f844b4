@testable import AdvisorCore
import Testing

/// JSON reports write numbers as bytes (`Format.appendNumber`); the text must be exactly
/// `Format.number`'s, which every other renderer prints.
struct JSONNumberTests {
    static let edges: [Double] = [
        0, -0.0, 1, -1, 0.5, -0.5, 0.00004, 0.00005, -0.00005, 0.00006, 0.1, 0.25, 1.0001, 1.00005, 9.99995,
        99.99999, 12.3456789, -12.3456789, 1e14, 1e15 - 0.5, 1e15, 1e15 + 0.25, -1e15, 123456789012.3456,
        1e18, 1e19, -1e19, 1e300, Double.leastNonzeroMagnitude, Double.ulpOfOne, 81.3, 2.675, 0.30000000000000004,
    ]

    @Test("bytes match Format.number at the edges", arguments: edges)
    func edge(_ value: Double) {
        var bytes: [UInt8] = []
        Format.appendNumber(value, decimals: 4, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == Format.number(value, decimals: 4))
    }

    @Test("bytes match Format.number on 200,000 random values, for 0 to 6 decimals")
    func random() {
        var random = SplitMix64(seed: 7)
        var mismatches: [String] = []
        for round in 0..<200_000 {
            let decimals = round % 7
            let magnitude = Double(random.next() % 40) - 20
            let mantissa = Double(random.next() % 1_000_000_007) / 1_000_000_007
            var value = mantissa * pow10(magnitude)
            if random.next() % 2 == 0 { value = -value }
            if random.next() % 5 == 0 { value = (value * 100).rounded() / 100 }
            var bytes: [UInt8] = []
            Format.appendNumber(value, decimals: decimals, to: &bytes)
            let expected = Format.number(value, decimals: decimals)
            if String(decoding: bytes, as: UTF8.self) != expected, mismatches.count < 5 {
                mismatches.append("\(value) at \(decimals): \(String(decoding: bytes, as: UTF8.self)) != \(expected)")
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test("with no decimals, a whole number past 10^15 keeps its trailing zeros")
    func wholeZeros() {
        #expect(Format.number(2.9482455093622816e17, decimals: 0) == "294824550936228160")
        #expect(Format.number(-1e19, decimals: 0) == "-1000000000000000000")
    }

    @Test("a serialized report value keeps its exact text")
    func serialized() {
        let value = JSONValue.object([
            ("score", .number(81.30004)), ("rank", .number(1)), ("ratio", .number(-0.25)),
            ("none", .number(.nan)), ("text", .string("a \"quoted\"\tline")), ("list", .array([.bool(true), .null])),
            ("empty", .array([])), ("nested", .object([])),
        ])
        #expect(value.serialized() == """
            {
              "score": 81.3,
              "rank": 1,
              "ratio": -0.25,
              "none": null,
              "text": "a \\"quoted\\"\\tline",
              "list": [
                true,
                null
              ],
              "empty": [],
              "nested": {}
            }
            """)
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<Int(exponent) { result *= 10 } } else { for _ in 0..<Int(-exponent) { result /= 10 } }
        return result
    }
}
