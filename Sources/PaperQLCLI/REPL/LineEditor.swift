// The only file that touches GNU readline. readline is configured through C globals and calls
// back through C function pointers that cannot capture context, so the state those callbacks
// need (the completer, the text of an unfinished statement, the Ctrl-C flag) lives here, in
// globals, and nowhere else in PaperQL.

import CReadline
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Set by the SIGINT handler; read by the prompt hook and by running queries.
let interruptFlag = Atomic<Bool>(false)

nonisolated(unsafe) private var activeCompleter: Completer?
/// Lines of the statement being typed, before the current one (for completion context).
nonisolated(unsafe) private var pendingText = ""
nonisolated(unsafe) private var candidates: [String] = []
nonisolated(unsafe) private var candidateIndex = 0
nonisolated(unsafe) private var inPrompt = false

private let onSIGINT: @convention(c) (Int32) -> Void = { _ in interruptFlag.store(true, ordering: .relaxed) }

/// Called by readline after a signal, outside signal context.
private let signalHook: @convention(c) () -> Int32 = {
    if inPrompt, interruptFlag.exchange(false, ordering: .relaxed) { crl_abandon_line() }
    return 0
}

private let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
    if state == 0 { candidateIndex = 0 }
    guard candidateIndex < candidates.count else { return nil }
    let next = candidates[candidateIndex]
    candidateIndex += 1
    return strdup(next)  // readline frees it
}

private let attempted: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
    crl_set_attempted_completion_over(1)  // no fallback to file names
    let word = text.map { String(cString: $0) } ?? ""
    let line = crl_line_buffer().map { String(cString: $0) } ?? ""
    let prefix = String(line.utf8.prefix(Int(start))) ?? ""
    let completion = activeCompleter?.complete(before: pendingText + prefix, word: word) ?? Completion(candidates: [], appendSpace: true)
    candidates = completion.candidates
    crl_set_completion_append_character(completion.appendSpace ? 32 : 0)
    return rl_completion_matches(text, generator)
}

/// Line editing, history and completion on a terminal.
final class LineEditor {
    let historyPath: String
    static let historyLimit: Int32 = 2000

    init(completer: Completer, historyPath: String) {
        self.historyPath = historyPath
        activeCompleter = completer
        crl_set_readline_name(strdup("paperql"))  // for `$if paperql` in ~/.inputrc
        crl_set_attempted_completion(attempted)
        crl_set_signal_event_hook(signalHook)
        // Quotes, parentheses and operators end a word, so `topic = "qu` completes `qu`.
        crl_set_basic_word_break_characters(strdup(" \t\n\"'(),=<>!;"))
        signal(SIGINT, onSIGINT)
        stifle_history(LineEditor.historyLimit)
        if FileManager.default.fileExists(atPath: historyPath) {
            _ = read_history(historyPath)
        }
    }

    /// One line, or nil at end of input (Ctrl-D). `continuing` is the text of the statement so far.
    func readLine(prompt: String, continuing: String) -> String? {
        pendingText = continuing
        inPrompt = true
        interruptFlag.store(false, ordering: .relaxed)
        let line = readline(prompt)
        inPrompt = false
        guard let line else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    /// Adds an entry to the history unless it is blank or repeats the last one, and saves the
    /// file (created readable by the user only).
    func remember(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        let flat = trimmed.replacingOccurrences(of: "\n", with: " ")
        if crl_history_length() > 0, let last = history_get(crl_history_base() + crl_history_length() - 1),
           let text = last.pointee.line, String(cString: text) == flat {
            return
        }
        add_history(flat)
        save()
    }

    func save() {
        let existed = FileManager.default.fileExists(atPath: historyPath)
        if !existed {
            let fd = open(historyPath, O_CREAT | O_WRONLY, 0o600)
            if fd >= 0 { close(fd) }
        }
        _ = write_history(historyPath)
        _ = history_truncate_file(historyPath, LineEditor.historyLimit)
        chmod(historyPath, 0o600)
    }

    /// Whether Ctrl-C was pressed since the flag was last cleared (and clears it).
    static func takeInterrupt() -> Bool {
        interruptFlag.exchange(false, ordering: .relaxed)
    }
}
