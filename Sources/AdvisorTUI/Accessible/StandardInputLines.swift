/// Lines typed on standard input (a terminal in line mode, or a pipe).
public struct StandardInputLines: LineSource {
    public init() {}

    public mutating func nextLine() -> String? {
        readLine(strippingNewline: true)
    }
}
