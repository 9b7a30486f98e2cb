import Foundation
import Hummingbird
import NIOCore
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
            let limit = configuration.reportTimeout.milliseconds
            // Rows stream from the database through the pipe into the answer, a few chunks at a
            // time, so a report of a million cases takes no more memory than one of ten. Until
            // the report starts, a refusal (token, rights, assignee) is the answer's status;
            // once it has, a failure can only end the connection, leaving the JSON incomplete.
            let pipe = ReportPipe()
            let server = self
            Task {
                do {
                    try await server.asStaff(request, reading: true) { connection, actor in
                        let lag = try connection.standbyReplayLag()
                        do {
                            try DeadlineReportRun.withSnapshot(
                                connection, actor: actor, asOf: asOf, withinWorkingDays: within, assignee: assignee,
                                at: Date(), timeLimit: limit
                            ) { run in
                                pipe.open()
                                var formatter = JSONDeadlineReportFormatter(sink: ReportPipeSink(pipe))
                                var header = run.header
                                header.standbyReplayLag = lag
                                formatter.begin(header)
                                try run.stream {
                                    formatter.write($0)
                                    if pipe.isStopped { throw CancellationError() }
                                }
                                formatter.finish()
                                formatter.sink.flush()
                            }
                        } catch  where pipe.isOpen {
                            // Begun (its commit included): never run again on the primary, which
                            // would send the report twice.
                            throw ReportInterrupted(reason: error)
                        }
                    }
                    pipe.close(nil)
                } catch {
                    pipe.close(error)
                }
            }
            try await pipe.opened()
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody { writer in
                    defer { pipe.stop() }
                    while let chunk = try await pipe.next() { try await writer.write(ByteBuffer(string: chunk)) }
                    try await writer.finish(nil)
                })
        }
    }
}

/// A report that failed after it began to be sent.
struct ReportInterrupted: Error {
    var reason: any Error
}

extension Duration {
    /// The whole milliseconds of the duration, at least one.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(1, seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
    }
}
