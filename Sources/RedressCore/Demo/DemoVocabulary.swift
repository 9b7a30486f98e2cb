/// The words the demo office is made of: staff, public bodies, names, places and complaint
/// summaries in English and Korean. All invented; any likeness to a real person is chance.
public enum DemoVocabulary {
    /// A member of the demo staff.
    public struct StaffMember: Sendable, Hashable {
        /// The PostgreSQL login.
        public var login: String
        /// The name people see.
        public var displayName: String
        /// The roles held.
        public var roles: [Role]
    }

    /// A public body complaints are made against.
    public struct Body: Sendable, Hashable {
        /// Its name, in English with the Korean in brackets.
        public var name: String
        /// Its general address.
        public var email: String
        /// The title and name of its head.
        public var headName: String
        /// The head's address.
        public var headEmail: String
        /// The rights categories complaints about it usually raise.
        public var categories: [String]
    }

    /// The office's staff: intake officers, caseworkers, supervisors, an ombudsperson, an auditor.
    public static let staff: [StaffMember] = {
        let caseworkers: [(String, String)] = [
            ("jkim", "Kim Ji-woo"), ("mlee", "Lee Min-jun"), ("spark", "Park Seo-yeon"), ("hchoi", "Choi Ha-eun"),
            ("yjung", "Jung Ye-jin"), ("dkang", "Kang Do-yun"), ("scho", "Cho Seung-hyun"), ("eyoon", "Yoon Eun-ji"),
            ("jjang", "Jang Jae-won"), ("hlim", "Lim Hye-won"), ("mhan", "Han Min-seo"), ("toh", "Oh Tae-yang"),
            ("asmith", "Alex Smith"), ("rgarcia", "Rosa Garcia"),
        ]
        var members = caseworkers.map { StaffMember(login: $0.0, displayName: $0.1, roles: [.caseworker]) }
        members += [
            StaffMember(login: "kseo", displayName: "Seo Kyung-ah", roles: [.supervisor]),
            StaffMember(login: "wshin", displayName: "Shin Woo-jin", roles: [.supervisor]),
            StaffMember(login: "nkwon", displayName: "Kwon Na-rae", roles: [.supervisor]),
            StaffMember(login: "ombudsperson", displayName: "Hwang Sun-hee", roles: [.ombudsperson]),
            StaffMember(login: "intake1", displayName: "Ahn Bo-ra", roles: [.intake]),
            StaffMember(login: "intake2", displayName: "Song Ji-hoon", roles: [.intake]),
            StaffMember(login: "auditor", displayName: "Ryu Hyun-soo", roles: [.auditor]),
        ]
        return members
    }()

    /// The logins of the staff who handle cases.
    public static var caseworkers: [String] { staff.filter { $0.roles.contains(.caseworker) }.map(\.login) }
    /// The logins of the supervisors.
    public static var supervisors: [String] { staff.filter { $0.roles.contains(.supervisor) }.map(\.login) }

    /// The office's roster of arbitrators.
    public static let arbitrators = [
        "Kim Haneul (retired judge)", "Park Seoyeon (law professor)", "Choi Minjun (mediator)",
        "Jung Yuna (advocate)", "Lee Dohyun (former ombudsperson)",
    ]

    /// Where mediation sessions are held.
    public static let mediationPlaces = [
        "Office meeting room 2", "Office meeting room 3", "Video call", "The respondent's offices",
        "Community centre, Dong-gu",
    ]

    /// The rights categories of the vocabulary (SPEC §2.1): the ten Gwangju principles and the basic services.
    public static let categories = [
        "right_to_the_city", "non_discrimination", "social_inclusion", "participatory_democracy", "social_justice",
        "political_leadership", "human_rights_mainstreaming", "effective_coordination", "human_rights_education",
        "right_to_remedy", "food", "education", "housing", "energy", "mobility", "public_facilities",
    ]

