/// The HTML report's stylesheet: system fonts only, readable on screen, and a print layout.
extension HTMLReport {
    static let stylesheet = """
        :root {
          --ink: #1d2330; --muted: #5b6475; --rule: #d8dde6; --accent: #2f6fdb; --paper: #ffffff;
          --good: #1f7a3d; --neutral: #7a6a1f; --bad: #b3261e; --shade: #f3f5f9;
        }
        * { box-sizing: border-box; }
        html { background: var(--shade); }
        body {
          margin: 0; color: var(--ink); background: var(--shade);
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        main {
          max-width: 52rem; margin: 2rem auto; padding: 2rem 2.5rem; background: var(--paper);
          border: 1px solid var(--rule); border-radius: 8px;
        }
        header { border-bottom: 2px solid var(--rule); margin-bottom: 1.5rem; }
        .kind { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; }
        h1 { margin: .2rem 0 .8rem; font-size: 1.9rem; line-height: 1.2; }
        h2 { margin: 2rem 0 .6rem; font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
        h3 { margin: 1.4rem 0 .4rem; font-size: 1.1rem; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
        dl.meta dt { color: var(--muted); }
        dl.meta dd { margin: 0; }
        .status { background: #fff4d6; border: 1px solid #e8c96a; border-radius: 4px; padding: 0 .4rem; }
        p.chosen { font-size: 1.08rem; }
        p.note { color: var(--muted); }
        li { margin: .25rem 0; }
        p, li, dd { overflow-wrap: break-word; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
        code { font-size: .88em; background: var(--shade); padding: 0 .2em; border-radius: 3px; }
        pre { background: var(--shade); padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; }
        pre code { background: none; padding: 0; }
        a { color: var(--accent); }
        ul.arguments { list-style: none; padding-left: 0; }
        ul.arguments li { padding-left: .8rem; border-left: 4px solid var(--rule); }
        ul.arguments li.good { border-left-color: var(--good); }
        ul.arguments li.neutral { border-left-color: var(--neutral); }
        ul.arguments li.bad { border-left-color: var(--bad); }
        .verdict { font-weight: 600; }
        li.good .verdict { color: var(--good); }
        li.neutral .verdict { color: var(--neutral); }
        li.bad .verdict { color: var(--bad); }
        article.option { margin-bottom: 1.2rem; }
        table { border-collapse: collapse; margin: .8rem 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: .25rem .7rem; text-align: left; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; }
        figcaption { color: var(--muted); font-size: .85rem; }
        svg.chart { max-width: 100%; height: auto; font-family: inherit; }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg .tick { fill: var(--muted); font-size: 11px; }
        svg .label { fill: var(--ink); font-size: 13px; }
        svg .label.winner { font-weight: 700; }
        svg .bar { fill: #9aa7bd; }
        svg .bar.winner { fill: var(--accent); }
        svg .bar.out { fill: none; stroke: var(--bad); stroke-dasharray: 4 3; }
        svg .value { fill: var(--ink); font-size: 12px; }
        svg .value.out { fill: var(--bad); }
        svg .segment { stroke: var(--paper); stroke-width: 1; }
        svg .legend { fill: var(--ink); font-size: 11px; }
        svg .rank-segment { stroke: var(--paper); stroke-width: 1; }
        svg .share { fill: var(--ink); font-size: 11px; }
        svg .share.first { fill: #ffffff; font-weight: 600; }
        svg .swatch { stroke: var(--muted); stroke-width: .5; }
        svg, .status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media (max-width: 40rem) {
          body { font-size: 15px; }
          main { margin: 0; padding: 1rem .9rem; border: none; border-radius: 0; }
          h1 { font-size: 1.5rem; }
          table { width: 100%; font-size: .75rem; }
          th, td { padding: .2rem .3rem; }
          th { vertical-align: bottom; }
          table.points th.num { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; white-space: nowrap; }
          pre { white-space: pre-wrap; }
        }
        @media print {
          html, body { background: none; }
          body { font-size: 10pt; line-height: 1.45; }
          main { max-width: none; margin: 0; padding: 0; border: none; }
          h2 { margin: 1.4rem 0 .5rem; }
          h3 { margin: 1rem 0 .3rem; }
          li { margin: .12rem 0; }
          h2, h3 { break-after: avoid; }
          figure, tr, pre, li { break-inside: avoid; }
          p { orphans: 3; widows: 3; }
          a { color: inherit; text-decoration: none; }
          pre { white-space: pre-wrap; border: 1px solid var(--rule); }
        }
        @page { margin: 14mm 14mm; }
        """
}
