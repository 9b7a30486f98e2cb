import Foundation
import RedressCore
import RedressNotices

/// A realistic notice context: a Gwangju office, a housing-benefit complaint, and every
/// variable the shipped templates use, in English and Korean.
enum Fixtures {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    static let reference = try! CaseReference(prefix: "HRC", year: 2026, number: 42)
    static let mailDomain = "hr.gwangju.example"
    /// Monday 16 March 2026, 09:30 in Seoul.
    static let issuedAt = Date(timeIntervalSince1970: 1_773_621_000)
    static let issuedAtISO = "2026-03-16T09:30:00+09:00"

    static let complainant = (en: "Kim Min-ji", ko: "김민지")
    static let complainantEmail = "minji.kim@mail.example"
    static let complainantPhone = "010-5555-0142"

    static func office(_ language: String) -> NoticeOffice {
        language == "ko"
            ? NoticeOffice(
                name: "광주광역시 인권옴부즈맨",
                sender: "광주광역시 인권옴부즈맨 <ombudsman@hr.gwangju.example>",
                mailDomain: mailDomain,
                postalAddress: ["광주광역시 서구 내방로 111", "61945"],
                timeZone: seoul
            )
            : NoticeOffice(
                name: "Gwangju Human Rights Ombudsman",
                sender: "Gwangju Human Rights Ombudsman <ombudsman@hr.gwangju.example>",
                mailDomain: mailDomain,
                postalAddress: ["111 Naebang-ro, Seo-gu", "Gwangju 61945", "Republic of Korea"],
                timeZone: seoul
            )
    }

