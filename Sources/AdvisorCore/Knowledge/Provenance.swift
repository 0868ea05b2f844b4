/// One layer of a knowledge base: the base, or an overlay laid over it with `--knowledge`.
public struct KnowledgeLayer: Hashable, Sendable, Codable {
    /// The layer's short name: the directory's last path component (`acme`), or `built-in`.
    public var name: String
    /// The directory as given, or `built-in` for the knowledge embedded in the advisor.
    public var origin: String
    /// The layer's own `knowledge:` block, if it has one.
    public var info: KnowledgeInfo?
    /// False for the first layer (the base), true for every layer laid over it.
    public var isOverlay: Bool

    public init(name: String, origin: String, info: KnowledgeInfo? = nil, isOverlay: Bool) {
        self.name = name
        self.origin = origin
        self.info = info
        self.isOverlay = isOverlay
    }

    /// `acme (Acme platform rules 2026.11)`, or just `acme`.
    public var title: String {
        guard let info else { return name }
        return "\(name) (\(info.name) \(info.version))"
    }
}

/// A rating or base weight that an overlay set by id, with where it came from.
public struct KnowledgeOverride: Hashable, Sendable, Codable {
    public enum Target: Hashable, Sendable, Codable {
        /// One framework's rating on one criterion.
        case rating(framework: String, criterion: String)
        /// A criterion's base weight.
        case weight(criterion: String)
    }

    public var target: Target
    /// The value before the overlay, or nil when the overlay adds a rating that didn't exist
    /// (for a criterion the overlay introduces).
    public var previous: Double?
    /// Where the previous value was set: a base file or an earlier overlay.
    public var previousLocation: SourceLocation?
    public var value: Double
    public var citation: Citation
    /// The overlay's name (its directory's last path component).
    public var layer: String
    /// Where the override is written, the path relative to the overlay's parent: `acme/ratings.yaml:14:5`.
    public var location: SourceLocation

    public init(target: Target, previous: Double?, previousLocation: SourceLocation?, value: Double,
                citation: Citation, layer: String, location: SourceLocation) {
        self.target = target
        self.previous = previous
        self.previousLocation = previousLocation
        self.value = value
        self.citation = citation
        self.layer = layer
        self.location = location
    }

    /// `rating overridden by overlay acme/ratings.yaml:14`, or `rating added by …`, `weight overridden by …`.
    public var phrase: String {
        let what = switch target {
        case .rating: "rating"
        case .weight: "weight"
        }
        return "\(what) \(previous == nil ? "added" : "overridden") by overlay \(location.fileAndLine)"
    }

    /// `3 → 5`, or `5` when the overlay added the value.
    public var change: String {
        guard let previous else { return Format.number(value) }
        return "\(Format.number(previous)) → \(Format.number(value))"
    }
}

extension KnowledgeBase {
    /// The overlay that set `framework`'s rating on `criterion`, if one did.
    public func ratingOverride(framework: String, criterion: String) -> KnowledgeOverride? {
        overrides.last { $0.target == .rating(framework: framework, criterion: criterion) }
    }

    /// The overlay that set `criterion`'s base weight, if one did.
    public func weightOverride(criterion: String) -> KnowledgeOverride? {
        overrides.last { $0.target == .weight(criterion: criterion) }
    }

    /// The overlays laid over the base, in order.
    public var overlays: [KnowledgeLayer] { layers.filter(\.isOverlay) }

    /// One line per override, in words: `Django on Team familiarity: 3 → 5, rating overridden by
    /// overlay acme/ratings.yaml:14 (ADR-0012 [acme#adr-0012])`. Empty without overlays.
    public func overrideLines() -> [String] {
        overrides.map { item in
            let subject: String
            switch item.target {
            case .rating(let framework, let criterion):
                let f = self.framework(framework)?.name ?? framework
                let c = self.criterion(criterion)?.name ?? criterion
                subject = "\(f) on \(c)"
            case .weight(let criterion):
                subject = "base weight of \(self.criterion(criterion)?.name ?? criterion)"
            }
            return "\(subject): \(item.change), \(item.phrase): \(item.citation.why) [\(item.citation.source)]"
        }
    }
}
