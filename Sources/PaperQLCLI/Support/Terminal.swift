// The terminal: whether a stream is one, how wide it is, and whether colour is wanted. All
// output goes through `Output`, which buffers stdout so large results are written in big chunks.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Columns of the terminal on `fd`, or `COLUMNS`, or nil when not a terminal.
    static func width(_ fd: Int32 = STDOUT_FILENO) -> Int? {
        if isTerminal(fd) {
            var size = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return nil
    }

    static func height(_ fd: Int32 = STDOUT_FILENO) -> Int? {
        guard isTerminal(fd) else { return nil }
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return nil
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static func wantsColor(_ fd: Int32) -> Bool {
        guard isTerminal(fd) else { return false }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
}

/// ANSI styling, applied only when enabled. Six escape codes did not justify a dependency.
struct Style {
    let enabled: Bool

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func highlight(_ s: String) -> String { wrap(s, "1;4;33") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}

/// Writes to stdout and stderr. Callers hand over whole renderings, so each call is one
/// `write(2)` loop with no buffering of our own to flush or lose.
enum Output {
    static func write(_ s: String) {
        writeAll(STDOUT_FILENO, s)
    }

    static func line(_ s: String = "") {
        writeAll(STDOUT_FILENO, s + "\n")
    }

    /// Kept for call sites that mark the end of a command's output; writes are not buffered.
    static func flush() {}

    static func error(_ s: String) {
        writeAll(STDERR_FILENO, s + "\n")
    }

    private static func writeAll(_ fd: Int32, _ s: String) {
        var s = s
        s.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
