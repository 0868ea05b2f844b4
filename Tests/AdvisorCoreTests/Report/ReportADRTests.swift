@testable import AdvisorCore
import Foundation
import Testing

@Suite("ADR numbering, as adr-tools does it")
struct ReportADRTests {
    private func folder(with names: [String]) throws -> String {
        let folder = try ReportTool.temporaryFolder("adr")
        for name in names {
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }

    @Test("the next number is the highest one plus one", arguments: [
        ([], 1),
        (["0001-record-architecture-decisions.md", "0002-use-postgres.md", "0003-use-django.md"], 4),
        (["0001-a.md", "0002-b.md", "0007-c.md"], 8),
        (["0001-a.md", "0005-b.md", "README.md", "template.md", ".adr-dir"], 6),
        (["12-old-style.md", "0003-c.md"], 13),
        (["0009-superseded.md", "0010-new.md"], 11),
    ])
    func next(_ names: [String], _ expected: Int) throws {
        let folder = try folder(with: names)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ADRDirectory.nextNumber(in: folder) == expected)
    }

    @Test("names are NNNN-use-<winner>.md")
    func names() {
        #expect(ADRDirectory.fileName(number: 4, winner: "FastAPI") == "0004-use-fastapi.md")
        #expect(ADRDirectory.fileName(number: 12345, winner: "Django REST") == "12345-use-django-rest.md")
        #expect(ADRDirectory.fileName(number: 1, winner: nil) == "0001-no-framework-fits.md")
        #expect(ADRDirectory.slug("  Ruby on Rails 7!  ") == "ruby-on-rails-7")
        #expect(ADRDirectory.slug("Flask/Quart") == "flask-quart")
        #expect(ADRDirectory.slug("日本") == "framework")
    }

    @Test("after 0001..0003 and after a gap")
    func paths() throws {
        let folder = try folder(with: ["0001-a.md", "0002-b.md", "0003-c.md"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ADRDirectory.nextPath(in: folder, winner: "Django") == folder + "/0004-use-django.md")
        try Data().write(to: URL(fileURLWithPath: folder + "/0010-z.md"))
        #expect(try ADRDirectory.nextPath(in: folder + "/", winner: "Django") == folder + "/0011-use-django.md")
    }

    @Test("a missing folder or a file is one clear error")
    func missing() throws {
        #expect(throws: AtomicFile.Failure.cannotCreate("ADR folder '/nonexistent/adr' does not exist")) {
            try ADRDirectory.nextNumber(in: "/nonexistent/adr")
        }
        let folder = try folder(with: ["0001-a.md"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: AtomicFile.Failure.cannotCreate("ADR folder '\(folder)/0001-a.md' is not a folder")) {
            try ADRDirectory.nextNumber(in: folder + "/0001-a.md")
        }
    }
}
