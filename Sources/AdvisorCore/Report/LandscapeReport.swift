/// `advisor knowledge landscape`: the answer space as text for people, or JSON for scripts.
public enum LandscapeReport {
    public static func json(_ l: Landscape, knowledge k: KnowledgeBase) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.member("method", l.method.rawValue)
        w.member("profiles", Double(l.profiles))
        for (key, shares) in [("winShare", l.winShare), ("winShareWithKnockOuts", l.winShareWithKnockOuts)] {
            w.key(string: key)
            w.beginObject()
            for (f, share) in zip(l.frameworks, shares) { w.key(string: f); w.number(share.fraction) }
            w.endObject()
            w.key(string: key + "Interval")
            w.beginObject()
            for (f, share) in zip(l.frameworks, shares) {
                w.key(string: f)
                w.beginArray()
                w.number(share.low)
                w.number(share.high)
                w.endArray()
            }
            w.endObject()
        }
        w.key("examples")
        w.beginObject()
        for (f, example) in zip(l.frameworks, l.examples) {
            w.key(string: f)
            guard let example else { w.null(); continue }
            w.beginObject()
            for answer in example.ordered(by: k) {
                w.key(string: answer.question.id)
                w.value(.answer(answer.value))
            }
            w.endObject()
        }
        w.endObject()
        w.key("maxWeightShare")
        w.beginObject()
        for (c, share) in zip(l.criteria, l.maxWeightShare) { w.key(string: c); w.number(share) }
        w.endObject()
        w.key("questionSwing")
        w.beginObject()
        for (q, swing) in zip(l.questions, l.questionSwing) { w.key(string: q); w.number(swing) }
        w.endObject()
        w.member("swingProfiles", Double(l.swingProfiles))
        w.endObject()
        w.newline()
        return w.text
    }

    public static func text(_ l: Landscape, knowledge k: KnowledgeBase) -> String {
        let safe = { (text: String) in TextSanitizer.inert(text) }
        var lines: [String] = []
        let how = l.method == .exhaustive
            ? "every one of the \(Format.grouped(l.profiles)) answered profiles"
            : "a uniform sample of \(Format.grouped(l.profiles)) answered profiles, with 95% intervals"
        lines.append("Answer landscape: \(how).")
        lines.append("")
        lines.append("Wins without knock-outs, and with the hard requirements the answers call for:")
        let names = l.frameworks.map { safe(k.framework($0)?.name ?? $0) }
        let width = max(9, names.map(\.count).max() ?? 9)
        for (index, name) in names.enumerated() {
            let plain = l.winShare[index], knocked = l.winShareWithKnockOuts[index]
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                         + percent(plain, exhaustive: l.method == .exhaustive) + "   with knock-outs "
                         + percent(knocked, exhaustive: l.method == .exhaustive))
        }
        lines.append("")
        lines.append("A profile each framework wins (advisor recommend with these answers names it):")
        for (index, name) in names.enumerated() {
            guard let example = l.examples[index] else {
                lines.append("  \(name): none seen")
                continue
            }
            let answers = example.ordered(by: k).map { "--answer \($0.question.id)=\(safe($0.value.text))" }
            lines.append("  \(name): " + answers.joined(separator: " "))
        }
        lines.append("")
        lines.append("Largest share of the total weight each criterion reaches in any profile:")
        let order = l.criteria.indices.sorted { l.maxWeightShare[$0] > l.maxWeightShare[$1] }
        for c in order {
            lines.append("  " + Format.fixed(100 * l.maxWeightShare[c], decimals: 1).leftPadded(to: 5) + "%  "
                         + safe(k.criterion(l.criteria[c])?.name ?? l.criteria[c]))
        }
        lines.append("")
        lines.append("Largest change in the winner's margin from changing one answer (points, knock-outs aside, over "
                     + "\(Format.grouped(l.swingProfiles)) profiles):")
        for q in l.questions.indices.sorted(by: { l.questionSwing[$0] > l.questionSwing[$1] }) {
            lines.append("  " + Format.fixed(l.questionSwing[q], decimals: 1).leftPadded(to: 5) + "  " + l.questions[q])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ share: Landscape.Share, exhaustive: Bool) -> String {
        let value = Format.fixed(100 * share.fraction, decimals: 2).leftPadded(to: 6) + "%"
        guard !exhaustive else { return value }
        return value + " (" + Format.fixed(100 * share.low, decimals: 2) + "–" + Format.fixed(100 * share.high, decimals: 2)
            + "%)"
    }
}
