# Sourced by ops/bench --scale: how each cost grows with the office. For every size of
# $scale_sizes it seeds a fresh cluster with `redress demo seed --cases N` (seed_office in
# ops/bench: over more years above a million cases), then times (GNU
# time: seconds and peak RSS) the sweep, the deadline report, the annual statistics,
# `case show` of a case in the middle and `case find` of a common name fragment, and prints
# each row's time and memory at each size with the growth of its cost per case from one
# size to the next. A row whose cost per case grows by more than 1.3× between the two
# largest sizes is a finding (flagged); streaming commands must keep their memory flat.
scale_rows="$work/scale.jsonl"
: >"$scale_rows"
measure() { # KEY SIZE COMMAND...: one run, its seconds and peak KiB as a JSON line
  local key=$1 size=$2
  shift 2
  /usr/bin/time -f '%e %M' -o "$work/scale.time" "$@" >/dev/null
  read -r seconds kib <"$work/scale.time"
  jq -cn --arg key "$key" --argjson size "$size" --argjson s "$seconds" --argjson kib "$kib" \
    '{key: $key, size: $size, seconds: $s, kib: $kib}' >>"$scale_rows"
}
for size in ${scale_sizes//,/ }; do
  seed_office "$size"
  middle=$(psql_q "SELECT reference FROM complaint_case ORDER BY id OFFSET (SELECT count(*) / 2 FROM complaint_case) LIMIT 1")
  say "scale: measuring at $size cases"
  measure sweep "$size" "$bin" sweep --as-of "$as_of" --database "$url"
  psql_q "VACUUM ANALYZE" >/dev/null
  measure report "$size" "$bin" report deadlines --as-of "$as_of" --format csv --database "$url"
  measure stats "$size" "$bin" report stats --from 2026-01-01 --to "$as_of" --format json --database "$url"
  measure case_show "$size" "$bin" case show "$middle" --database "$url"
  measure case_find "$size" "$bin" case find 민준 --database "$url"
done
jq -s '
  group_by(.key) | map({key: .[0].key, sizes: (sort_by(.size))})
  | map(. + {growth: [range(1; .sizes | length) as $i
      | {from: .sizes[$i - 1].size, to: .sizes[$i].size,
         # show and find look up one case: their cost should stay flat, not grow with the office.
         per_case: ((.sizes[$i].seconds / (.sizes[$i - 1].seconds | if . == 0 then 0.01 else . end)
           * (if (.key == "case_show" or .key == "case_find") then 1 else .sizes[$i - 1].size / .sizes[$i].size end)) * 100 | round / 100),
         memory: ((.sizes[$i].kib / .sizes[$i - 1].kib) * 100 | round / 100)}]})
' "$scale_rows" >"$work/scale.json"
{
  printf 'row'
  for size in ${scale_sizes//,/ }; do printf '\t%s cases' "$size"; done
  printf '\tgrowth of cost per case (show, find: per lookup)\tgrowth of peak memory\n'
  jq -r '.[] | [.key] + (.sizes | map("\(.seconds) s, \(.kib / 1024 | floor) MiB"))
    + [(.growth | map("\(.per_case)×") | join(" → ")), (.growth | map("\(.memory)×") | join(" → "))] | @tsv' "$work/scale.json"
} | column -t -s $'\t'
jq -r '.[] | select((.growth | last | .per_case) > 1.3) | "  finding: \(.key) costs \(.growth | last | .per_case)× as much (per case; show, find: per lookup) at \(.growth | last | .to) cases as at \(.growth | last | .from)"' "$work/scale.json"
echo "  written to .build/bench/scale.json"
