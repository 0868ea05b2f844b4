/// The `recommend --format json` document, schema 2. Keys appear in a fixed order and numbers
/// in a fixed format, so the same inputs give byte-identical output.
public enum JSONReport {
    public static let schemaVersion = 2

    public static func render(_ consultation: Consultation, analysis: DecisionAnalysis? = nil,
                              pairwise: PairwiseJudgements? = nil) -> String {
        String(decoding: renderUTF8(consultation, analysis: analysis, pairwise: pairwise), as: UTF8.self)
    }

    /// The same document as UTF-8 bytes, without turning megabytes into a `String` (which checks
    /// every byte again) only to write them out.
    public static func renderUTF8(_ consultation: Consultation, analysis: DecisionAnalysis? = nil,
                                  pairwise: PairwiseJudgements? = nil) -> [UInt8] {
        renderBytes(consultation, analysis: analysis, pairwise: pairwise).array
    }

    /// The same bytes, where they were written: `recommend` writes them out from there, where a
    /// copy into an array held the report twice at the end of the run (11 MB more at 100,000 rules).
    public static func renderBytes(_ consultation: Consultation, analysis: DecisionAnalysis? = nil,
                                   pairwise: PairwiseJudgements? = nil) -> ReportBytes {
        let c = consultation
        let knowledge = c.knowledge
        // About 120 bytes per contribution and 360 per fired rule (its entry, its trace and the facts
        // it asserts), with room to spare: one allocation, never a doubling that copies megabytes
        // and holds both copies at once. Room reserved and not written costs no memory.
        var w = JSONWriter(capacity: 8192 + 160 * c.ranking.count * knowledge.criteria.count + 440 * c.firings.count)
        write(c, analysis: analysis, pairwise: pairwise, into: &w)
        return ReportBytes(w.output)
    }

    /// The same document handed to `sink` 64 KB at a time, so that a report of megabytes never
    /// sits whole in memory (every page a process touches costs it a few microseconds); false if
    /// the sink refused any part.
    public static func stream(_ consultation: Consultation, analysis: DecisionAnalysis? = nil,
                              pairwise: PairwiseJudgements? = nil, chunk: Int = 64 * 1024,
                              to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var w = JSONWriter(chunk: chunk, sink: sink)
        write(consultation, analysis: analysis, pairwise: pairwise, into: &w)
        return w.finish()
    }