    /// The public bodies of the demo city.
    public static let bodies: [Body] = [
        body(
            "Gwangju Metropolitan City Hall (광주광역시청)", "cityhall", "Mayor",
            ["participatory_democracy", "right_to_the_city", "non_discrimination", "right_to_remedy"]),
        body(
            "Dong-gu District Office (동구청)", "donggu", "District Head",
            ["public_facilities", "housing", "social_inclusion"]),
        body(
            "Seo-gu District Office (서구청)", "seogu", "District Head", ["public_facilities", "food", "social_inclusion"]),
        body(
            "Nam-gu District Office (남구청)", "namgu", "District Head",
            ["housing", "public_facilities", "non_discrimination"]),
        body(
            "Buk-gu District Office (북구청)", "bukgu", "District Head", ["housing", "energy", "participatory_democracy"]),
        body(
            "Gwangsan-gu District Office (광산구청)", "gwangsangu", "District Head",
            ["social_inclusion", "non_discrimination", "mobility"]),
        body(
            "Gwangju Metropolitan Office of Education (광주광역시교육청)", "edu", "Superintendent",
            ["education", "non_discrimination", "human_rights_education"]),
        body(
            "Gwangju Urban Railroad Corporation (광주도시철도공사)", "metro", "President",
            ["mobility", "public_facilities", "non_discrimination"]),
        body("Gwangju City Bus Management Office (시내버스관리사업소)", "bus", "Director", ["mobility", "non_discrimination"]),
        body("Gwangju Urban Development Corporation (광주도시공사)", "gmcc", "President", ["housing", "right_to_the_city"]),
        body(
            "Gwangju Environmental Corporation (광주환경공단)", "eco", "President",
            ["energy", "public_facilities", "social_justice"]),
        body(
            "Gwangju Welfare Foundation (광주복지재단)", "welfare", "Chair", ["food", "social_inclusion", "social_justice"]),
        body("Gwangju Facilities Corporation (광주시설공단)", "facilities", "President", ["public_facilities", "mobility"]),
        body(
            "Gwangju Metropolitan Water Supply Headquarters (상수도사업본부)", "water", "Director",
            ["energy", "public_facilities", "right_to_the_city"]),
        body(
            "Gwangju Women and Family Foundation (광주여성가족재단)", "family", "President",
            ["non_discrimination", "social_inclusion", "human_rights_mainstreaming"]),
        body(
            "Gwangju Metropolitan City Hospital (광주시립병원)", "hospital", "Director",
            ["public_facilities", "non_discrimination"]),
        body(
            "Gwangju Cultural Foundation (광주문화재단)", "culture", "President",
            ["social_inclusion", "participatory_democracy"]),
        body("Gwangju Sports Council (광주시체육회)", "sports", "President", ["public_facilities", "non_discrimination"]),
        body(
            "Haeorum Senior Care Centre (해오름노인요양원)", "haeorum", "Director",
            ["food", "social_inclusion", "right_to_remedy"]),
        body(
            "Saebit Disability Support Centre (새빛장애인복지관)", "saebit", "Director",
            ["non_discrimination", "mobility", "social_inclusion"]),
        body(
            "Gwangju Migrant Support Centre (광주외국인주민지원센터)", "migrants", "Director",
            ["non_discrimination", "social_inclusion", "human_rights_education"]),
        body(
            "Gwangju Public Housing Management (광주공공주택관리소)", "publichousing", "Manager",
            ["housing", "energy", "right_to_the_city"]),
        body(
            "Gwangju Metropolitan Council Secretariat (광주광역시의회사무처)", "council", "Secretary General",
            ["participatory_democracy", "political_leadership", "effective_coordination"]),
        body(
            "Gwangju Youth Centre (광주청소년활동진흥센터)", "youth", "Director",
            ["education", "social_inclusion", "human_rights_education"]),
    ]

    private static func body(_ name: String, _ slug: String, _ head: String, _ categories: [String]) -> Body {
        Body(
            name: name, email: "complaints@\(slug).demo.example", headName: head,
            headEmail: "head@\(slug).demo.example", categories: categories)
    }

    /// English given and family names.
    public static let englishGivenNames = [
        "Aisha", "Ben", "Carmen", "Daniel", "Elena", "Farid", "Grace", "Hiro", "Ines", "James", "Kofi", "Laura",
        "Mateo", "Nadia", "Owen", "Priya", "Quinn", "Rahul", "Sofia", "Thomas", "Uma", "Victor", "Wen", "Yusuf", "Zara",
    ]
    public static let englishFamilyNames = [
        "Adams", "Brown", "Chen", "Dubois", "Evans", "Fernandez", "Green", "Hassan", "Ivanova", "Jones", "Khan",
        "Lopez", "Martin", "Nguyen", "Okafor", "Patel", "Rossi", "Santos", "Tanaka", "Walker", "Young",
    ]
    /// Korean family names and given names, in Hangul.
    public static let koreanFamilyNames = [
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍",
    ]
    public static let koreanGivenNames = [
        "민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "주원", "지민", "예준", "수아", "지호",
        "채원", "현우", "지안", "유진", "은서", "건우", "다은", "순자", "영수", "정희", "상철", "미경", "광수",
    ]