    static func recipient(_ audience: NoticeAudience, _ language: String) -> NoticeRecipient {
        let ko = language == "ko"
        switch audience {
        case .complainant:
            return NoticeRecipient(name: ko ? complainant.ko : complainant.en, email: complainantEmail,
                                   postalAddress: ko ? ["광주광역시 북구 용봉로 77, 301호", "61186"] : ["Flat 301, 77 Yongbong-ro, Buk-gu", "Gwangju 61186"])
        case .representative:
            return NoticeRecipient(name: ko ? "정하늘 변호사" : "Jung Ha-neul (Advocate)", email: "haneul.jung@law.example",
                                   postalAddress: ko ? ["광주광역시 동구 금남로 20", "61470"] : ["20 Geumnam-ro, Dong-gu", "Gwangju 61470"])
        case .respondent:
            return NoticeRecipient(name: ko ? "최영호 민원담당관" : "Choi Young-ho, Complaints Officer", email: "complaints@housing.gwangju.example",
                                   postalAddress: ko ? ["광주광역시청 주택정책과", "광주광역시 서구 내방로 111"] : ["Housing Department, Gwangju City Hall", "111 Naebang-ro, Seo-gu, Gwangju"])
        case .headOfBody:
            return NoticeRecipient(name: ko ? "주택정책과장 한지원" : "Han Ji-won, Director of Housing", email: "director@housing.gwangju.example",
                                   postalAddress: ko ? ["광주광역시청 주택정책과", "광주광역시 서구 내방로 111"] : ["Housing Department, Gwangju City Hall", "111 Naebang-ro, Seo-gu, Gwangju"])
        case .assignee:
            return NoticeRecipient(name: ko ? "박지훈" : "Park Ji-hoon", email: "jihoon.park@hr.gwangju.example", postalAddress: ["Room 402"])
        case .supervisor:
            return NoticeRecipient(name: ko ? "이수민" : "Lee Soo-min", email: "soomin.lee@hr.gwangju.example", postalAddress: ["Room 405"])
        case .ombudsperson:
            return NoticeRecipient(name: ko ? "오세영" : "Oh Se-young", email: "seyoung.oh@hr.gwangju.example", postalAddress: ["Room 501"])
        }
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// The dates of the fixture and how each language writes them.
    static let dates: [(name: String, iso: String, en: String, ko: String)] = [
        ("received_date", "2026-03-12", "12 March 2026", "2026년 3월 12일"),
        ("triage_due_date", "2026-03-26", "26 March 2026", "2026년 3월 26일"),
        ("response_due_date", "2026-03-30", "30 March 2026", "2026년 3월 30일"),
        ("next_due_date", "2026-06-12", "12 June 2026", "2026년 6월 12일"),
        ("acceptance_due_date", "2026-03-31", "31 March 2026", "2026년 3월 31일"),
        ("previous_due_date", "2026-04-13", "13 April 2026", "2026년 4월 13일"),
        ("new_due_date", "2026-04-27", "27 April 2026", "2026년 4월 27일"),
        ("reply_due_date", "2026-04-15", "15 April 2026", "2026년 4월 15일"),
        ("due_date", "2026-04-10", "10 April 2026", "2026년 4월 10일"),
        ("final_due_date", "2026-05-08", "8 May 2026", "2026년 5월 8일"),
        ("missed_due_date", "2026-03-13", "13 March 2026", "2026년 3월 13일"),
    ]

    /// Every variable the shipped templates use; `complainant_name` only where `identity` is true.
    static func variables(_ language: String, identity: Bool) -> [String: NoticeValue] {
        let ko = language == "ko"
        func text(_ en: String, _ korean: String) -> NoticeValue { .text(ko ? korean : en) }
        var values: [String: NoticeValue] = [
            "respondent_name": text("Gwangju City Housing Department", "광주광역시 주택정책과"),
            "subject_matter": text("the suspension of a housing benefit", "주거급여 지급 중단"),
            "caseworker_name": text("Park Ji-hoon", "박지훈"),
            "assignee_name": text("Park Ji-hoon", "박지훈"),
            "approved_by": text("Lee Soo-min, Supervisor", "이수민 팀장"),
            "information_needed": [
                text("A copy of the letter that suspended your benefit", "급여 지급 중단 통지서 사본"),
                text("Your tenancy agreement for 2025", "2025년 임대차 계약서"),
            ],
            "route": .state(.investigation),
            "route_reasons": text("The complaint raises questions about how the Department applies the income rules, which need a formal investigation.", "이 진정은 주택정책과의 소득 기준 적용 방식에 관한 문제를 제기하므로 정식 조사가 필요합니다."),
            "settled": true,
            "terms": [
                ["description": text("Reinstate the housing benefit from 1 January 2026", "2026년 1월 1일부터 주거급여 지급 재개"), "due_date": .date(date("2026-04-10"))],
                ["description": text("Apologise in writing", "서면 사과"), "due_date": .date(date("2026-03-27"))],
            ],
            "next_route": .state(.investigation),
            "hearing_at": .instant(Date(timeIntervalSince1970: 1_776_646_800)),
            "hearing_place": text("Hearing Room 2, 4th floor, Gwangju City Hall", "광주광역시청 4층 제2심리실"),
            "arbitrators": [text("Yoon Seo-yeon", "윤서연"), text("Kang Dong-hyun", "강동현")],
            "clock": .clock(.respondentResponse),
            "extension_reason": text("The Department has asked for records held by the national pension service.", "주택정책과가 국민연금공단 보유 자료를 요청하였습니다."),
            "stage": .state(.investigation),
            "progress_summary": text("We have received the Department's written response and are reviewing it.", "주택정책과의 서면 답변을 받아 검토하고 있습니다."),
            "breached": true,
            "missed_clock": .clock(.investigation),
            "outcome": .outcome(.partlyUpheld),
            "decision_summary": text("The Department applied the 2025 income rules to a period before they came into force.", "주택정책과는 2025년 소득 기준을 시행 이전 기간에 적용하였습니다."),
            "remedies": [
                ["description": text("Reinstate the housing benefit and repay the arrears", "주거급여 지급 재개 및 미지급분 지급"), "due_date": .date(date("2026-04-14"))],
                ["description": text("Review other claims decided under the same rule", "같은 기준으로 결정된 다른 신청 재검토"), "due_date": .date(date("2026-09-15"))],
            ],
            "closure_reasons": text("All remedies have been carried out and verified.", "모든 구제 조치가 이행되고 확인되었습니다."),
            "working_days_left": 3,
            "working_days_overdue": 12,
        ]
        for entry in dates {
            values[entry.name] = .date(date(entry.iso))
        }
        if identity {
            values["complainant_name"] = text(complainant.en, complainant.ko)
        }
        return values
    }

    /// A notice of `kind` for `audience` in `language`, with every fixture variable.
    static func input(
        _ kind: NoticeKind, _ audience: NoticeAudience, _ language: String, channel: NoticeChannel = .email, id: Int = 7
    ) -> NoticeInput {
        NoticeInput(
            id: id,
            kind: kind,
            audience: audience,
            channel: channel,
            language: language,
            recipient: recipient(audience, language),
            automatic: [.warningToAssignee, .escalationToSupervisor, .ombudspersonListing, .respondentReminder, .letterToHeadOfBody, .nonComplianceNotice, .progressUpdate].contains(kind),
            office: office(language),
            reference: reference,
            issuedAt: issuedAt,
            disclosureAllowed: false,
            signatory: audience.isStaff ? nil : NoticeSignatory(name: language == "ko" ? "박지훈" : "Park Ji-hoon", title: language == "ko" ? "조사관" : "Caseworker"),
            variables: variables(language, identity: !audience.withholdsComplainantIdentity)
        )
    }

    /// Every shipped (kind, audience, language).
    static var shipped: [(kind: NoticeKind, audience: NoticeAudience, language: String)] {
        NoticeKind.allCases.flatMap { kind in
            kind.audiences.flatMap { audience in ["en", "ko"].map { (kind, audience, $0) } }
        }
    }

    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