    private static func write(_ c: Consultation, analysis: DecisionAnalysis?, pairwise: PairwiseJudgements?,
                              into w: inout JSONWriter) {
        let knowledge = c.knowledge
        w.beginObject()
        w.member("schema", Double(schemaVersion))
        w.key("recommendation")
        if let winner = c.winner { w.string(winner.framework) } else { w.null() }
        w.key("ranking")
        w.beginArray()
        for scored in c.ranking {
            w.beginObject()
            w.member("framework", scored.framework)
            w.member("name", scored.name)
            w.member("score", scored.score)
            w.member("rank", Double(scored.rank))
            w.key("contributions")
            w.beginArray()
            for contribution in scored.contributions {
                w.beginObject()
                w.member("criterion", contribution.criterion)
                w.member("weight", contribution.weight)
                w.member("rating", contribution.rating)
                w.member("points", contribution.points)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("excluded")
        w.beginArray()
        for item in c.excluded {
            w.beginObject()
            w.member("framework", item.framework)
            w.member("reason", item.reason)
            w.member("rule", item.rule)
            // The score it would have had, as Markdown and `explain` show it.
            if let would = c.unrankedScore(item.framework) { w.member("wouldScore", would.score) }
            w.endObject()
        }
        w.endArray()
        w.key("notes")
        w.beginArray()
        for note in c.notes {
            w.beginObject()
            w.member("rule", note.rule)
            w.member("text", note.text)
            w.member("source", note.source)
            w.endObject()
        }
        w.endArray()
        w.key("wanted")
        w.beginArray()
        for capability in c.wanted { w.string(capability) }
        w.endArray()
        w.key("weights")
        w.beginArray()
        for weight in c.weights {
            w.beginObject()
            w.member("criterion", weight.criterion)
            w.member("weight", weight.final)
            w.member("base", weight.base)
            w.key("changedBy")
            w.beginArray()
            for rule in weight.changedBy { w.string(rule) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("firedRules")
        w.beginArray()
        for index in knowledge.plan.inIDOrder(c.firings.map(\.ruleIndex)) {
            w.beginObject()
            let texts = knowledge.ruleTexts(at: index)
            w.member("id", knowledge.plan.ruleIDs[index])
            w.member("because", texts.because)
            w.member("source", texts.source)
            w.endObject()
        }
        w.endArray()
        w.key("answers")
        w.beginObject()
        for answer in c.answers.ordered(by: knowledge) {
            w.key(string: answer.question.id)
            w.value(.answer(answer.value))
        }
        w.endObject()
        w.key("ignoredAnswers")
        w.beginArray()
        for ignored in c.ignored {
            w.beginObject()
            w.member("question", ignored.question)
            w.key("value")
            w.value(.answer(ignored.value))
            w.member("askIf", ignored.condition)
            w.endObject()
        }
        w.endArray()
        w.key("trace")
        trace(c, &w)
        for (name, value) in (pairwise.map { [("pairwise", $0.json)] } ?? []) + (analysis?.jsonMembers ?? []) {
            w.key(string: name)
            w.value(value)
        }
        w.key("knowledge")
        w.beginObject()
        w.member("name", knowledge.info.name)
        w.member("version", knowledge.info.version)
        w.member("digest", knowledge.digest)
        for (name, value) in overlayMembers(knowledge) {
            w.key(string: name)
            w.value(value)
        }
        w.endObject()
        w.endObject()
        w.newline()
    }

    /// Every firing with what supported it, and every weight and rating change as before → after.
    static func trace(_ c: Consultation, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("firings")
        w.beginArray()
        for firing in c.firings {
            w.beginObject()
            w.member("rule", firing.rule)
            w.member("stratum", Double(firing.stratum))
            w.key("support")
            w.beginArray()
            for support in firing.support {
                w.beginObject()
                switch support {
                case .answer(let question, let value):
                    w.member("answer", question)
                    w.key("value")
                    w.value(.answer(value))
                case .fact(let name):
                    w.member("fact", name)
                }
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("weightChanges")
        w.beginArray()
        for weight in c.weights {
            for step in weight.steps {
                w.beginObject()
                w.member("criterion", weight.criterion)
                switch step.origin {
                case .rule(let id): w.member("by", id)
                case .override: w.member("by", "--weight")
                case .bound: w.member("by", "weight-bounds")
                }
                w.key("change")
                w.string(prefix: step.signed.sign, number: step.signed.magnitude)
                w.member("before", step.before)
                w.member("after", step.after)
                w.endObject()
            }
        }
        w.endArray()
        w.key("ratingChanges")
        w.beginArray()
        for (f, framework) in c.knowledge.frameworkIDs.enumerated() {
            for rating in c.ratings[f] {
                for step in rating.steps {
                    w.beginObject()
                    w.member("framework", framework)
                    w.member("criterion", rating.criterion)
                    w.member("by", step.rule)
                    w.key("change")
                    w.string(prefix: step.change.signed.sign, number: step.change.signed.magnitude)
                    w.member("before", step.before)
                    w.member("after", step.after)
                    w.endObject()
                }
            }
        }
        w.endArray()
        w.key("facts")
        w.beginObject()
        for (index, name) in c.knowledge.facts.enumerated() {
            w.key(string: name)
            w.string(c.facts[index].description)
        }
        w.endObject()
        w.endObject()
    }

    /// `overlays` and `overrides`, present only when the knowledge was loaded with overlays.
    static func overlayMembers(_ k: KnowledgeBase) -> [(String, JSONValue)] {
        guard !k.overlays.isEmpty || !k.overrides.isEmpty else { return [] }
        let overlays: [JSONValue] = k.overlays.map { layer in
            .object([("name", .string(layer.name)), ("origin", .string(layer.origin)),
                     ("title", layer.info.map { .string($0.name) } ?? .null),
                     ("version", layer.info.map { .string($0.version) } ?? .null)])
        }
        let overrides: [JSONValue] = k.overrides.map { item in
            var members: [(String, JSONValue)] = []
            switch item.target {
            case .rating(let framework, let criterion):
                members = [("kind", .string("rating")), ("framework", .string(framework)),
                           ("criterion", .string(criterion))]
            case .weight(let criterion):
                members = [("kind", .string("weight")), ("criterion", .string(criterion))]
            }
            members += [
                ("previous", item.previous.map { .number($0) } ?? .null),
                ("value", .number(item.value)),
                ("overlay", .string(item.layer)),
                ("at", .string(item.location.fileAndLine)),
                ("provenance", .string(item.phrase)),
                ("why", .string(item.citation.why)),
                ("source", .string(item.citation.source)),
            ]
            return .object(members)
        }
        return [("overlays", .array(overlays)), ("overrides", .array(overrides))]
    }
}
