extension StatisticsReport {
    /// Charts drawn as inline SVG: plain shapes and text, no script, readable printed in black
    /// and white (every bar carries its figure as text) and described for screen readers
    /// (`role="img"` with a `<title>` and a `<desc>` that states every figure).
    enum SVG {
        /// One bar of a bar chart.
        struct Bar {
            var label: String
            var value: Double
            var text: String
        }

        /// One row of a stacked bar chart: a label and a count per series.
        struct StackedRow {
            var label: String
            var values: [Int]
            /// What is written after the bar; the total when empty.
            var note: String = ""
        }

        /// One panel of a set of small histograms.
        struct Histogram {
            var label: String
            var counts: [Int]
        }

        /// Colours that stay distinct for colour-blind readers (Okabe and Ito).
        static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

        static let width = 680
        static let valueWidth = 90
        static let rowHeight = 24

        /// The estimated width in pixels of `text` at 12 px: about 6.8 for a Latin letter, 12
        /// for a wide East Asian character.
        static func textWidth(_ text: String) -> Double {
            Double(TextTable.displayWidth(text)) * 6.8
        }

        /// The room for the labels of a chart: as wide as the longest label, between 80 and
        /// 300 pixels; longer labels are cut to fit and keep their full text in a tooltip.
        static func labelWidth(for labels: [String]) -> Int {
            let widest = labels.map(textWidth).max() ?? 0
            return Int(min(300, max(80, widest + 14)).rounded())
        }

        /// Horizontal bars, one per item, each with its label on the left and its figure on the right.
        /// Bars are scaled to `maximum` (100 for percentages), or to the longest bar when it is `nil`.
        static func horizontalBars(
            id: String, title: String, description: String, bars: [Bar], color: String = palette[0],
            maximum: Double? = nil
        ) -> String {
            let labelWidth = labelWidth(for: bars.map(\.label))
            let plot = width - labelWidth - valueWidth
            let height = max(1, bars.count) * rowHeight + 16
            var body = ""
            if bars.isEmpty {
                body += emptyText(x: labelWidth, y: 28)
            }
            let top = maximum ?? bars.map(\.value).max() ?? 0
            for (index, bar) in bars.enumerated() {
                let y = 8 + index * rowHeight
                let length = top > 0 ? Int((bar.value / top * Double(plot)).rounded()) : 0
                body +=
                    "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(escape(shortened(bar.label, toPixels: labelWidth - 12)))</text>"
                body +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"16\" fill=\"\(color)\"><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>"
                body += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 16)\">\(escape(bar.text))</text>"
            }
            body +=
                "<line x1=\"\(labelWidth)\" y1=\"4\" x2=\"\(labelWidth)\" y2=\"\(height - 8)\" stroke=\"#333\" stroke-width=\"1\"/>"
            return frame(id: id, title: title, description: description, height: height, body: body)
        }

        /// Horizontal bars split into coloured parts, one part per series, with a legend.
        static func stackedBars(
            id: String, title: String, description: String, series: [(name: String, color: String)], rows: [StackedRow]
        ) -> String {
            let labelWidth = labelWidth(for: rows.map(\.label))
            // Room after the bars for a note such as "12 concluded, 3 overdue".
            let plot = width - labelWidth - 170
            let legendHeight = 28
            let height = legendHeight + max(1, rows.count) * rowHeight + 16
            var body = legend(series: series)
            if rows.isEmpty {
                body += emptyText(x: labelWidth, y: legendHeight + 24)
            }
            let top = rows.map { $0.values.reduce(0, +) }.max() ?? 0
            for (index, row) in rows.enumerated() {
                let y = legendHeight + 8 + index * rowHeight
                body +=
                    "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(escape(shortened(row.label, toPixels: labelWidth - 12)))</text>"
                var x = labelWidth
                var running = 0
                for (part, value) in row.values.enumerated() where value > 0 {
                    running += value
                    // Ends are placed from the running total so rounding never drifts.
                    let end = labelWidth + (top > 0 ? Int((Double(running) / Double(top) * Double(plot)).rounded()) : 0)
                    body +=
                        "<rect x=\"\(x)\" y=\"\(y + 4)\" width=\"\(end - x)\" height=\"16\" fill=\"\(series[part].color)\"><title>\(escape(row.label)), \(escape(series[part].name)): \(value)</title></rect>"
                    x = end
                }
                let note = row.note.isEmpty ? String(row.values.reduce(0, +)) : row.note
                body += "<text x=\"\(x + 6)\" y=\"\(y + 16)\">\(escape(note))</text>"
            }
            body +=
                "<line x1=\"\(labelWidth)\" y1=\"\(legendHeight + 4)\" x2=\"\(labelWidth)\" y2=\"\(height - 8)\" stroke=\"#333\" stroke-width=\"1\"/>"
            return frame(id: id, title: title, description: description, height: height, body: body)
        }

