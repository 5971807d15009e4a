/// Builds a table with `caption` as its title, in DSFR's `fr-table` wrappers, which let a wide
/// table scroll sideways instead of widening the page.
///
/// The content is the table's rows: `thead`, `tbody` and `tfoot`, with `th(scope:)` for header
/// cells.
///
/// The container that scrolls is a region named by the caption, in the tab order, so that a
/// keyboard user can scroll a wide table without a mouse (axe-core's rule
/// scrollable-region-focusable).
public func dataTable(
    caption captionText: String,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    let rows = content()
    return div(.class("fr-table")) {
        div(.class("fr-table__wrapper")) {
            div(
                .class("fr-table__container"),
                .tabindex(0),
                .role("region"),
                .aria("label", captionText)
            ) {
                div(.class("fr-table__content")) {
                    Node.element("table", attributes) {
                        caption { captionText }
                        rows
                    }
                }
            }
        }
    }
}
