import CertifPlanning
import CertifStore
import Foundation
import Testing

@Suite struct EndToEndTests {
    private let header =
        "identifiant;nom_naissance;nom_usage;prenoms;date_naissance;diplome;voie;territoire;disponible_le;date_limite;distanciel;majoration\n"

    @Test func importTwiceChangesNothing() throws {
        let harness = try CommandLineHarness()
        let file = CommandLineHarness.example("candidats-vae-2024.csv")

        let first = harness.run(["import", file])
        let second = harness.run(["import", file])

        #expect(first.status == 0)
        #expect(first.output.contains("138 inserted, 0 updated, 0 unchanged"))
        #expect(second.status == 0)
        #expect(second.output.contains("0 inserted, 0 updated, 138 unchanged"))
    }

    @Test func changedRowUpdatesCandidate() throws {
        let harness = try CommandLineHarness()
        let first = try harness.write(
            "a.csv",
            header + "C1;MARTIN;;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
        )
        let second = try harness.write(
            "b.csv",
            header + "C1;MARTIN;DURAND;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;non;0\n"
        )

        _ = harness.run(["import", first])
        let outcome = harness.run(["import", second])
        let store = try CertifStore(path: harness.database)

        #expect(outcome.output.contains("0 inserted, 1 updated, 0 unchanged"))
        #expect(try store.candidate(id: "C1")?.usageName == "DURAND")
        #expect(try store.candidate(id: "C1")?.remoteAllowed == false)
    }

    @Test func fileWithErrorsImportsNothing() throws {
        let harness = try CommandLineHarness()
        let file = try harness.write(
            "bad.csv",
            header
                + "C1;MARTIN;;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
                + "C2;DUPONT;;Paul;31/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
                + "C3;LEROY;;Lise;01/02/1980;DEZZ;VAE;53;15/01/2025;;oui;0\n"
        )

        let outcome = harness.run(["import", file])
        let store = try CertifStore(path: harness.database)

        #expect(outcome.status == 65)
        #expect(outcome.errors.contains("nothing imported: 2 error(s)"))
        #expect(outcome.errors.contains("date_naissance"))
        #expect(outcome.errors.contains("diplome"))
        #expect(try store.candidates().isEmpty)
    }

    @Test func nearDuplicateIdentifierWarns() throws {
        let harness = try CommandLineHarness()
        let first = try harness.write(
            "a.csv",
            header + "ID1;MARTIN;;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
        )
        let second = try harness.write(
            "b.csv",
            header + "id 1;MARTIN;;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
        )

        _ = harness.run(["import", first])
        let outcome = harness.run(["import", second])

        #expect(outcome.status == 0)
        #expect(outcome.errors.contains("identifier id 1 differs from the stored ID1"))
    }

    @Test func errorShowsValueFound() throws {
        let harness = try CommandLineHarness()
        let file = try harness.write(
            "bad.csv",
            header + "C1;MARTIN;;Anne;01/02/1980;DEZZ;VAE;53;15/01/2025;;oui;0\n"
        )

        let outcome = harness.run(["import", file])

        #expect(outcome.status == 65)
        #expect(outcome.errors.contains("(valeur : « DEZZ »)"))
    }

    @Test func skipInvalidImportsValidRows() throws {
        let harness = try CommandLineHarness()
        let file = try harness.write(
            "bad.csv",
            header
                + "C1;MARTIN;;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
                + "C2;DUPONT;;Paul;31/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
        )

        let outcome = harness.run(["import", file, "--skip-invalid"])
        let store = try CertifStore(path: harness.database)

        #expect(outcome.status == 0)
        #expect(outcome.output.contains("1 inserted"))
        #expect(outcome.output.contains("1 invalid row(s) skipped"))
        #expect(try store.candidates().map(\.id) == ["C1"])
    }

    @Test func planFileHasDocumentedFields() throws {
        let harness = try CommandLineHarness()
        _ = harness.run(["import", CommandLineHarness.example("candidats-vae-2024.csv")])

        let outcome = harness.run([
            "plan", "--from", "2025-01-01", "--to", "2026-03-31", "--today", "2024-12-02",
            "--json", harness.path("plan.json"),
        ])
        let data = try Data(contentsOf: URL(fileURLWithPath: harness.path("plan.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sessions = try #require(json["sessions"] as? [[String: Any]])
        let session = try #require(sessions.first)
        let day = try #require((session["days"] as? [[String: Any]])?.first)
        let candidate = try #require((day["candidates"] as? [[String: Any]])?.first)
        let rule = try #require((session["rules"] as? [[String: Any]])?.first)

        #expect(outcome.status == 0)
        #expect(json["format"] as? String == "certif-plan/1")
        #expect(json["today"] as? String == "2024-12-02")
        #expect(json["from"] as? String == "2025-01-01")
        #expect(json["to"] as? String == "2026-03-31")
        #expect(json["settings"] is [String: Any])
        #expect(json["unplanned"] is [Any])
        #expect(json["summary"] is [String: Any])
        for key in ["id", "diploma", "organizer", "fixed", "pooled", "days", "rules"] {
            #expect(session[key] != nil, "session key \(key)")
        }
        for key in ["date", "commissions", "remoteOnly", "candidates"] {
            #expect(day[key] != nil, "day key \(key)")
        }
        for key in ["id", "mode", "host", "reasons"] {
            #expect(candidate[key] != nil, "candidate key \(key)")
        }
        for key in ["rule", "met", "detail"] {
            #expect(rule[key] != nil, "rule key \(key)")
        }
        let plan = try JSONDecoder().decode(Plan.self, from: data)
        #expect(plan.summary.planned == 138)
        #expect(plan.summary.deadlinesMissed == 0)
    }

    @Test func csvExportSuitsFrenchExcel() throws {
        let harness = try CommandLineHarness()
        let file = try harness.write(
            "a.csv",
            header + "C1;=HYPERLINK(\"x\");;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
        )
        _ = harness.run(["import", file])

        _ = harness.run([
            "plan", "--from", "2025-01-01", "--to", "2025-12-31", "--today", "2024-12-02",
            "--csv", harness.path("plan.csv"),
        ])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.path("plan.csv")))
        let text = String(decoding: bytes, as: UTF8.self)

        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.contains("identifiant;nom_naissance"))
        #expect(text.contains("\r\n"))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(text.contains(";Pays de la Loire;"))
    }

