/// The name and version of a knowledge base, shown on the welcome screen and in reports.
public struct KnowledgeInfo: Hashable, Sendable, Codable {
    public var name: String
    public var version: String
    public var description: String

    public init(name: String, version: String, description: String) {
        self.name = name
        self.version = version
        self.description = description
    }
}
