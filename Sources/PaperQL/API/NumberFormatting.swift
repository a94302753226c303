// Number rendering shared by every output format: plain for machines, suffixed for people.

/// How PaperQL writes numbers.
public enum NumberFormatting {
    /// The shortest plain form: `7000000000`, `1.58`, `0.5`. Integers never get an exponent or
    /// a trailing `.0`.
    public static func plain(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n > 0 ? "inf" : "-inf" }
        if n == n.rounded(), abs(n) < 1e18 { return String(Int64(n)) }
        return "\(n)"
    }

    /// With a magnitude suffix for people: `7B`, `1.3B`, `760M`, `1.5T`, `2.3K`, `350K`.
    public static func magnitude(_ n: Double) -> String {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (scale, suffix) in units where abs(n) >= scale {
            return compact(n / scale) + suffix
        }
        return compact(n)
    }

    /// Up to three significant decimals, no trailing zeros: `1.3`, `0.125`, `2`.
    public static func compact(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        var s = String(format3(n))
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func format3(_ n: Double) -> String {
        let scaled = (n * 1000).rounded() / 1000
        if scaled == scaled.rounded() { return String(Int64(scaled)) }
        return "\(scaled)"
    }

    /// A value formatted by `style`, for tables.
    public static func format(_ n: Double, style: NumberStyle) -> String {
        switch style {
        case .plain: return abs(n) >= 1e6 && n == n.rounded() ? plain(n) : compact(n)
        case .magnitude: return magnitude(n)
        case .multiplier: return compact(n) + "x"
        case .percent: return compact(n * 100) + "%"
        }
    }
}
