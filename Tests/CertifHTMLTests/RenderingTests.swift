import Foundation
import Testing

@testable import CertifHTML

@Suite struct RenderingTests {
    static func samplePage() -> Node {
        let layout = PageLayout(
            style: .dsfr,
            navigation: [
                NavigationLink("Tableau de bord", path: "/"),
                NavigationLink("Candidats", path: "/candidats"),
            ]
        )
        return layout.page(title: "Candidats", currentPath: "/candidats") {
            h1 { "Candidats" }
            inputField(
                FormField(name: "nom", label: "Nom", value: "Dupont & fils", error: "Trop long")
            )
        }
    }

    @Test func sameNodeRendersSameText() {
        let first = Self.samplePage().render()
        let second = Self.samplePage().render()

        #expect(first == second)
        #expect(Self.samplePage() == Self.samplePage())
    }

    @Test func bytesMatchText() {
        let page = Self.samplePage()

        #expect(page.renderUTF8() == Array(page.render().utf8))
    }

    @Test func largeTableRendersEveryRow() {
        let rowCount = 10_000
        let node = dataTable(caption: "Candidats") {
            thead {
                tr {
                    th(scope: .col) { "Numéro" }; th(scope: .col) { "Nom" }
                }
            }
            tbody {
                for index in 1...rowCount {
                    tr(.data("ligne", String(index))) {
                        td { String(index) }
                        td { "Candidat <\(index)> & fils" }
                    }
                }
            }
        }

        let html = node.render()

        #expect(html.components(separatedBy: "<tr").count - 1 == rowCount + 1)
        #expect(html.components(separatedBy: "</tr>").count - 1 == rowCount + 1)
        #expect(html.contains("<td>10000</td><td>Candidat &lt;10000&gt; &amp; fils</td>"))
        #expect(html.hasSuffix("</tbody></table></div></div></div></div>"))
    }
}
