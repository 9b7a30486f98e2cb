# Usage: tail -c +OFFSET server.log | awk -v want=REGEX -f ops/bench.d/slowest-statement.awk
# Reads a PostgreSQL server log written with log_line_prefix = '@@%p@@ ' and
# log_min_duration_statement = 0, and prints the slowest statement it records
# whose SQL matches the extended regular expression `want` (any statement when
# it is empty) as SQL that psql can run: `PREPARE bench_statement AS ...;` then
# `EXECUTE bench_statement(...)` with the logged parameter values, or the
# plain statement when it had none. Transaction control (BEGIN, COMMIT,
# ROLLBACK, SET) is left out. ops/bench uses it to run, as its baseline,
# exactly the SQL Redress sent. Prints nothing when the log holds no statement.
function flush_entry() {
    if (entry == "") return
    if (match(entry, /^LOG:  duration: [0-9.]+ ms  (execute [^:]*|statement): /)) {
        consider()
        head = substr(entry, 1, RLENGTH)
        split(head, part, " ")
        last_duration = part[3] + 0
        last_sql = substr(entry, RLENGTH + 1)
        last_kind = (head ~ /execute/) ? "execute" : "statement"
        last_params = ""
        pending = 1
    } else if (pending && entry ~ /^DETAIL:  parameters: /) {
        last_params = substr(entry, length("DETAIL:  parameters: ") + 1)
    } else {
        consider()
    }
    entry = ""
}
function consider() {
    if (pending && last_sql ~ /^[ \t\n]*(BEGIN|COMMIT|ROLLBACK|SET|START TRANSACTION)/) pending = 0
    if (pending && want != "" && last_sql !~ want) pending = 0
    if (pending && (best_sql == "" || last_duration > best_duration)) {
        best_duration = last_duration; best_sql = last_sql; best_kind = last_kind; best_params = last_params
    }
    pending = 0
}
# "$1 = 'a''b', $2 = NULL" -> "'a''b', NULL"
function values_of(text,    out, i, c, n, inquote, value) {
    out = ""; n = length(text); i = 1
    while (i <= n) {
        if (substr(text, i, 1) == "$") {
            while (i <= n && substr(text, i, 3) != " = ") i++
            i += 3
            if (substr(text, i, 4) == "NULL") { value = "NULL"; i += 4 }
            else {
                value = "'"; i++; inquote = 1
                while (i <= n && inquote) {
                    c = substr(text, i, 1)
                    if (c == "'" && substr(text, i + 1, 1) == "'") { value = value "''"; i += 2; continue }
                    value = value c; i++
                    if (c == "'") inquote = 0
                }
            }
            out = out (out == "" ? "" : ", ") value
        } else i++
    }
    return out
}
/^@@[0-9]+@@ / { flush_entry(); sub(/^@@[0-9]+@@ /, ""); entry = $0; next }
{ sub(/^\t/, ""); entry = entry "\n" $0 }
END {
    flush_entry(); consider()
    if (best_sql == "") exit 0
    if (best_kind == "execute" && best_params != "") {
        print "PREPARE bench_statement AS " best_sql ";"
        print "EXECUTE bench_statement(" values_of(best_params) ");"
    } else {
        print best_sql ";"
    }
}