        /// Small vertical histograms, two to a line, one per item, over the same bands.
        static func histograms(id: String, title: String, description: String, bands: [String], panels: [Histogram])
            -> String
        {
            let columns = 2
            let panelWidth = width / columns
            let panelHeight = 170
            let lines = max(1, (panels.count + columns - 1) / columns)
            let height = lines * panelHeight
            var body = ""
            if panels.isEmpty {
                body += emptyText(x: 10, y: 28)
            }
            for (index, panel) in panels.enumerated() {
                let left = (index % columns) * panelWidth
                let top = (index / columns) * panelHeight
                let plotTop = top + 34
                let plotHeight = 90
                let baseline = plotTop + plotHeight
                let slot = (panelWidth - 20) / max(1, bands.count)
                let total = panel.counts.reduce(0, +)
                let highest = panel.counts.max() ?? 0
                body +=
                    "<text x=\"\(left + 10)\" y=\"\(top + 16)\" font-weight=\"bold\">\(escape(shortened(panel.label, toPixels: panelWidth - 20)))</text>"
                body += "<text x=\"\(left + 10)\" y=\"\(top + 29)\" font-size=\"10\">\(total) ended</text>"
                for (band, count) in panel.counts.enumerated() {
                    let x = left + 10 + band * slot
                    let barHeight =
                        highest > 0 ? Int((Double(count) / Double(highest) * Double(plotHeight - 12)).rounded()) : 0
                    body +=
                        "<rect x=\"\(x + 1)\" y=\"\(baseline - barHeight)\" width=\"\(slot - 2)\" height=\"\(barHeight)\" fill=\"\(palette[0])\"><title>\(escape(panel.label)), \(bands[band]) working days: \(count)</title></rect>"
                    if count > 0 {
                        body +=
                            "<text x=\"\(x + slot / 2)\" y=\"\(baseline - barHeight - 2)\" text-anchor=\"middle\" font-size=\"9\">\(count)</text>"
                    }
                    body +=
                        "<text x=\"\(x + slot / 2)\" y=\"\(baseline + 12)\" text-anchor=\"middle\" font-size=\"8\">\(escape(bands[band]))</text>"
                }
                body +=
                    "<line x1=\"\(left + 10)\" y1=\"\(baseline)\" x2=\"\(left + 10 + slot * bands.count)\" y2=\"\(baseline)\" stroke=\"#333\" stroke-width=\"1\"/>"
                body +=
                    "<text x=\"\(left + 10)\" y=\"\(baseline + 26)\" font-size=\"9\">working days, net of pauses</text>"
            }
            return frame(id: id, title: title, description: description, height: height, body: body)
        }

        static func legend(series: [(name: String, color: String)]) -> String {
            var body = ""
            var x = 10
            for entry in series {
                body += "<rect x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(entry.color)\"/>"
                body += "<text x=\"\(x + 16)\" y=\"16\" font-size=\"11\">\(escape(entry.name))</text>"
                x += 26 + Int(textWidth(entry.name) * 11 / 12)
            }
            return body
        }

        static func emptyText(x: Int, y: Int) -> String {
            "<text x=\"\(x)\" y=\"\(y)\">Nothing in this period.</text>"
        }

        /// The `<svg>` element with its accessible name and description.
        static func frame(id: String, title: String, description: String, height: Int, body: String) -> String {
            """
            <svg id="\(id)" class="chart" role="img" aria-labelledby="\(id)-title \(id)-desc" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12" fill="#111">\
            <title id="\(id)-title">\(escape(title))</title><desc id="\(id)-desc">\(escape(description))</desc>\(body)</svg>
            """
        }

        /// `text` cut with an ellipsis to fit `pixels`; the full text stays in the bar's tooltip.
        static func shortened(_ text: String, toPixels pixels: Int) -> String {
            guard textWidth(text) > Double(pixels) else { return text }
            var cut = ""
            for character in text {
                if textWidth(cut + String(character) + "…") > Double(pixels) { break }
                cut.append(character)
            }
            return cut + "…"
        }

        /// Text made safe for HTML and SVG content and attribute values.
        static func escape(_ text: String) -> String {
            var escaped = ""
            escaped.reserveCapacity(text.utf8.count)
            for character in text {
                switch character {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\"": escaped += "&quot;"
                case "'": escaped += "&#39;"
                default: escaped.append(character)
                }
            }
            return escaped
        }
    }
}
