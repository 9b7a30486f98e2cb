# Sourced by ops/bench: the HTTP intake rows. Starts `redress serve` on a free
# loopback port with the public rate limit lifted, then alternates wrk POSTing
# complaints (ops/bench.d/intake.lua, 8 connections) with pgbench running the
# same insert transaction (ops/bench.d/intake.pgbench, 8 clients), twice each,
# every run for $http_seconds seconds, and records the medians.
say "HTTP intake, 8 clients, ${http_seconds} s a run"
intake_port=$(( 20000 + RANDOM % 20000 ))
"$bin" serve --host 127.0.0.1 --port "$intake_port" --public-rate 100000000 --public-burst 100000000 --pool-size 8 \
  --database "$url" >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$work/serve.out" 2>/dev/null && break
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q "listening on" "$work/serve.out" 2>/dev/null; then
  echo "ops/bench: redress serve did not start: $(tail -3 "$work/serve.err")" >&2
  exit 1
fi
: >"$work/wrk.results"
: >"$work/pgbench.results"
: >"$work/pgbench.p99"
run_wrk() {
  wrk -t2 -c8 -d"${http_seconds}s" --latency -s ops/bench.d/intake.lua "http://127.0.0.1:$intake_port" >"$work/wrk.out" 2>&1
  grep '^bench-result' "$work/wrk.out" >>"$work/wrk.results"
}
run_pgbench() {
  rm -f "$work"/pgbench_log.*
  if ! pgbench -n -c 8 -j 2 -T "$http_seconds" -l --log-prefix="$work/pgbench_log" -f ops/bench.d/intake.pgbench -h "$data" redress \
      >"$work/pgbench.out" 2>&1; then
    echo "ops/bench: pgbench failed: $(tail -3 "$work/pgbench.out")" >&2
    exit 1
  fi
  grep -Eo 'tps = [0-9.]+' "$work/pgbench.out" | head -1 | cut -d' ' -f3 >>"$work/pgbench.results"
  # The per-transaction log's third field is the latency in microseconds: the database's own p99.
  cat "$work"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n \
    | awk '{ v[NR] = $1 } END { i = int(NR * 0.99 + 0.5); if (i < 1) i = 1; printf "%.3f\n", v[i] }' >>"$work/pgbench.p99"
}
run_wrk; run_pgbench; run_pgbench; run_wrk
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true
serve_pid=

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$work/wrk.results"; }
paste <(field requests) <(field seconds) | awk '{ print $1 / $2 }' >"$work/wrk.tps"
field p99_ms >"$work/wrk.p99"
failed=$(field failed | awk '{ s += $1 } END { print s + 0 }')
r=$(median "$work/wrk.tps")
p=$(median "$work/pgbench.results")
p99=$(median "$work/wrk.p99")
pg_p99=$(median "$work/pgbench.p99")
share=$(awk -v a="$r" -v b="$p" 'BEGIN { printf "%.1f", 100 * a / b }')
pass=$( [ "$(ge "$share" 70)" = true ] && [ "$failed" -eq 0 ] && echo true || echo false)
row http_tps "HTTP intake, 8 clients" "$(printf '%.0f' "$r") req/s" "pgbench: $(printf '%.0f' "$p") TPS" "${share}%" \
  "≥ 70% of pgbench TPS" "$pass" "2 runs of ${http_seconds} s each, alternating; $failed failed requests" \
  "{\"redress_rps\": $r, \"pgbench_tps\": $p, \"share_percent\": $share, \"failed_requests\": $failed}"
p99_ratio=$(ratio_of "$p99" "$pg_p99")
row http_p99 "HTTP intake, p99 latency" "$p99 ms" "pgbench: $pg_p99 ms" "${p99_ratio}×" "≤ 1.5×" "$(le "$p99_ratio" 1.5)" \
  "wrk --latency and pgbench's per-transaction log, median of 2 runs each" "{\"p99_ms\": $p99, \"pgbench_p99_ms\": $pg_p99, \"ratio\": $p99_ratio}"
