// MARK: - Compiler-style rendering

extension Diagnostic {
    /// The diagnostic as a compiler prints it:
    ///
    ///     Knowledge/rules.yaml:12:11: error: unknown question 'projct_type'; did you mean 'project_type'?
    ///       when: projct_type == "api"
    ///             ^
    ///
    /// The source line is shown only when its text is known. Control characters from the
    /// file are made visible so that a diagnostic can never drive the terminal.
    public func rendered(with sources: SourceTexts) -> String {
        var text = ""
        if let location {
            text += "\(location): "
        }
        text += "\(severity.rawValue): \(TextSanitizer.inert(message))"
        if let location, let line = sources.line(location.line, of: location.file) {
            let shown = TextSanitizer.inert(line.replacingTabs())
            text += "\n" + shown + "\n" + caretLine(for: line, column: location.column)
        }
        return text
    }

    private func caretLine(for line: String, column: Int) -> String {
        // Columns count Unicode scalars; tabs are shown as single spaces.
        let padding = max(0, min(column - 1, line.unicodeScalars.count))
        return String(repeating: " ", count: padding) + "^"
    }
}

extension DiagnosticError {
    /// Every diagnostic rendered, one after another, then a count line such as `2 errors`.
    public func rendered() -> String {
        var parts = diagnostics.map { $0.rendered(with: sources) }
        let errors = errorCount
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var summary: [String] = []
        if errors > 0 { summary.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { summary.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        if !summary.isEmpty { parts.append(summary.joined(separator: ", ") + " generated.") }
        return parts.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}
