import Foundation
import RedressCore

/// How a language writes dates, instants, letter labels and domain terms in notices.
///
/// English, Korean and Spanish are built in. A language an office adds through its own
/// templates gets ISO dates and English terms and labels.
struct NoticeLanguage: Sendable {
    /// The lowercase ISO 639 code.
    let code: String

    /// Whether `code` is a lowercase ISO 639 code (2 or 3 letters); nothing else can reach a
    /// template file name.
    static func isCode(_ code: String) -> Bool {
        (2...3).contains(code.utf8.count) && code.utf8.allSatisfy { (0x61...0x7A).contains($0) }
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]
    private static let spanishMonths = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
        "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ]

    /// A date as the language writes it in a letter.
    func date(_ date: LocalDate) -> String {
        let (year, month, day) = date.parts
        switch code {
        case "en": return "\(day) \(NoticeLanguage.englishMonths[month - 1]) \(year)"
        case "ko": return "\(year)년 \(month)월 \(day)일"
        case "es": return "\(day) de \(NoticeLanguage.spanishMonths[month - 1]) de \(year)"
        default: return date.iso
        }
    }

    /// An instant as a date and a 24-hour time in `timeZone`.
    func instant(_ instant: Date, timeZone: TimeZone) -> String {
        let local = LocalTime(instant: instant, timeZone: timeZone)
        let time = "\(RFC5322Date.pad(local.hour, 2)):\(RFC5322Date.pad(local.minute, 2))"
        switch code {
        case "en": return "\(date(local.date)) at \(time)"
        case "ko": return "\(date(local.date)) \(time)"
        case "es": return "\(date(local.date)), a las \(time)"
        default: return "\(local.date.iso) \(time)"
        }
    }

    /// An instant in ISO 8601 with the zone's offset, e.g. `2026-03-20T10:00:00+09:00`.
    static func isoInstant(_ instant: Date, timeZone: TimeZone) -> String {
        let local = LocalTime(instant: instant, timeZone: timeZone)
        let minutes = abs(local.offsetSeconds) / 60
        let sign = local.offsetSeconds < 0 ? "-" : "+"
        return
            "\(local.date.iso)T\(RFC5322Date.pad(local.hour, 2)):\(RFC5322Date.pad(local.minute, 2)):\(RFC5322Date.pad(local.second, 2))"
            + "\(sign)\(RFC5322Date.pad(minutes / 60, 2)):\(RFC5322Date.pad(minutes % 60, 2))"
    }

    /// The label before the case reference on a letter.
    var referenceLabel: String {
        switch code {
        case "ko": return "사건번호"
        case "es": return "Nuestra referencia"
        default: return "Our reference"
        }
    }

    /// The label before the date on a letter.
    var dateLabel: String {
        switch code {
        case "ko": return "일자"
        case "es": return "Fecha"
        default: return "Date"
        }
    }

    /// The label before the subject on a letter.
    var subjectLabel: String {
        switch code {
        case "ko": return "제목"
        case "es": return "Asunto"
        default: return "Subject"
        }
    }

    /// A case state as a noun phrase: the route chosen or the stage reached.
    func term(_ state: CaseState) -> String {
        let (en, ko, es): (String, String, String)
        switch state {
        case .received: (en, ko, es) = ("registration", "접수", "recepción")
        case .triage: (en, ko, es) = ("assessment", "사전 검토", "evaluación")
        case .awaitingInfo: (en, ko, es) = ("waiting for information", "자료 보완 대기", "espera de información")
        case .earlyResolution: (en, ko, es) = ("early resolution", "조기 해결", "resolución temprana")
        case .mediation: (en, ko, es) = ("mediation", "조정", "mediación")
        case .investigation: (en, ko, es) = ("investigation", "조사", "investigación")
        case .onHold:
            (en, ko, es) = ("waiting for other proceedings", "다른 절차 진행에 따른 보류", "suspensión por otros procedimientos")
        case .arbitration: (en, ko, es) = ("arbitration", "중재", "arbitraje")
        case .decided: (en, ko, es) = ("decision", "결정", "resolución")
        case .remedy: (en, ko, es) = ("putting things right", "구제 조치 이행", "reparación")
        case .closed: (en, ko, es) = ("closure", "종결", "cierre")
        }
        return pick(en, ko, es)
    }

