/// Text attributes a cell can carry. They carry meaning on their own, so a monochrome screen
/// stays readable: the selection is reverse video, headings are bold, secondary text is dim.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let reverse = CellAttributes(rawValue: 1 << 1)
    public static let dim = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// What a cell is for. A colour terminal maps roles to colours; a monochrome one ignores them.
public enum ColorRole: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    /// The title bar and overlay frames.
    case title
    /// The cursor's line and interactive markers.
    case accent
    /// The leading framework, good news.
    case good
    /// Knock-outs and warnings.
    case bad
    /// Score bars of frameworks other than the leader.
    case bar
    /// Section headings.
    case heading

    /// One letter per role, used in snapshot annotations.
    var code: Character {
        switch self {
        case .normal: "n"
        case .title: "t"
        case .accent: "a"
        case .good: "g"
        case .bad: "x"
        case .bar: "b"
        case .heading: "h"
        }
    }
}

/// How a cell looks: attributes plus a colour role.
public struct CellStyle: Hashable, Sendable {
    public var attributes: CellAttributes
    public var role: ColorRole

    public init(_ attributes: CellAttributes = [], role: ColorRole = .normal) {
        self.attributes = attributes
        self.role = role
    }

    public static let plain = CellStyle()
    public static let bold = CellStyle(.bold)
    public static let dim = CellStyle(.dim)
    public static let heading = CellStyle(.bold, role: .heading)

    /// This style with extra attributes.
    public func adding(_ extra: CellAttributes) -> CellStyle {
        CellStyle(attributes.union(extra), role: role)
    }

    /// A compact description for snapshots, such as `bold+reverse/accent`.
    var summary: String {
        var parts: [String] = []
        if attributes.contains(.bold) { parts.append("bold") }
        if attributes.contains(.reverse) { parts.append("reverse") }
        if attributes.contains(.dim) { parts.append("dim") }
        if attributes.contains(.underline) { parts.append("underline") }
        let head = parts.isEmpty ? "plain" : parts.joined(separator: "+")
        return role == .normal ? head : head + "/" + String(describing: role)
    }
}

/// One cell of the screen. A wide character takes its cell and marks the next as a continuation.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: CellStyle
    /// The right half of a wide character: drawn by the cell to its left.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
