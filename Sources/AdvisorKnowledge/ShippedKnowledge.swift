import AdvisorCore

/// The knowledge base shipped with the advisor, validated at build time and embedded in the binary.
public enum ShippedKnowledge {
    /// Decodes the embedded knowledge base. This can fail only if the build produced a broken archive.
    public static func load() throws -> KnowledgeBase {
        try KnowledgeArchive.decode(EmbeddedKnowledgeData.payload)
    }
}
