// The exit codes scripts rely on, in one place (documented in README.md and `paperql --help`).

import ArgumentParser

enum ExitStatus {
    /// A file could not be read, or nothing in the input was readable.
    static let inputError = ExitCode(1)
    /// A query did not parse or type-check, or failed while running.
    static let queryError = ExitCode(2)
    /// `paperql test`: an expectation did not hold.
    static let expectationFailed = ExitCode(1)
    /// Bad command-line usage (ArgumentParser uses the same code, EX_USAGE).
    static let usage = ExitCode(64)
}
