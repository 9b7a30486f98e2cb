import Foundation
import Hummingbird
import RedressCore
import RedressStore

extension RedressServer {
    /// `GET /v1/reports/deadlines`: the nightly deadline report as
    /// `report deadlines --format json` writes it.
    func addReportRoutes(to router: Router<RedressRequestContext>) {
        router.get("/v1/reports/deadlines") { request, _ in
            let query = try Query(request, allowed: ["as_of", "within", "assignee"])
            let asOf = try query.date("as_of")
            let within = try query.int("within", in: 0...DeadlineReport.maximumWithinWorkingDays) ?? DeadlineReport.defaultWithinWorkingDays
            let assignee = query.string("assignee")
            let text = try await asStaff(request) { connection, actor -> String in
                try actor.require(.read)
                if let assignee, try StaffStore(connection).member(assignee) == nil { throw StoreError.staffNotFound(assignee) }
                let context = try OfficeContext.load(connection)
                let date = asOf ?? LocalDate(instant: Date(), in: context.calendar.timeZone)
                let report = try DeadlineReport(asOf: date, withinWorkingDays: within, calendar: context.calendar)
                let header = DeadlineReportHeader(office: context.settings.name, report: report, assignee: assignee)
                // Rows stream from the database into the document; the answer is
                // sent once it is whole, so a failure midway is a clean error.
                var formatter = JSONDeadlineReportFormatter(sink: "")
                formatter.begin(header)
                try DeadlineReportQuery(connection: connection, context: context).stream(report, assignee: assignee) { formatter.write($0) }
                formatter.finish()
                return formatter.sink
            }
            return Response.json(data: Data(text.utf8))
        }
    }
}
