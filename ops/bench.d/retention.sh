# Sourced by ops/bench, last (it destroys the seeded office's personal data): the retention
# row. A demo office is one year old, so no case is past the default schedule; a policy version
# in force today sets every period and the statutory minimum to 0 years, and legal holds (written
# by the superuser) keep all but the first 30% of the cases from retention. `redress retention
# run` then anonymises those 30%, timed with its peak RSS; a second run must write nothing.
# Needs: $bin, $url, $cases, $work, say, psql_q, row, secs, le, writes.
say "retention over $cases cases, 30% due"
retention_today=$(TZ=Asia/Seoul date +%Y-%m-%d)
"$bin" policy set --statutory-minimum 0 --effective "$retention_today" --database "$url" >/dev/null
for class in out_of_jurisdiction not_upheld upheld_or_remedied other; do
  "$bin" policy set --retention "$class" --years 0 --effective "$retention_today" --database "$url" >/dev/null
done
retention_due=$(( cases * 3 / 10 ))
# The closed cases after the first $retention_due closed ones (a bound, not NOT IN: a subquery of
# hundreds of thousands of ids outgrows work_mem and NOT IN then scans it once a row).
psql_q "INSERT INTO legal_hold (case_id, reason, held_by, held_at)
        SELECT id, 'bench: not due', 'bench', now() FROM complaint_case
        WHERE state = 'closed' AND id > (
            SELECT max(id) FROM (SELECT id FROM complaint_case WHERE state = 'closed' ORDER BY id LIMIT $retention_due) due)" >/dev/null
psql_q "VACUUM ANALYZE" >/dev/null
/usr/bin/time -f '%e %M' -o "$work/retention1.time" "$bin" retention run --database "$url" >"$work/retention1.out"
sleep 1
rows_before=$(writes)
/usr/bin/time -f '%e %M' -o "$work/retention2.time" "$bin" retention run --database "$url" >"$work/retention2.out"
sleep 1
rows_after=$(writes)
retention_s=$(tail -1 "$work/retention1.time" | cut -d' ' -f1)
retention_kib=$(tail -1 "$work/retention1.time" | cut -d' ' -f2)
retention_second_s=$(tail -1 "$work/retention2.time" | cut -d' ' -f1)
retention_anonymised=$(psql_q "SELECT count(*) FROM case_anonymisation")
retention_written=$((rows_after - rows_before))
retention_pass=$( [ "$retention_written" -eq 0 ] && [ "$retention_anonymised" -gt 0 ] \
  && [ "$(le "$retention_kib" $((64 * 1024)))" = true ] && echo true || echo false)
row retention "retention, $cases cases, 30% due" "$(secs "$retention_s")" "—" "—" \
  "2nd run writes nothing; peak RSS ≤ 64 MiB" "$retention_pass" \
  "$retention_anonymised cases anonymised; peak RSS $((retention_kib / 1024)) MiB; 2nd run $(secs "$retention_second_s"): $retention_written rows written; $(tr '\n' ' ' <"$work/retention1.out" | head -c 200)" \
  "{\"seconds\": $retention_s, \"peak_kib\": $retention_kib, \"cases_anonymised\": $retention_anonymised, \"second_s\": $retention_second_s, \"second_rows_written\": $retention_written}"
