@testable import AdvisorCore
import AdvisorSynth
import Foundation
import Testing
import TestSupport

/// `recommend` streams a JSON report to standard output 64 KB at a time: the parts, put
/// together, must be the report, whatever the part size, and a sink that stops taking bytes
/// must stop the stream.
struct JSONStreamTests {
    /// A consultation on generated rules, whose report is a few hundred kilobytes.
    static let workload: Consultation? = {
        let workload = SyntheticWorkload(.init(rules: 3_000, options: 30, criteria: 12, seed: 5))
        let root = TestTemporary.root + "advisor-stream-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        guard let layout = try? workload.write(to: root),
              let knowledge = try? KnowledgeLoader.load(directories: [layout.knowledge], limits: .large).knowledge
        else { return nil }
        let answers = Answers(Dictionary(uniqueKeysWithValues: workload.answers.enumerated().map {
            (workload.questionName($0.offset), AnswerValue.one(workload.valueName($0.element)))
        }))
        return Engine.consult(knowledge, answers: answers)
    }()

    @Test("the streamed parts make up the rendered report", arguments: [64, 100, 4_096, 65_536, 1 << 24])
    func sameBytes(chunk: Int) throws {
        let consultation = try #require(Self.workload)
        let whole = JSONReport.renderUTF8(consultation)
        #expect(whole.count > 200_000)
        nonisolated(unsafe) var parts: [[UInt8]] = []
        let complete = JSONReport.stream(consultation, chunk: chunk) { bytes in
            parts.append(Array(bytes))
            return true
        }
        #expect(complete)
        #expect(Array(parts.joined()) == whole)
        // Every part but the last fills its buffer, give or take the token that would not fit (a
        // buffer smaller than a number grows to 128 bytes).
        #expect(parts.count >= whole.count / max(chunk, 64))
        #expect(parts.dropLast().allSatisfy { $0.count <= max(chunk, 128) && $0.count > 0 })
    }

    @Test("a sink that refuses a part gets no more, and the stream reports it")
    func refused() throws {
        let consultation = try #require(Self.workload)
        nonisolated(unsafe) var calls = 0
        let complete = JSONReport.stream(consultation, chunk: 4_096) { _ in
            calls += 1
            return calls < 3
        }
        #expect(!complete)
        #expect(calls == 3)
    }
}
