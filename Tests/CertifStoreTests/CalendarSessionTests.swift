import CertifDomain
import CertifPlanning
import Testing

@testable import CertifStore

@Suite("Calendar sessions")
struct CalendarSessionTests {
    private func calendarSession(_ id: String) -> FixedSession {
        FixedSession(
            id: id,
            diploma: DiplomaCode("DEAF"),
            organizer: TerritoryCode("52"),
            days: [FixedSession.Day(date: date("2025-03-20"), commissions: 1, candidates: [])]
        )
    }

    @Test(
        "invalid id is rejected",
        arguments: [
            "",
            String(repeating: "N", count: 65),
            "NAT\nDEAF",
            "NAT\u{1B}[2J",
            "NAT\u{202E}FAED",
            "NAT\u{200B}DEAF",
            "NAT\u{2028}DEAF",
            "P1-S-DEAF-52-20250320",
            "P9",
        ]
    )
    func invalidIDRejected(id: String) throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.addCalendarSession(calendarSession(id), actor: tester)
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.unicodeScalars.contains(where: \.isControlOrFormat) == false)
            #expect(try store.fixedSessions() == [])
            #expect(try store.auditLog() == [])
        }
    }

    @Test(
        "valid id is stored",
        arguments: [
            "NAT-DEAF-2025", "P-DEAF", "Pays-de-la-Loire", String(repeating: "é", count: 64),
        ]
    )
    func validIDStored(id: String) throws {
        try withTemporaryStore { store, _ throws in
            try store.addCalendarSession(calendarSession(id), actor: tester)

            #expect(try store.fixedSessions().map(\.id) == [id])
            #expect(try store.auditCount(.sessionCreate) == 1)
        }
    }

    @Test("reserved id message names the form")
    func reservedIDMessage() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.addCalendarSession(calendarSession("P12-NAT"), actor: tester)
            }

            #expect(error?.message.contains("P12-NAT") == true)
            #expect(error?.message.contains("reserved for the sessions of accepted plans") == true)
        }
    }

    @Test("taken id is rejected")
    func takenIDRejected() throws {
        try withTemporaryStore { store, _ throws in
            try store.addCalendarSession(calendarSession("NAT-DEAF-2025"), actor: tester)

            let error = #expect(throws: StoreError.self) {
                try store.addCalendarSession(calendarSession("NAT-DEAF-2025"), actor: tester)
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("NAT-DEAF-2025") == true)
            #expect(try store.auditCount(.sessionCreate) == 1)
        }
    }
}
