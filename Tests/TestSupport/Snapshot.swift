import Foundation
import Testing

/// Compares `text` with the golden file `name` under `directory`. When `RECORD_SNAPSHOTS` is set
/// (to anything), or the golden file doesn't exist yet, it writes the file instead, and the
/// test records an issue so a recording run is never mistaken for a passing one.
public func assertSnapshot(_ text: String, named name: String, in directory: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let path = directory + "/" + name
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Issue.record("cannot record snapshot \(path): \(error)", sourceLocation: sourceLocation)
            return
        }
        Issue.record("recorded snapshot \(name); run again without RECORD_SNAPSHOTS to compare",
                     sourceLocation: sourceLocation)
        return
    }
    guard let existing, existing != text else { return }
    let expected = existing.split(separator: "\n", omittingEmptySubsequences: false)
    let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expected.count, actual.count) {
        let e = index < expected.count ? String(expected[index]) : "<none>"
        let a = index < actual.count ? String(actual[index]) : "<none>"
        if e != a { diff.append("line \(index + 1):\n  expected: \(e)\n  actual:   \(a)") }
        if diff.count >= 8 { break }
    }
    let message = "snapshot \(name) differs (RECORD_SNAPSHOTS=1 to re-record):\n" + diff.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The test target's folder of snapshots, `Tests/<target>/__Snapshots__`, wherever in the target's
/// subfolders the calling test file lives.
public func snapshotDirectory(for filePath: String = #filePath) -> String {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.deletingLastPathComponent().lastPathComponent != "Tests", url.path != "/" {
        url.deleteLastPathComponent()
    }
    return url.path + "/__Snapshots__"
}
