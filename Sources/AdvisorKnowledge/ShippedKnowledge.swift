import AdvisorCore

/// The knowledge base shipped with the advisor, validated at build time and embedded in the binary
/// as code that rebuilds it (see `KnowledgeArchive.swiftSource`).
public enum ShippedKnowledge {
    /// The embedded knowledge base. Building it takes microseconds; it can't fail at run time,
    /// because the build validated it.
    public static func load() throws -> KnowledgeBase {
        EmbeddedKnowledgeData.make()
    }
}
