/// Number formatting shared by every renderer, so that output is the same on every machine.
public enum Format {
    /// `2`, `0.5`, `1.25`: up to `decimals` places, trailing zeros dropped.
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let scale = pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        var text = fixed(rounded, decimals: decimals)
        // Only a fraction loses its trailing zeros: with no decimals they are the number's own.
        guard decimals > 0 else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Exactly `decimals` places: `81.30`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return number(value) }
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        var digits = String(UInt64(min(scaled, 1e18)))
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative ? "-" : "") + digits
    }

    /// `number(value, decimals:)` appended as UTF-8, without making strings: the same text, for
    /// reports that print thousands of numbers. `value` must be finite.
    static func appendNumber(_ value: Double, decimals: Int, to output: inout [UInt8]) {
        let scale = pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let whole = Int64(rounded)
            if whole < 0 { output.append(UInt8(ascii: "-")) }
            appendDigits(whole.magnitude, to: &output)
            return
        }
        // As `fixed`, then without trailing zeros (a whole number took the branch above, so a
        // fraction digit is left unless the rounding below reaches one).
        let scaled = (abs(rounded) * scale).rounded()
        if rounded < 0 && scaled > 0 { output.append(UInt8(ascii: "-")) }
        let units = UInt64(min(scaled, 1e18))
        var divisor: UInt64 = 1
        for _ in 0..<max(0, decimals) { divisor *= 10 }
        appendDigits(units / divisor, to: &output)
        var fraction = units % divisor
        guard decimals > 0, fraction > 0 else { return }
        var places = decimals
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        output.append(UInt8(ascii: "."))
        let start = output.count
        appendDigits(fraction, to: &output)
        let missing = places - (output.count - start)
        if missing > 0 { output.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: missing), at: start) }
    }

    private static func appendDigits(_ value: UInt64, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            output += buffer[(20 - count)...]
        }
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= 10 }
        return result
    }
}
