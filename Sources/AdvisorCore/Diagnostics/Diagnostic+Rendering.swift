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
            let (excerpt, column) = Self.excerpt(of: line, around: location.column)
            text += "\n" + TextSanitizer.inert(excerpt.replacingTabs()) + "\n" + caretLine(for: excerpt, column: column)
        }
        return text
    }

    /// The widest source line shown, in Unicode scalars. A longer line is shown as a window around
    /// the column, with "..." where it was cut, so a one-line 4 MB file gives a readable diagnostic.
    static let maximumExcerpt = 160

    /// The part of `line` to show and the column within it.
    static func excerpt(of line: String, around column: Int) -> (String, Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > maximumExcerpt else { return (line, column) }
        let target = max(0, min(column - 1, scalars.count))
        let half = maximumExcerpt / 2
        let start = max(0, min(target - half, scalars.count - maximumExcerpt))
        let end = min(scalars.count, start + maximumExcerpt)
        var view = String.UnicodeScalarView(scalars[start..<end])
        var shift = start
        if start > 0 { view.insert(contentsOf: "...".unicodeScalars, at: view.startIndex); shift -= 3 }
        if end < scalars.count { view.append(contentsOf: "...".unicodeScalars) }
        return (String(view), column - shift)
    }

    private func caretLine(for line: String, column: Int) -> String {
        // Columns count Unicode scalars; tabs are shown as single spaces.
        let padding = max(0, min(column - 1, line.unicodeScalars.count))
        return String(repeating: " ", count: padding) + "^"
    }
}

extension DiagnosticError {
    /// Every diagnostic rendered, one after another, then a count line such as `2 errors`.
    /// The most diagnostics rendered one by one; past it, one line says how many more there are
    /// (the count line still counts them all), as compilers stop after their error limit.
    public static let maximumShown = 100

    public func rendered() -> String {
        var parts = diagnostics.prefix(Self.maximumShown).map { $0.rendered(with: sources) }
        if diagnostics.count > Self.maximumShown {
            parts.append("note: \(diagnostics.count - Self.maximumShown) more not shown; fix these first")
        }
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
