import BrowserTesting
import Foundation

/// Saves a screenshot of the page that `session` shows as `name`.png in the folder of
/// `CERTIF_SCREENSHOTS`, for the documentation, and returns the file. Does nothing and returns
/// nil when the variable is unset, so that a plain `make test` leaves docs/ untouched.
///
/// The flow tests call it on each main page once the page is in the state worth showing.
@discardableResult
func saveDocumentationScreenshot(
    of session: WebDriverSession,
    name: String,
    folder: URL? = BrowserTestSettings.documentationScreenshots
) async throws -> URL? {
    guard let folder else {
        return nil
    }
    let file = folder.appending(path: name + ".png")
    try await session.saveScreenshot(to: file, fullPage: true)
    return file
}
