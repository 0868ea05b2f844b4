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

    /// A whole number with thousands separated by commas: `1,000,000`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A whole number with zeros before it to `width` digits, the sign not counted among them
    /// (as C's `%0*d` with room for the sign): `0042`, `2025`, `07`.
    public static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let room = width - sign.count
        return sign + (digits.count >= room ? digits : String(repeating: "0", count: room - digits.count) + digits)
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumNumberLength) { buffer in
            guard let start = buffer.baseAddress else { return }
            output.append(contentsOf: UnsafeBufferPointer(start: start, count: writeNumber(value, decimals: decimals, to: start)))
        }
    }

    /// The most bytes `writeNumber` writes.
    static let maximumNumberLength = 64

    /// `number(value, decimals:)` written as UTF-8 at `output`, which has room for
    /// `maximumNumberLength` bytes; returns how many were written. `value` must be finite and
    /// `decimals` at most 18.
    static func writeNumber(_ value: Double, decimals: Int, to output: UnsafeMutablePointer<UInt8>) -> Int {
        let decimals = min(max(0, decimals), 18)
        let scale = pow10(decimals)
        let rounded = (value * scale).rounded() / scale
        var count = 0
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let whole = Int64(rounded)
            if whole < 0 {
                output[0] = UInt8(ascii: "-")
                count = 1
            }
            return count + writeDigits(whole.magnitude, to: output + count)
        }
        // As `fixed`, then without trailing zeros (a whole number took the branch above, so a
        // fraction digit is left unless the rounding below reaches one).
        let scaled = (abs(rounded) * scale).rounded()
        if rounded < 0 && scaled > 0 {
            output[0] = UInt8(ascii: "-")
            count = 1
        }
        let units = UInt64(min(scaled, 1e18))
        var divisor: UInt64 = 1
        for _ in 0..<decimals { divisor *= 10 }
        count += writeDigits(units / divisor, to: output + count)
        var fraction = units % divisor
        guard decimals > 0, fraction > 0 else { return count }
        var places = decimals
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        output[count] = UInt8(ascii: ".")
        // Exactly `places` digits, the leading zeros included.
        for place in stride(from: count + places, to: count, by: -1) {
            output[place] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        return count + 1 + places
    }

    /// The decimal digits of `value` at `output`; returns how many.
    private static func writeDigits(_ value: UInt64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 1
        var rest = value / 10
        while rest > 0 { length += 1; rest /= 10 }
        rest = value
        for index in stride(from: length - 1, through: 0, by: -1) {
            output[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return length
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= 10 }
        return result
    }
}

extension String {
    /// The text with spaces before it to `width` characters, for right-aligned columns of numbers.
    public func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
