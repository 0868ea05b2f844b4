@testable import AdvisorCore
import AdvisorSynth
import Foundation
import Testing
import TestSupport
import Yams

/// The fast YAML composer builds the same trees as Yams (values, styles and positions), and
/// hands every case it doesn't handle exactly back to Yams, whose trees convert to the same
/// loader trees.
@Suite("Fast YAML composer")
struct FastComposerTests {
    /// Every node of a Yams tree with its position and scalar style, depth-first.
    func dump(_ node: Node, into out: inout [String]) {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar): out.append("\(mark) scalar \(scalar.style) \(scalar.string.debugDescription)")
        case .sequence(let sequence):
            out.append("\(mark) sequence \(sequence.count)")
            for item in sequence { dump(item, into: &out) }
        case .mapping(let mapping):
            out.append("\(mark) mapping \(mapping.count)")
            for (key, value) in mapping { dump(key, into: &out); dump(value, into: &out) }
        case .alias: out.append("\(mark) alias")
        }
    }

    /// The same for the loader's own tree.
    func dump(_ node: YAMLNode, into out: inout [String]) {
        let mark = "\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar): out.append("\(mark) scalar \(scalar.style) \(scalar.string.debugDescription)")
        case .sequence(let sequence):
            out.append("\(mark) sequence \(sequence.count)")
            for item in sequence { dump(item, into: &out) }
        case .mapping(let mapping):
            out.append("\(mark) mapping \(mapping.count)")
            for (key, value) in mapping { dump(key, into: &out); dump(value, into: &out) }
        }
    }

    /// The tree Yams composes, as the loader's fallback path parses it.
    func yamsTree(_ text: String) throws -> [String] {
        var out: [String] = []
        guard let root = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        else { return out }
        dump(root, into: &out)
        return out
    }

    /// Yams' tree converted to the loader's.
    func convertedTree(_ text: String) throws -> [String] {
        var out: [String] = []
        guard case .root(let root) = try YAMLDocument.compose(text) else { return out }
        dump(root, into: &out)
        return out
    }

    func fastTree(_ text: String) -> [String]? {
        guard case .root(let root) = FastComposer.compose(text) else { return nil }
        var out: [String] = []
        dump(root, into: &out)
        return out
    }

    @Test("the shipped knowledge files compose to the same trees")
    func shippedFiles() throws {
        let root = CommandRunner.packageRoot + "/Knowledge"
        let files = try KnowledgeFiles.read(directory: root).files
        #expect(files.count >= 5)
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let fast = try #require(fastTree(text), "fell back on \(file.relativePath)")
            let yams = try yamsTree(text)
            #expect(fast == yams, "\(file.relativePath)")
            #expect(try convertedTree(text) == yams, "\(file.relativePath)")
        }
    }

    @Test("a generated rules file composes to the same tree")
    func generated() throws {
        let folder = TestTemporary.root + "advisor-fast-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let layout = try SyntheticWorkload(.init(rules: 300, options: 5, criteria: 4)).write(to: folder)
        for file in try KnowledgeFiles.read(directory: layout.knowledge).files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(fastTree(text) == (try yamsTree(text)))
        }
    }

    @Test("quoting styles, block scalars, flow collections and Unicode keep their values and positions")
    func styles() throws {
        let text = """
            a: plain
            "b": 'single ''quoted'''
            c: "double \\t \\u00e9"
            d: |
              literal
              block
            e: >
              folded
              text
            f: [1, {g: h}, [i]]
            é: ünïcödé
            empty:
            list:
              - one
              -   two
            """
        let fast = try #require(fastTree(text))
        let yams = try yamsTree(text)
        #expect(fast == yams)
        #expect(try convertedTree(text) == yams)
        #expect(fast.contains("14:5 scalar plain \"one\""))
        #expect(fast.contains(#"2:6 scalar singleQuoted "single \'quoted\'""#))
        #expect(fast.contains("4:4 scalar literal \"literal\\nblock\\n\""))
    }

    @Test("what the fast path doesn't handle goes back to Yams", arguments: [
        "a: &x 1\nb: *x\n",           // anchors and aliases
        "a: 1\na: 2\n",               // duplicate keys
        "a: [1, 2\n",                 // a syntax error
        "<<: {a: 1}\n",               // a merge key
        "a: !!int 3\n",               // an explicit tag
        "? [a]\n: b\n",               // a key that isn't a scalar
        "a: 1\n---\nb: 2\n",          // two documents
    ])
    func fallback(_ text: String) {
        guard case .fallback = FastComposer.compose(text) else {
            Issue.record("expected a fallback for \(text.debugDescription)")
            return
        }
    }

    @Test("nesting beyond the loader's limit falls back, so Yams' path reports it")
    func deepNesting() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        guard case .fallback = FastComposer.compose(deep) else {
            Issue.record("expected a fallback")
            return
        }
        let shallow = String(repeating: "[", count: 5) + String(repeating: "]", count: 5)
        guard case .root = FastComposer.compose(shallow) else {
            Issue.record("expected a tree")
            return
        }
    }
}