    /// Group complainants (collective complaints).
    public static let groups = [
        ("Residents' Association of Unam-dong", "운암동 주민협의회"),
        ("Parents of Pungam Elementary School", "풍암초등학교 학부모회"),
        ("Wheelchair Users' Network Gwangju", "광주 휠체어 이용자 네트워크"),
        ("Street Vendors of Daein Market", "대인시장 노점상인회"),
        ("Tenants of Block 7, Hanam Public Housing", "하남 공공임대 7단지 입주자회"),
        ("Migrant Workers' Solidarity Gwangju", "광주 이주노동자 연대"),
    ]

    /// Neighbourhoods, for summaries.
    public static let places = [
        ("Chungjang-ro", "충장로"), ("Sangmu", "상무지구"), ("Unam-dong", "운암동"), ("Pungam-dong", "풍암동"),
        ("Hanam", "하남"), ("Songjeong", "송정"), ("Yangnim-dong", "양림동"), ("Geumnam-ro", "금남로"),
        ("Cheomdan", "첨단지구"), ("Suwan-dong", "수완동"), ("Hwajeong-dong", "화정동"), ("Wolgok-dong", "월곡동"),
    ]

    /// Summary templates per category: English and Korean, with `{place}`, `{body}`, `{n}` and
    /// `{weeks}` filled in from the case.
    public static let summaries: [String: [(en: String, ko: String)]] = [
        "right_to_the_city": [
            (
                "The redevelopment plan for {place} was approved without the public hearing residents asked for; {n} households face displacement.",
                "{place} 재개발 계획이 주민이 요청한 공청회 없이 승인되어 {n}가구가 이주 위기에 놓였습니다."
            ),
            (
                "Public space in {place} has been fenced off for a private event venue for {weeks} weeks without notice to residents.",
                "{place}의 공공 공간이 주민 안내 없이 {weeks}주째 민간 행사장으로 울타리가 쳐져 있습니다."
            ),
        ],
        "non_discrimination": [
            (
                "A wheelchair user was refused boarding twice at {place} because the ramp was out of order; staff gave no alternative.",
                "{place}에서 경사로 고장을 이유로 휠체어 이용자의 승차가 두 차례 거부되었고 대안이 안내되지 않았습니다."
            ),
            (
                "An application for a municipal programme was rejected because the applicant is a foreign resident, although the ordinance does not require citizenship.",
                "조례에 국적 요건이 없는데도 외국인 주민이라는 이유로 시 사업 신청이 거부되었습니다."
            ),
        ],
        "social_inclusion": [
            (
                "Notices about the new waste collection rules in {place} were issued only in Korean; migrant residents were fined without understanding the rules.",
                "{place}의 새 쓰레기 배출 규정이 한국어로만 안내되어 이주민 주민들이 내용을 모른 채 과태료를 받았습니다."
            ),
            (
                "The community centre in {place} cancelled sign-language interpretation for its classes without consulting deaf participants.",
                "{place} 주민센터가 농인 수강생과 협의 없이 수업의 수어 통역을 중단했습니다."
            ),
        ],
        "participatory_democracy": [
            (
                "A citizens' petition signed by {n} residents of {place} received no answer within the time the ordinance sets.",
                "{place} 주민 {n}명이 서명한 청원에 조례가 정한 기한 안에 답변이 없었습니다."
            ),
            (
                "The participatory budget vote in {place} was held on a weekday morning only, excluding working residents.",
                "{place} 주민참여예산 투표가 평일 오전에만 진행되어 직장인 주민이 참여하지 못했습니다."
            ),
        ],
        "social_justice": [
            (
                "Emergency livelihood support was stopped after {weeks} weeks without a written decision or a route to appeal.",
                "긴급생계지원이 {weeks}주 만에 서면 결정이나 이의신청 안내 없이 중단되었습니다."
            ),
            (
                "Contract cleaners at a city building in {place} were dismissed when the contractor changed, contrary to the city's employment-succession policy.",
                "{place} 시 청사 청소노동자들이 용역업체 변경 때 시의 고용승계 방침과 달리 해고되었습니다."
            ),
        ],
        "political_leadership": [
            (
                "The human rights action plan promised for {place} has not been published {weeks} weeks after the deadline.",
                "{place}에 약속된 인권 실행계획이 기한보다 {weeks}주가 지나도록 공개되지 않았습니다."
            )
        ],
        "human_rights_mainstreaming": [
            (
                "A new policy on shelter admissions was adopted without the human rights impact assessment the city requires.",
                "시가 요구하는 인권영향평가 없이 쉼터 입소 정책이 새로 채택되었습니다."
            )
        ],
        "effective_coordination": [
            (
                "The complainant was sent between {body} and the district office {n} times; neither would take responsibility for the request.",
                "민원인이 {body}와 구청 사이를 {n}차례 오갔지만 어느 쪽도 책임지고 처리하지 않았습니다."
            )
        ],
        "human_rights_education": [
            (
                "Staff at {body} made degrading remarks to a complainant; no human rights training has been given to the team in the past year.",
                "{body} 직원이 민원인에게 모욕적인 발언을 했으며, 해당 부서는 지난 1년간 인권교육을 받지 않았습니다."
            )
        ],
        "right_to_remedy": [
            (
                "A complaint lodged with {body} {weeks} weeks ago has had no acknowledgement, reference number or decision.",
                "{weeks}주 전 {body}에 낸 민원에 접수 확인, 접수번호, 결정 어느 것도 받지 못했습니다."
            ),
            (
                "{body} accepted the office's recommendation but has not carried out the agreed apology and record correction.",
                "{body}가 권고를 수용했지만 합의된 사과와 기록 정정을 이행하지 않았습니다."
            ),
        ],
        "food": [
            (
                "Free school meals for {n} children in {place} were cut during the holidays without the promised meal vouchers.",
                "{place} 아동 {n}명의 방학 중 무상급식이 약속된 급식카드 지급 없이 중단되었습니다."
            ),
            (
                "The senior meal delivery service in {place} skipped deliveries for {weeks} weeks; several recipients live alone.",
                "{place} 어르신 도시락 배달이 {weeks}주 동안 누락되었으며 수혜자 여러 명이 홀로 삽니다."
            ),
        ],
        "education": [
            (
                "A student with a disability in {place} has had no learning assistant for {weeks} weeks despite an approved support plan.",
                "{place}의 장애 학생이 승인된 지원계획에도 {weeks}주째 학습보조 인력을 배정받지 못했습니다."
            ),
            (
                "Children of migrant families were refused enrolment at a school in {place} for lack of a residence document.",
                "{place}의 학교가 체류 서류가 없다는 이유로 이주가정 아동의 입학을 거부했습니다."
            ),
        ],
        "housing": [
            (
                "An eviction notice was served on a tenant of public housing in {place} without the hearing the lease requires; the family of {n} must leave within {weeks} weeks.",
                "{place} 공공임대주택 세입자에게 임대차 계약이 정한 청문 없이 퇴거 통지가 송달되어 {n}인 가족이 {weeks}주 안에 집을 비워야 합니다."
            ),
            (
                "Mould and a broken heating system in a public rental flat in {place} were reported {n} times without repair.",
                "{place} 공공임대 아파트의 곰팡이와 난방 고장이 {n}차례 신고되었지만 수리되지 않았습니다."
            ),
        ],
        "energy": [
            (
                "Electricity to a household in {place} was to be cut off during a cold wave despite an application for the energy voucher.",
                "에너지바우처를 신청했는데도 한파 중에 {place}의 한 가구에 전기 공급 중단이 예고되었습니다."
            ),
            (
                "Water supply to {n} households in {place} was interrupted for {weeks} days without notice or emergency supply.",
                "{place} {n}가구의 수돗물 공급이 예고나 비상급수 없이 {weeks}일 동안 중단되었습니다."
            ),
        ],
        "mobility": [
            (
                "The low-floor bus on the route through {place} has been replaced by high-floor buses for {weeks} weeks, stranding wheelchair users.",
                "{place}를 지나는 노선의 저상버스가 {weeks}주째 일반버스로 대체되어 휠체어 이용자가 이동하지 못하고 있습니다."
            ),
            (
                "Special transport for people with disabilities in {place} routinely requires bookings {n} days ahead, beyond the ordinance's limit.",
                "{place}의 장애인 특별교통수단이 조례 기준을 넘어 {n}일 전 예약을 요구하고 있습니다."
            ),
        ],
        "public_facilities": [
            (
                "The only accessible toilet at the {place} community centre has been locked for {weeks} weeks.",
                "{place} 주민센터의 유일한 장애인 화장실이 {weeks}주째 잠겨 있습니다."
            ),
            (
                "The public library in {place} cut its opening hours without consulting users; students lost their only evening study space.",
                "{place} 공공도서관이 이용자 의견 수렴 없이 운영시간을 줄여 학생들이 유일한 저녁 학습공간을 잃었습니다."
            ),
        ],
    ]
}
