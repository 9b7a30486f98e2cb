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

    static func pick(_ language: String, _ en: String, _ ko: String, _ es: String? = nil) -> String {
        switch language {
        case "ko": return ko
        case "es": return es ?? en
        default: return en
        }
    }
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
            return NoticeRecipient(
                name: ko ? complainant.ko : complainant.en, email: complainantEmail,
                postalAddress: ko
                    ? ["광주광역시 북구 용봉로 77, 301호", "61186"] : ["Flat 301, 77 Yongbong-ro, Buk-gu", "Gwangju 61186"])
        case .representative:
            return NoticeRecipient(
                name: ko ? "정하늘 변호사" : "Jung Ha-neul (Advocate)", email: "haneul.jung@law.example",
                postalAddress: ko ? ["광주광역시 동구 금남로 20", "61470"] : ["20 Geumnam-ro, Dong-gu", "Gwangju 61470"])
        case .respondent:
            return NoticeRecipient(
                name: ko ? "최영호 민원담당관" : "Choi Young-ho, Complaints Officer",
                email: "complaints@housing.gwangju.example",
                postalAddress: ko
                    ? ["광주광역시청 주택정책과", "광주광역시 서구 내방로 111"]
                    : ["Housing Department, Gwangju City Hall", "111 Naebang-ro, Seo-gu, Gwangju"])
        case .headOfBody:
            return NoticeRecipient(
                name: ko ? "주택정책과장 한지원" : "Han Ji-won, Director of Housing", email: "director@housing.gwangju.example",
                postalAddress: ko
                    ? ["광주광역시청 주택정책과", "광주광역시 서구 내방로 111"]
                    : ["Housing Department, Gwangju City Hall", "111 Naebang-ro, Seo-gu, Gwangju"])
        case .assignee:
            return NoticeRecipient(
                name: ko ? "박지훈" : "Park Ji-hoon", email: "jihoon.park@hr.gwangju.example", postalAddress: ["Room 402"])
        case .supervisor:
            return NoticeRecipient(
                name: ko ? "이수민" : "Lee Soo-min", email: "soomin.lee@hr.gwangju.example", postalAddress: ["Room 405"])
        case .ombudsperson:
            return NoticeRecipient(
                name: ko ? "오세영" : "Oh Se-young", email: "seyoung.oh@hr.gwangju.example", postalAddress: ["Room 501"])
        }
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    /// The dates of the fixture and how each language writes them.
    static let dates: [(name: String, iso: String, en: String, ko: String, es: String)] = [
        ("received_date", "2026-03-12", "12 March 2026", "2026년 3월 12일", "12 de marzo de 2026"),
        ("triage_due_date", "2026-03-26", "26 March 2026", "2026년 3월 26일", "26 de marzo de 2026"),
        ("response_due_date", "2026-03-30", "30 March 2026", "2026년 3월 30일", "30 de marzo de 2026"),
        ("next_due_date", "2026-06-12", "12 June 2026", "2026년 6월 12일", "12 de junio de 2026"),
        ("acceptance_due_date", "2026-03-31", "31 March 2026", "2026년 3월 31일", "31 de marzo de 2026"),
        ("previous_due_date", "2026-04-13", "13 April 2026", "2026년 4월 13일", "13 de abril de 2026"),
        ("new_due_date", "2026-04-27", "27 April 2026", "2026년 4월 27일", "27 de abril de 2026"),
        ("reply_due_date", "2026-04-15", "15 April 2026", "2026년 4월 15일", "15 de abril de 2026"),
        ("due_date", "2026-04-10", "10 April 2026", "2026년 4월 10일", "10 de abril de 2026"),
        ("final_due_date", "2026-05-08", "8 May 2026", "2026년 5월 8일", "8 de mayo de 2026"),
        ("missed_due_date", "2026-03-13", "13 March 2026", "2026년 3월 13일", "13 de marzo de 2026"),
        ("review_due_date", "2026-05-12", "12 May 2026", "2026년 5월 12일", "12 de mayo de 2026"),
    ]

    /// Every variable the shipped templates use; `complainant_name` only where `identity` is true.
    static func variables(_ language: String, identity: Bool) -> [String: NoticeValue] {
        func text(_ en: String, _ korean: String, _ spanish: String? = nil) -> NoticeValue {
            .text(pick(language, en, korean, spanish))
        }
        var values: [String: NoticeValue] = [
            "respondent_name": text(
                "Gwangju City Housing Department", "광주광역시 주택정책과", "Departamento de Vivienda de Gwangju"),
            "subject_matter": text("the suspension of a housing benefit", "주거급여 지급 중단"),
            "caseworker_name": text("Park Ji-hoon", "박지훈"),
            "assignee_name": text("Park Ji-hoon", "박지훈"),
            "approved_by": text("Lee Soo-min, Supervisor", "이수민 팀장"),
            "information_needed": [
                text(
                    "A copy of the letter that suspended your benefit", "급여 지급 중단 통지서 사본",
                    "Una copia de la carta que suspendió su prestación"),
                text("Your tenancy agreement for 2025", "2025년 임대차 계약서", "Su contrato de alquiler de 2025"),
            ],
            "route": .state(.investigation),
            "route_reasons": text(
                "The complaint raises questions about how the Department applies the income rules, which need a formal investigation.",
                "이 진정은 주택정책과의 소득 기준 적용 방식에 관한 문제를 제기하므로 정식 조사가 필요합니다.",
                "La queja plantea dudas sobre cómo aplica el Departamento las normas de ingresos, que requieren una investigación formal."
            ),
            "settled": true,
            "terms": [
                [
                    "description": text(
                        "Reinstate the housing benefit from 1 January 2026", "2026년 1월 1일부터 주거급여 지급 재개",
                        "Restablecer la prestación de vivienda desde el 1 de enero de 2026"),
                    "due_date": .date(date("2026-04-10")),
                ],
                [
                    "description": text("Apologise in writing", "서면 사과", "Pedir disculpas por escrito"),
                    "due_date": .date(date("2026-03-27")),
                ],
            ],
            "next_route": .state(.investigation),
            "hearing_at": .instant(Date(timeIntervalSince1970: 1_776_646_800)),
            "hearing_place": text(
                "Hearing Room 2, 4th floor, Gwangju City Hall", "광주광역시청 4층 제2심리실",
                "Sala de audiencias 2, 4.ª planta, Ayuntamiento de Gwangju"),
            "arbitrators": [text("Yoon Seo-yeon", "윤서연"), text("Kang Dong-hyun", "강동현")],
            "clock": .clock(.respondentResponse),
            "extension_reason": text(
                "The Department has asked for records held by the national pension service.",
                "주택정책과가 국민연금공단 보유 자료를 요청하였습니다.",
                "El Departamento ha solicitado registros que obran en poder del servicio nacional de pensiones."),
            "stage": .state(.investigation),
            "progress_summary": text(
                "We have received the Department's written response and are reviewing it.",
                "주택정책과의 서면 답변을 받아 검토하고 있습니다.",
                "Hemos recibido la respuesta escrita del Departamento y la estamos examinando."),
            "breached": true,
            "missed_clock": .clock(.investigation),
            "outcome": .outcome(.partlyUpheld),
            "decision_summary": text(
                "The Department applied the 2025 income rules to a period before they came into force.",
                "주택정책과는 2025년 소득 기준을 시행 이전 기간에 적용하였습니다.",
                "El Departamento aplicó las normas de ingresos de 2025 a un periodo anterior a su entrada en vigor."),
            "remedies": [
                [
                    "description": text(
                        "Reinstate the housing benefit and repay the arrears", "주거급여 지급 재개 및 미지급분 지급",
                        "Restablecer la prestación y pagar los atrasos"), "due_date": .date(date("2026-04-14")),
                ],
                [
                    "description": text(
                        "Review other claims decided under the same rule", "같은 기준으로 결정된 다른 신청 재검토",
                        "Revisar otras solicitudes resueltas con la misma norma"),
                    "due_date": .date(date("2026-09-15")),
                ],
            ],
            "moved_clocks": [
                [
                    "clock": .clock(.triage), "previous_due_date": .date(date("2026-03-19")),
                    "new_due_date": .date(date("2026-03-20")),
                ],
                [
                    "clock": .clock(.acknowledge), "previous_due_date": .date(date("2026-03-09")),
                    "new_due_date": .date(date("2026-03-10")),
                ],
            ],
            "closure_reasons": text(
                "All remedies have been carried out and verified.", "모든 구제 조치가 이행되고 확인되었습니다.",
                "Todas las medidas de reparación se han aplicado y verificado."),
            "working_days_left": 3,
            "working_days_overdue": 12,
            "review_upheld": false,
            "review_varied": true,
            "review_remitted": false,
            "review_reasons": text(
                "The decision did not weigh the tenancy records the complainant sent.",
                "결정은 진정인이 보낸 임대차 기록을 검토하지 않았습니다.",
                "La resolución no tuvo en cuenta los registros de alquiler enviados por el reclamante."),
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
            automatic: [
                .warningToAssignee, .escalationToSupervisor, .ombudspersonListing, .respondentReminder,
                .letterToHeadOfBody, .nonComplianceNotice, .progressUpdate,
            ].contains(kind),
            office: office(language),
            reference: reference,
            issuedAt: issuedAt,
            disclosureAllowed: false,
            withheldIdentity: [complainant.en, complainant.ko, complainantEmail, complainantPhone],
            signatory: audience.isStaff
                ? nil
                : NoticeSignatory(
                    name: pick(language, "Park Ji-hoon", "박지훈"),
                    title: pick(language, "Caseworker", "조사관", "Responsable del caso")),
            variables: variables(language, identity: !audience.withholdsComplainantIdentity)
        )
    }

    /// Every shipped (kind, audience, language), from the built-in templates' names, in a stable order.
    static var shipped: [(kind: NoticeKind, audience: NoticeAudience, language: String)] {
        TemplateSource.embeddedTemplates.keys.sorted().map { name in
            let parts = name.split(separator: ".").map(String.init)
            return (NoticeKind(rawValue: parts[0])!, NoticeAudience(rawValue: parts[1])!, parts[2])
        }
    }

    /// How a language labels the reference and date of a letter, and writes the fixture's issue date.
    static func letterLines(_ language: String) -> [String] {
        switch language {
        case "ko": return ["사건번호: HRC-2026-000042", "일자: 2026년 3월 16일"]
        case "es": return ["Nuestra referencia: HRC-2026-000042", "Fecha: 16 de marzo de 2026"]
        default: return ["Our reference: HRC-2026-000042", "Date: 16 March 2026"]
        }
    }

    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
