# Usage: awk -v n=100000 [-v seed=1] [-v year=2025] -f ops/bench.d/complaints.awk > complaints.csv
# Writes n synthetic complaints as a `redress case import` CSV: the same n and
# seed give the same file. Dates fall on the year's days in order, as a paper
# backlog would; respondents, channels, categories and urgency vary.
BEGIN {
    if (n == "") n = 100000
    if (seed == "") seed = 1
    if (year == "") year = 2025
    srand(seed)
    split("web email post phone in_person referral", channel, " ")
    split("housing energy food education mobility public_facilities non_discrimination right_to_remedy social_inclusion", category, " ")
    split("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon", family, " ")
    split("Minji Jisoo Hyun Seojun Yuna Doyun Haeun Jiho Sora Taeyang", given, " ")
    split("Housing Corporation|Transit Authority|Energy Corporation|Water Board|Education Office|Welfare Centre|Parks Department|Police Liaison Office|District Office|Health Centre", body, "|")
    split("en ko", language, " ")
    days[1] = 31; days[2] = 28; days[3] = 31; days[4] = 30; days[5] = 31; days[6] = 30
    days[7] = 31; days[8] = 31; days[9] = 30; days[10] = 31; days[11] = 30; days[12] = 31
    print "received_at,channel,complainant,email,phone,language,respondent,categories,summary,urgent"
    for (i = 0; i < n; i++) {
        day = int(i * 365 / n)
        month = 1
        while (day >= days[month]) { day -= days[month]; month++ }
        hour = 8 + int(rand() * 10)
        minute = int(rand() * 60)
        name = family[1 + int(rand() * 15)] " " given[1 + int(rand() * 10)]
        b = 1 + int(rand() * 10)
        district = 1 + int(rand() * 30)
        c1 = category[1 + int(rand() * 9)]
        c2 = category[1 + int(rand() * 9)]
        cats = (c1 == c2 || rand() < 0.5) ? c1 : c1 ";" c2
        urgent = rand() < 0.08 ? "true" : "false"
        printf "%04d-%02d-%02dT%02d:%02d+09:00,%s,%s,person%d@example.org,+82 62 %03d %04d,%s,\"District %d %s\",%s,\"Complaint %d: the %s did not answer \"\"in time\"\", again\",%s\n",
            year, month, day + 1, hour, minute, channel[1 + int(rand() * 6)], name, i, int(rand() * 1000), i % 10000,
            language[1 + int(rand() * 2)], district, body[b], cats, i + 1, body[b], urgent
    }
}
