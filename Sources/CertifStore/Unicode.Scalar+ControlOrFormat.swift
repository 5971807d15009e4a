extension Unicode.Scalar {
    /// Whether the scalar is a control character (Cc: newline, escape), a format character
    /// (Cf: bidirectional overrides, zero-width spaces) or a line or paragraph separator (Zl,
    /// Zp). Each of these can start a new line in a log or a terminal, or hide or reorder the
    /// text around it.
    var isControlOrFormat: Bool {
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
