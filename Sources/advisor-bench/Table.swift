import AdvisorCore
import Foundation

/// A plain-text table with aligned columns.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    func print() {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }
        Swift.print(line(header))
        Swift.print(widths.enumerated().map { String(repeating: "-", count: $1) + ($0 == widths.count - 1 ? "" : "  ") }.joined())
        for row in rows { Swift.print(line(row)) }
    }
}

func ratio(_ a: Double?, _ b: Double?) -> String {
    guard let a, let b, a > 0 else { return "–" }
    return Format.fixed(b / a, decimals: 1) + "×"
}

func formatTime(_ seconds: Double?) -> String { seconds.map(Clock.format) ?? "–" }

func mib(_ value: Double?) -> String { value.map { Format.fixed($0, decimals: 0) + " MiB" } ?? "–" }
