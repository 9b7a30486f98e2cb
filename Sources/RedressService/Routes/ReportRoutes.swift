import Foundation
import Hummingbird
import Postgres
import RedressCore
import RedressStore

extension RedressServer {
    /// `GET /v1/reports/deadlines`: the nightly deadline report as
    /// `report deadlines --format json` writes it.
    func addReportRoutes(to router: Router<RedressRequestContext>) {
        router.get("/v1/reports/deadlines") { request, _ in
            let query = try Query(request, allowed: ["as_of", "within", "assignee"])
            let asOf = try query.date("as_of")
            let within =
                try query.int("within", in: 0...DeadlineReport.maximumWithinWorkingDays)
                ?? DeadlineReport.defaultWithinWorkingDays
            let assignee = query.string("assignee")
            let text = try await asStaff(request, reading: true) { connection, actor -> String in
                let lag = try connection.standbyReplayLag()
                return try DeadlineReportRun.withSnapshot(
                    connection, actor: actor, asOf: asOf, withinWorkingDays: within, assignee: assignee, at: Date()
                ) { run in
                    // Rows stream from the database into the document; the answer is
                    // sent once it is whole, so a failure midway is a clean error.
                    var formatter = JSONDeadlineReportFormatter(sink: "")
                    var header = run.header
                    header.standbyReplayLag = lag
                    formatter.begin(header)
                    try run.stream { formatter.write($0) }
                    formatter.finish()
                    return formatter.sink
                }
            }
            return Response.json(data: Data(text.utf8))
        }
    }
}
