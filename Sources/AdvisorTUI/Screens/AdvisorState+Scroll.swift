import AdvisorCore

// MARK: - Keeping scroll offsets in range

extension AdvisorState {
    /// The largest useful scroll offset for what is on screen: a scrolling overlay, the team
    /// comparison, or the results detail.
    var maximumScroll: Int {
        guard size.fits(.minimum) else { return 0 }
        if overlay == .why || overlay == .sensitivity || overlay == .compare {
            let linesWidth = ScrollingOverlay.width(for: size.width)
            let count = switch overlay {
            case .why: WhyOverlay.lines(self, width: linesWidth, unicode: unicode).count
            case .compare: CompareOverlay.lines(self, width: linesWidth, unicode: unicode).count
            default: SensitivityOverlay.lines(self, width: linesWidth, unicode: unicode).count
            }
            let frameHeight = min(size.height - 4, count + 4) - 4
            return count > frameHeight ? count - (frameHeight - 1) : 0
        }
        if overlay == .team, let form = teamForm {
            let layout = TeamOverlay.Layout(size: size, form: form, unicode: unicode)
            let count = TeamOverlay.lines(self, width: layout.contentWidth, unicode: unicode).count
            return count > layout.comparisonHeight ? count - (layout.comparisonHeight - 1) : 0
        }
        guard screen == .results, resultsOrder.indices.contains(cursor) else { return 0 }
        // The same layout drawing uses, verdict and "What would change it" included.
        let layout = ResultsLayout(size: size, frameworks: resultsOrder.count, insight: resultsInsight, unicode: unicode)
        let count = ResultsDetail.lines(for: resultsOrder[cursor], in: consultation, width: layout.detailWidth,
                                        unicode: unicode).count
        let height = layout.detailBottom - layout.detailTop
        return count > height ? count - (height - 1) : 0
    }

    /// Pulls the scroll offset back into range after a key.
    mutating func clampScroll() {
        guard scroll > 0 else { return }
        scroll = min(scroll, maximumScroll)
    }
}
