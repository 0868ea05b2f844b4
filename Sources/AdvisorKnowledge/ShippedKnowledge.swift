import AdvisorCore

/// The knowledge base shipped with the advisor, validated at build time and embedded in the binary
/// as code that rebuilds it (see `KnowledgeArchive.swiftSource`).
public enum ShippedKnowledge {
    /// The embedded knowledge base. Building it takes microseconds; it can't fail at run time,
    /// because the build validated it.
    public static func load() throws -> KnowledgeBase {
        EmbeddedKnowledgeData.make()
    }

    /// The YAML files the embedded knowledge was built from (paths such as `Knowledge/rules.yaml`),
    /// for laying overlays over it and for showing source lines in diagnostics.
    public static var files: KnowledgeFiles {
        KnowledgeFiles(files: EmbeddedKnowledgeFiles.files.map {
            KnowledgeFiles.File(path: $0.path, relativePath: $0.relativePath, bytes: Array($0.text.utf8))
        })
    }
}
