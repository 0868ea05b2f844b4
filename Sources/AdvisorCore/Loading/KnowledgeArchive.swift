/// The compact form of a validated knowledge base that the build embeds into the binary:
/// Swift statements that rebuild it (see `KnowledgeArchive+Swift.swift`).
public enum KnowledgeArchive {}
