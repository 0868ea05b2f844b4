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

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= 10 }
        return result
    }
}
