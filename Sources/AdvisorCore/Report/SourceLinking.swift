/// Something that resolves a cited source's id to the web address a renderer may link to: the
/// decision record, or the knowledge report. Lets the Markdown and HTML helpers serve both.
protocol SourceLinking {
    /// The source's `http` or `https` address, or nil when it has none (or another scheme).
    func address(of source: String) -> String?
}

extension DecisionRecord: SourceLinking {}
