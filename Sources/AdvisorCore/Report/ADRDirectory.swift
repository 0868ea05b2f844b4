import Foundation

/// A folder of architecture decision records numbered the way adr-tools numbers them: the next
/// record takes the highest number that starts any file name in the folder, plus one (gaps are
/// left alone), written with four digits, as in `0004-use-fastapi.md`.
public enum ADRDirectory {
    /// The number the next record in `directory` takes.
    public static func nextNumber(in directory: String) throws(AtomicFile.Failure) -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .cannotCreate("ADR folder '\(directory)' does not exist")
        }
        guard isDirectory.boolValue else { throw .cannotCreate("ADR folder '\(directory)' is not a folder") }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .io("cannot read ADR folder '\(directory)'")
        }
        return (names.compactMap(number(of:)).max() ?? 0) + 1
    }

    /// The number a file name starts with, as adr-tools reads it (`0012-foo.md` → 12), if any.
    public static func number(of name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        // Leading zeros don't count; very long runs of digits are not record numbers.
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 9 else { return nil }
        return Int(significant) ?? 0
    }

    /// `NNNN-use-<winner>.md`, or `NNNN-no-framework-fits.md` when nothing was chosen.
    public static func fileName(number: Int, winner: String?) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        let slug = winner.map { "use-" + self.slug($0) } ?? "no-framework-fits"
        return "\(padded)-\(slug).md"
    }

    /// Lowercase ASCII letters and digits, every other run of characters turned into one `-`.
    public static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "framework" : result
    }

    /// Writes `bytes` as the next record in `directory` and returns its path. Advisors writing into
    /// one folder at once take turns through a lock on the folder, and each record is created
    /// exclusively, so a number already taken (by a writer that ignores the lock) moves the record
    /// on to the next number rather than replacing it.
    public static func writeNext(_ bytes: [UInt8], in directory: String, winner: String?) throws(AtomicFile.Failure)
        -> String {
        _ = try nextNumber(in: directory)
        let lock = open(directory, O_RDONLY | O_CLOEXEC)
        if lock >= 0 {
            while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        }
        defer { if lock >= 0 { close(lock) } }
        var attempts = 0
        while true {
            let path = try nextPath(in: directory, winner: winner)
            do {
                try AtomicFile.write(bytes: bytes, to: path, overwrite: false)
                return path
            } catch .exists(let message) {
                attempts += 1
                if attempts >= 100 { throw .cannotCreate(message) }
            }
        }
    }

    /// The path of the next record in `directory` for `winner`.
    public static func nextPath(in directory: String, winner: String?) throws(AtomicFile.Failure) -> String {
        let name = fileName(number: try nextNumber(in: directory), winner: winner)
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
