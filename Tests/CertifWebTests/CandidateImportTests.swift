import CertifDomain
import CertifHTTP
import CertifStore
import Foundation
import Testing

@Suite("Candidate import")
struct CandidateImportTests {
    static let goodFile = Data(
        ([candidateFileHeader]
            + [
                "HDF-1;GIRARD;;Émilie;31/08/1987;DEAF;VAE;32;06/01/2025;;oui;0",
                "HDF-2;BOYER;;Fatima;03/06/2003;DEAF;VAE;Hauts-de-France;18/01/2025;;non;33 %",
            ]).joined(separator: "\n").utf8
    )

    static let badFile = Data(
        ([candidateFileHeader]
            + [
                "HDF-1;GIRARD;;Émilie;31/02/1987;DEAF;VAE;32;06/01/2025;;oui;0",
                "HDF-2;BOYER;;Fatima;03/06/2003;XYZ;VAE;32;18/01/2025;;peut-être;0",
                "HDF-3;FONTAINE;;Camille;12/06/1987;DEAF;VAE;32;09/02/2025;;oui;0",
            ]).joined(separator: "\n").utf8
    )

    /// The upload id in the confirmation form of a preview page.
    static func uploadID(in html: String) -> String? {
        guard let range = html.range(of: "name=\"envoi\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test("file with errors lists them by line and writes nothing")
    func fileWithErrors() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")

        let preview = try await web.postFile(
            "/candidats/import",
            filename: "erreurs.csv",
            data: Self.badFile,
            as: "agent-hdf"
        )
        let html = preview.bodyText

        #expect(preview.status == .unprocessableContent)
        #expect(html.contains("Le fichier contient 3 erreurs"))
        #expect(html.contains("<td>2</td><td>date_naissance</td><td>31/02/1987</td>"))
        #expect(html.contains("<td>3</td><td>diplome</td><td>XYZ</td>"))
        #expect(html.contains("Codes attendus"))
        #expect(html.contains("<td>3</td><td>distanciel</td><td>peut-être</td>"))
        #expect(!html.contains("<td>4</td>"))
        #expect(Self.uploadID(in: html) == nil)
        #expect(try web.store().candidates().isEmpty)
    }

    @Test("good file is previewed, then imported on confirmation")
    func goodFileImported() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")

        let page = try await web.get("/candidats/import", as: "agent-hdf")
        let preview = try await web.postFile(
            "/candidats/import",
            filename: "candidats.csv",
            data: Self.goodFile,
            as: "agent-hdf"
        )
        let uploadID = try #require(Self.uploadID(in: preview.bodyText))
        let storedBeforeConfirmation = try web.store().candidates().count
        let confirmation = try await web.post(
            "/candidats/import/confirmer",
            [("envoi", uploadID)],
            as: "agent-hdf"
        )

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("enctype=\"multipart/form-data\""))
        #expect(preview.status == .ok)
        #expect(preview.bodyText.contains("Candidats à créer : 2"))
        #expect(preview.bodyText.contains("GIRARD Émilie"))
        #expect(storedBeforeConfirmation == 0)
        #expect(confirmation.status == .seeOther)
        #expect(confirmation.headers["Location"] == "/candidats")
        let store = try web.store()
        #expect(try store.candidates().map(\.id) == ["HDF-1", "HDF-2"])
        #expect(try store.candidate(id: "HDF-2")?.extraTimePercent == 33)
        let entries = try store.auditLog(limit: 3)
        #expect(
            entries.map(\.action) == [.candidateFileImport, .candidateInsert, .candidateInsert]
        )
        #expect(entries.allSatisfy { $0.actor == "web:agent-hdf" })
        #expect(entries[0].after?.contains("\"filename\":\"candidats.csv\"") == true)
        let list = try await web.get("/candidats", as: "agent-hdf")
        #expect(
            list.bodyText.contains("Import terminé : 2 candidats créés, 0 modifié, 0 inchangé.")
        )

        let again = try await web.post(
            "/candidats/import/confirmer",
            [("envoi", uploadID)],
            as: "agent-hdf"
        )
        #expect(again.status == .notFound)
    }

    @Test("second import previews updates and unchanged rows")
    func updatesPreviewed() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [
                sampleCandidate("HDF-1", birthName: "GIRARD", givenNames: "Émilie"),
                Candidate(
                    id: "HDF-2",
                    birthName: "BOYER",
                    givenNames: "Fatima",
                    birthDate: try #require(CivilDate(parsing: "2003-06-03")),
                    diploma: DiplomaCode("DEAF"),
                    route: .vae,
                    territory: TerritoryCode("32"),
                    availableFrom: try #require(CivilDate(parsing: "2025-01-18")),
                    remoteAllowed: false,
                    extraTimePercent: 33
                ),
            ],
            actor: testActor
        )
        try await web.login("admin")

        let preview = try await web.postFile(
            "/candidats/import",
            filename: "candidats.csv",
            data: Self.goodFile,
            as: "admin"
        )

        #expect(preview.bodyText.contains("Candidats à modifier : 1"))
        #expect(preview.bodyText.contains("Date de naissance : 02/06/1985 → 31/08/1987"))
        #expect(preview.bodyText.contains("1 candidat du fichier restent inchangés"))
        #expect(Self.uploadID(in: preview.bodyText) != nil)
    }

    @Test("confirmation from another session or person is not found")
    func otherSessionNotFound() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")
        try await web.login("admin")
        let preview = try await web.postFile(
            "/candidats/import",
            filename: "candidats.csv",
            data: Self.goodFile,
            as: "agent-hdf"
        )
        let uploadID = try #require(Self.uploadID(in: preview.bodyText))

        let byAdmin = try await web.post(
            "/candidats/import/confirmer",
            [("envoi", uploadID)],
            as: "admin"
        )
        // A new login of the same person is another session.
        try await web.login("agent-hdf")
        let bySecondSession = try await web.post(
            "/candidats/import/confirmer",
            [("envoi", uploadID)],
            as: "agent-hdf"
        )
        let byMadeUpID = try await web.post(
            "/candidats/import/confirmer",
            [("envoi", String(repeating: "0", count: 32))],
            as: "agent-hdf"
        )

        #expect(byAdmin.status == .notFound)
        #expect(bySecondSession.status == .notFound)
        #expect(byMadeUpID.status == .notFound)
        #expect(try web.store().candidates().isEmpty)
    }

    @Test("officer's rows of other territories are errors by line")
    func officerOtherTerritoryRows() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [sampleCandidate("IDF-OLD", territory: "11")],
            actor: testActor
        )
        try await web.login("agent-hdf")
        let file = Data(
            ([candidateFileHeader]
                + [
                    "HDF-1;GIRARD;;Émilie;31/08/1987;DEAF;VAE;32;06/01/2025;;oui;0",
                    "IDF-1;BOYER;;Fatima;03/06/2003;DEAF;VAE;11;18/01/2025;;oui;0",
                    "IDF-OLD;MARTIN;;Claire;02/06/1985;DEAF;VAE;32;15/01/2025;;oui;0",
                ]).joined(separator: "\n").utf8
        )

        let preview = try await web.postFile(
            "/candidats/import",
            filename: "mixte.csv",
            data: file,
            as: "agent-hdf"
        )

        #expect(preview.status == .unprocessableContent)
        #expect(preview.bodyText.contains("<td>3</td><td>territoire</td><td>11</td>"))
        #expect(preview.bodyText.contains("Île-de-France (11)"))
        #expect(preview.bodyText.contains("<td>4</td><td>identifiant</td><td>IDF-OLD</td>"))
        #expect(Self.uploadID(in: preview.bodyText) == nil)
        #expect(try web.store().candidates().map(\.id) == ["IDF-OLD"])
    }

    @Test("confirmation after the candidates changed is a conflict")
    func changedSincePreview() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let preview = try await web.postFile(
            "/candidats/import",
            filename: "candidats.csv",
            data: Self.goodFile,
            as: "admin"
        )
        let uploadID = try #require(Self.uploadID(in: preview.bodyText))
        _ = try web.store().importCandidates([sampleCandidate("HDF-1")], actor: testActor)

        let confirmation = try await web.post(
            "/candidats/import/confirmer",
            [("envoi", uploadID)],
            as: "admin"
        )

        #expect(confirmation.status == .conflict)
        #expect(confirmation.bodyText.contains("ont changé depuis l’aperçu"))
        #expect(try web.store().candidates().map(\.id) == ["HDF-1"])
    }

    @Test("form without a file asks for one")
    func missingFile() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.postFile(
            "/candidats/import",
            fileField: "autre",
            filename: "x.csv",
            data: Self.goodFile,
            as: "admin"
        )

        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("Choisissez le fichier des candidats"))
    }

    @Test("script payloads in a file are shown escaped in the preview")
    func scriptPayloadsInFile() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let payload = "\"><img src=x onerror=alert(1)><script>alert(1)</script>"
        let file = Data(
            ([candidateFileHeader]
                + [
                    "P-1;\(payload);\(payload);\(payload);\(payload);\(payload);VAE;32;"
                        + "06/01/2025;;oui;0"
                ]).joined(separator: "\n").utf8
        )

        let preview = try await web.postFile(
            "/candidats/import",
            filename: "<script>alert(1)</script>.csv",
            data: file,
            as: "admin"
        )

        #expect(preview.status == .unprocessableContent)
        #expect(!preview.bodyText.contains("<script>alert"))
        #expect(!preview.bodyText.contains("<img src=x"))
        #expect(preview.bodyText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
