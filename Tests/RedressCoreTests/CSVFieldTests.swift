import RedressCore
import Testing

@Suite struct CSVFieldTests {
    /// One guard for every CSV: a field a spreadsheet would run as a formula gets a leading
    /// apostrophe, numbers included; then RFC 4180 quoting.
    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("-3", "'-3"),
        ("+44 20", "'+44 20"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\r=1", "\"'\r=1\""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("'=1", "'=1"),
        ("광주광역시", "광주광역시"),
        ("plain", "plain"),
        ("", ""),
    ])
    func encoded(_ raw: String, _ field: String) {
        #expect(CSVField.encoded(raw) == field)
    }

    @Test func neutralisedLeavesTheRestAlone() {
        #expect(CSVField.neutralised("-1") == "'-1")
        #expect(CSVField.neutralised("a,b") == "a,b")
    }

    @Test func writerEndsEveryRecord() {
        var crlf = CSVRecordWriter(sink: "")
        crlf.write(header: ["name", "n"], records: [["=x", "1"], ["Lee, Soo-min", ""]])
        #expect(crlf.sink == "name,n\r\n'=x,1\r\n\"Lee, Soo-min\",\r\n")
        var lf = CSVRecordWriter(sink: "", lineEnd: .lf)
        lf.write(header: ["name"], records: [])
        #expect(lf.sink == "name\n")
    }
}
