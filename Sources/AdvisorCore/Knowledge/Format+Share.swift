extension Format {
    /// A share as a percentage, rounded one way everywhere it is shown: whole percents, a tenth below
    /// 1% and above 99%, and never "0%" or "100%" for a share that is not exactly that ("< 0.1%",
    /// "> 99.9%").
    public static func share(_ fraction: Double) -> String {
        if fraction <= 0 { return "0%" }
        if fraction >= 1 { return "100%" }
        let percent = fraction * 100
        if percent < 0.05 { return "< 0.1%" }
        if percent > 99.95 { return "> 99.9%" }
        let whole = percent.rounded()
        if whole >= 1 && whole <= 99 { return Format.fixed(percent, decimals: 0) + "%" }
        return Format.fixed(percent, decimals: 1) + "%"
    }
}
