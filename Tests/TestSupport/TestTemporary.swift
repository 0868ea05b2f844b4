import Foundation

/// Where tests put their temporary files: one folder per test process,
/// `$TMPDIR/advisor-tests-<pid>/`. Tests can't reliably clean up after themselves (a failing
/// expectation or a crash skips it), so the first use in a process removes the folders of test
/// processes that are no longer running.
public enum TestTemporary {
    /// The folder for this process, with a trailing slash, as `NSTemporaryDirectory()` has.
    public static let root: String = {
        let base = NSTemporaryDirectory()
        let prefix = "advisor-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: base + name)
            }
        }
        let folder = base + prefix + String(getpid()) + "/"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()
}