    /// An outcome code as the decision or closure states it.
    func term(_ outcome: Outcome) -> String {
        let (en, ko, es): (String, String, String)
        switch outcome {
        case .outOfJurisdiction: (en, ko, es) = ("outside our jurisdiction", "관할 외", "fuera de nuestra competencia")
        case .outOfTime: (en, ko, es) = ("made too late", "신청 기간 경과", "presentada fuera de plazo")
        case .premature:
            (en, ko, es) = (
                "premature: the body's own complaints procedure has not been completed",
                "선행 절차 미완료: 해당 기관의 자체 민원 절차가 끝나지 않음",
                "prematura: no se ha completado el procedimiento de quejas del propio organismo"
            )
        case .insufficientInformation:
            (en, ko, es) = (
                "not enough information to proceed", "처리에 필요한 정보 부족", "información insuficiente para continuar"
            )
        case .withdrawn: (en, ko, es) = ("withdrawn", "취하", "retirada")
        case .transferred: (en, ko, es) = ("transferred to another body", "다른 기관으로 이송", "remitida a otro organismo")
        case .discretionary:
            (en, ko, es) = (
                "not taken further, at our discretion", "재량에 따른 조사 중지", "no tramitada, a nuestra discreción"
            )
        case .parallelProceedings:
            (en, ko, es) = ("subject of other proceedings", "다른 절차 진행 중", "objeto de otros procedimientos")
        case .duplicate: (en, ko, es) = ("duplicate of another complaint", "중복 진정", "duplicado de otra queja")
        case .earlyResolution: (en, ko, es) = ("resolved early", "조기 해결", "resuelta de forma temprana")
        case .settled: (en, ko, es) = ("settled by agreement", "합의로 해결", "resuelta por acuerdo")
        case .award: (en, ko, es) = ("decided by arbitral award", "중재 판정", "resuelta por laudo arbitral")
        case .upheld: (en, ko, es) = ("upheld", "인용", "estimada")
        case .partlyUpheld: (en, ko, es) = ("partly upheld", "일부 인용", "estimada parcialmente")
        case .notUpheld: (en, ko, es) = ("not upheld", "기각", "desestimada")
        }
        return pick(en, ko, es)
    }

    /// What a clock times, as the object of "the time limit for …".
    func term(_ clock: ClockKind) -> String {
        let (en, ko, es): (String, String, String)
        switch clock {
        case .acknowledge: (en, ko, es) = ("acknowledging the complaint", "진정 접수 확인", "acusar recibo de la queja")
        case .triage:
            (en, ko, es) = ("deciding how to deal with the complaint", "처리 방식 결정", "decidir cómo tramitar la queja")
        case .infoResponse:
            (en, ko, es) = (
                "replying to our request for information", "자료 보완 요청에 대한 회신",
                "responder a nuestra solicitud de información"
            )
        case .earlyResolution: (en, ko, es) = ("early resolution", "조기 해결", "la resolución temprana")
        case .mediationAcceptance:
            (en, ko, es) = ("replying to the offer of mediation", "조정 제안에 대한 회신", "responder a la oferta de mediación")
        case .mediation: (en, ko, es) = ("mediation", "조정", "la mediación")
        case .respondentResponse:
            (en, ko, es) = ("the body's written response", "피진정기관의 서면 답변", "la respuesta escrita del organismo")
        case .investigation:
            (en, ko, es) = ("the investigation and decision", "조사 및 결정", "la investigación y la resolución")
        case .arbitrationAward: (en, ko, es) = ("the arbitral award", "중재 판정", "el laudo arbitral")
        case .arbitrationOverall: (en, ko, es) = ("the arbitration", "중재 절차", "el arbitraje")
        case .respondentReply:
            (en, ko, es) = (
                "the body's reply to our decision", "결정에 대한 피진정기관의 회신",
                "la respuesta del organismo a nuestra resolución"
            )
        case .remedy: (en, ko, es) = ("carrying out the remedy", "구제 조치 이행", "aplicar la medida de reparación")
        case .verification:
            (en, ko, es) = (
                "checking the evidence that remedies were carried out", "이행 증빙 확인",
                "comprobar las pruebas de cumplimiento"
            )
        case .parallelReview:
            (en, ko, es) = ("reviewing the case on hold", "보류 사건 정기 검토", "revisar el caso en suspenso")
        case .complainantUpdate:
            (en, ko, es) = ("updating the complainant", "진정인에 대한 진행 상황 안내", "informar a la persona reclamante")
        case .review: (en, ko, es) = ("the review of our decision", "결정 재검토", "la revisión de nuestra resolución")
        }
        return pick(en, ko, es)
    }

    private func pick(_ en: String, _ ko: String, _ es: String) -> String {
        switch code {
        case "ko": return ko
        case "es": return es
        default: return en
        }
    }
}
