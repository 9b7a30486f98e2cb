import Foundation
import Postgres
import RedressTesting
import Testing

/// Rights categories as data: added, renamed and retired by admins; a retired one stays on old
/// cases and in statistics but no case takes it now.
@Suite struct CategoryTests {
    @Test func addRenameRetireAndList() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok("category", "add", "public_safety", "Public safety", "--kind", "basic_service")
            let reference = try office.openCase(extra: ["--category", "public_safety"])
            try office.ok("category", "rename", "public_safety", "Public safety and policing")
            #expect(try office.ok("category", "retire", "public_safety").contains("1 case keeps it"))
            // Old cases keep it, and so do statistics.
            #expect(try office.show(reference)["categories"] as? [String] == ["housing", "public_safety"])
            let csv = try office.ok(
                "report", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--by", "category", "--format", "csv")
            #expect(csv.contains("groups,category,public_safety,received,1"), "\(csv)")
            let json = try office.ok("category", "list", "--format", "json")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            let entry = try #require(list.first { $0["code"] as? String == "public_safety" })
            #expect(entry["name"] as? String == "Public safety and policing")
            #expect(entry["cases"] as? Int == 1)
            #expect(entry["retired_at"] is String)
            #expect(list.count == 17)
            // Refused for new intake and corrections, in one sentence.
            let other = try office.openCase(receivedAt: "2026-02-27T10:00+09:00")
            for arguments in [
                [
                    "case", "open", "--complainant", "A", "--respondent", "B", "--summary", "C", "--category",
                    "public_safety",
                ],
                ["case", "update", other, "--add-category", "public_safety", "--remove-category", "housing"],
            ] {
                let before = try office.counts()
                let result = try office.owner.run(arguments)
                #expect(result.status == 4, "\(arguments): \(result)")
                #expect(result.stderr.contains("retired"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect(try office.counts() == before)
            }
            // Taking other categories off a case that keeps a retired one works.
            try office.ok("case", "update", reference, "--remove-category", "housing")
            #expect(try office.show(reference)["categories"] as? [String] == ["public_safety"])
            let kinds = try db.withConnection {
                try $0.query("SELECT kind FROM case_event WHERE kind LIKE 'category%' ORDER BY id")
                    .map { try $0.decode(String.self, at: 0) }
            }
            #expect(kinds == ["category_added", "category_renamed", "category_retired"])
        }
    }

    @Test func refusals() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let caseworker = try office.staff("cw", roles: ["caseworker"])
            let cases: [([String], Int32, String)] = [
                (["category", "add", "housing", "Housing again"], 4, "housing"),
                (["category", "add", "Public Safety", "Public safety"], 2, "Public Safety"),
                (["category", "add", "public_safety", "Public safety", "--kind", "vague"], 2, "vague"),
                (["category", "add", "public_safety", " "], 2, "name"),
                (["category", "rename", "nothing_here", "Name"], 3, "nothing_here"),
                (["category", "retire", "nothing_here"], 3, "nothing_here"),
            ]
            for (arguments, status, text) in cases {
                let before = try office.counts()
                let result = try office.owner.run(arguments)
                #expect(result.status == status, "\(arguments): \(result)")
                #expect(result.stderr.contains(text), "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
                #expect(try office.counts() == before, "\(arguments)")
            }
            let refused = try caseworker.binary.run(["category", "add", "public_safety", "Public safety"])
            #expect(refused.status == 4, "\(refused)")
            try office.ok("category", "retire", "energy")
            #expect(try office.run("category", "retire", "energy").status == 4)
        }
    }

    @Test func theOfficeAddressAndStaffDetailsAreCorrectedOnTheRecord() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            try office.ok("office", "set", "--postal-address", "5 Office Street\nGwangju 61000")
            let json = try office.ok("office", "show", "--format", "json")
            let settings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(settings["postal_address"] as? String == "5 Office Street\nGwangju 61000")

            let caseworker = try office.staff("cw", roles: ["caseworker"])
            try office.ok(
                "staff", "update", caseworker.login, "--name", "Kim Caseworker", "--email", "kim@office.example")
            let staff = try office.ok("staff", "list", "--format", "json")
            let members = try #require(try JSONSerialization.jsonObject(with: Data(staff.utf8)) as? [[String: Any]])
            let member = try #require(members.first { $0["login"] as? String == caseworker.login })
            #expect(member["email"] as? String == "kim@office.example")
            #expect(member["display_name"] as? String == "Kim Caseworker")
            let event = try db.withConnection {
                try $0.query("SELECT data::text FROM case_event WHERE kind = 'staff_updated'").map {
                    try $0.decode(String.self, at: 0)
                }
            }
            #expect(event.count == 1 && event[0].contains("kim@office.example"))
            let before = try office.counts()
            #expect(try office.run("staff", "update", "nobody_here", "--email", "a@b.example").status == 3)
            #expect(try office.run("staff", "update", caseworker.login, "--email", "not an address").status == 2)
            #expect(try office.run("staff", "update", caseworker.login, "--email", "kim@office.example").status == 2)
            #expect(try caseworker.binary.run(["staff", "update", caseworker.login, "--name", "Me"]).status == 4)
            #expect(try office.counts() == before)
        }
    }
}
