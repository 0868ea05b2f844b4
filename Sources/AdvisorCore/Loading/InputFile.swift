import Foundation

/// A file the user names as input (an answers file, a pairwise file): what is said when it is
/// not there to read. `advisor recommend` and `team` exit 66 with it; the TUI shows it in its form.
public enum InputFile {
    /// "answers file 'x' does not exist" or "… is a directory"; nil when a file is there.
    public static func absence(of path: String, kind: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return "\(kind) '\(path)' does not exist"
        }
        return isDirectory.boolValue ? "\(kind) '\(path)' is a directory" : nil
    }
}
