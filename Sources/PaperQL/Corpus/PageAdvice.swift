// Filling a large fresh buffer takes a page fault per 4 KB page, and on this kind of machine
// the faults' own overhead (not only the zeroing) was about a tenth of a load. Asking the
// kernel to map a range before writing it takes one call for the lot. Linux 5.14 and later;
// elsewhere, or when the kernel refuses, the pages fault in as before.

#if canImport(Glibc)
import Glibc
#endif

enum PageAdvice {
    /// Ranges smaller than this are left to fault in.
    static let threshold = 1 << 20

    /// Maps the pages under `count` bytes from `start` for writing, ahead of the writes.
    static func prepareForWriting(_ start: UnsafeMutableRawPointer, count: Int) {
        #if os(Linux)
        guard count >= threshold else { return }
        let page = Int(getpagesize())
        // Whole pages inside the range only (the partial ones at either end fault in as usual),
        // so the advice never reaches memory beyond the buffer.
        let from = (Int(bitPattern: start) + page - 1) / page * page
        let to = (Int(bitPattern: start) + count) / page * page
        guard to > from else { return }
        // MADV_POPULATE_WRITE (23); Glibc's module does not export it on every version.
        if let pointer = UnsafeMutableRawPointer(bitPattern: from) { _ = madvise(pointer, to - from, 23) }
        #endif
    }
}
