/// Emits the shipped knowledge's YAML files as Swift string literals, so that an overlay can be
/// laid over the built-in knowledge (and `advisor validate` can show source lines) without a
/// `Knowledge/` directory at hand.
extension KnowledgeArchive {
    /// A Swift declaration `enum <typeName> { static let files: [(String, String, String)] }`
    /// holding each file's path, path relative to the knowledge directory, and text.
    public static func swiftFilesSource(_ files: KnowledgeFiles, typeName: String) -> String {
        var out = SwiftEmitter()
        out.line("enum \(typeName) {")
        out.line("    // swiftlint:disable all")
        out.line("    static let files: [(path: String, relativePath: String, text: String)] = [")
        for file in files.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            out.line("        (\(q(file.path)), \(q(file.relativePath)), \(q(text))),")
        }
        out.line("    ]")
        out.line("}")
        return out.text
    }
}