    @Test func xlsxExportWritesWorkbook() throws {
        let harness = try CommandLineHarness()
        let file = try harness.write(
            "a.csv",
            header + "007;MARTIN;;Anne;01/02/1980;DEAF;VAE;53;15/01/2025;;oui;0\n"
        )
        _ = harness.run(["import", file])

        let outcome = harness.run([
            "plan", "--from", "2025-01-01", "--to", "2025-12-31", "--today", "2024-12-02",
            "--xlsx", harness.path("plan.xlsx"),
        ])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: harness.path("plan.xlsx")))

        #expect(outcome.status == 0)
        #expect(outcome.output.contains("workbook written: \(harness.path("plan.xlsx"))"))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
    }

    @Test(arguments: [("--json", "--csv"), ("--json", "--xlsx"), ("--csv", "--xlsx")])
    func sameFileForTwoOutputsIsUsageError(first: String, second: String) throws {
        let harness = try CommandLineHarness()
        let path = harness.path("plan.out")

        let outcome = harness.run([
            "plan", "--from", "2025-01-01", "--to", "2025-12-31", first, path, second, path,
        ])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("\(first) and \(second) name the same file '\(path)'"))
    }

    @Test func acceptedSessionsStayFixed() throws {
        let harness = try CommandLineHarness()
        _ = harness.run(["import", CommandLineHarness.example("candidats-vae-2024.csv")])
        let period = ["--from", "2025-01-01", "--to", "2026-03-31", "--today", "2024-12-02"]

        let saved = harness.run(["plan"] + period + ["--save"])
        let accepted = harness.run(["plan", "accept", "1"])
        let again = harness.run(["plan"] + period + ["--json", harness.path("again.json")])
        let twice = harness.run(["plan", "accept", "1"])
        let data = try Data(contentsOf: URL(fileURLWithPath: harness.path("again.json")))
        let replanned = try JSONDecoder().decode(Plan.self, from: data)

        #expect(saved.output.contains("draft plan 1 saved"))
        #expect(accepted.status == 0)
        #expect(accepted.output.contains("plan 1 accepted"))
        #expect(again.status == 0)
        #expect(!replanned.sessions.isEmpty)
        #expect(replanned.sessions.allSatisfy { $0.fixed })
        #expect(replanned.summary.planned == 138)
        #expect(twice.status == 1)
    }

    @Test func reportComparesWithPublishedFigures() throws {
        let harness = try CommandLineHarness()
        _ = harness.run(["import", CommandLineHarness.example("candidats-vae-2024.csv")])
        _ = harness.run([
            "plan", "--from", "2025-01-01", "--to", "2026-03-31", "--today", "2024-12-02", "--save",
        ])

        let outcome = harness.run(["report"])

        #expect(outcome.status == 0)
        #expect(outcome.output.contains("DEAF      2024 publié (VAE)     7         11"))
        #expect(outcome.output.contains("plan Certif"))
        #expect(outcome.output.contains("pratique mensuelle"))
        #expect(outcome.output.contains("TOTAL"))
    }

    @Test func reportWithoutPlanExplains() throws {
        let harness = try CommandLineHarness()
        _ = harness.run(["import", CommandLineHarness.example("candidats-exemple.csv")])

        let outcome = harness.run(["report"])

        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("no plan stored"))
    }

    @Test func mistypedDatabaseIsNotCreated() throws {
        let harness = try CommandLineHarness()
        let typo = harness.path("typo.sqlite")

        let outcome = harness.run(["plan", "list", "--database", typo])

        #expect(outcome.status == 1)
        #expect(outcome.errors.contains(typo))
        #expect(!FileManager.default.fileExists(atPath: typo))
    }

    @Test func generateIsDeterministic() throws {
        let harness = try CommandLineHarness()
        let volumes = CommandLineHarness.example("volumes-vae-2024.json")

        let first = harness.run(["generate", volumes])
        let second = harness.run(["generate", volumes])
        let other = harness.run(["generate", volumes, "--seed", "7"])
        let committed = try String(
            contentsOfFile: CommandLineHarness.example("candidats-vae-2024.csv"),
            encoding: .utf8
        )

        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output != other.output)
        #expect(first.output == committed)
    }

    @Test func settingChangeIsAudited() throws {
        let harness = try CommandLineHarness()

        let set = harness.run(["settings", "session-target", "15"])
        let shown = harness.run(["settings"])
        let bad = harness.run(["settings", "vae-delay-reading", "trois-mois"])
        let audit = harness.run(["audit"])

        #expect(set.status == 0)
        #expect(shown.output.contains("session-target              15"))
        #expect(bad.status == 64)
        #expect(bad.errors.contains("invalid value 'trois-mois' for vae-delay-reading"))
        #expect(audit.output.contains("cli:agent.test  settings.update"))
    }
}
