#!/usr/bin/env bash
# The load test of Arena, in one command:   bench/run.sh            (the full targets, about 30 minutes)
#                                            BENCH_SCALE=small bench/run.sh   (a quick debugging run, about 4 minutes)
# It builds the application jar, creates a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust), starts
# Arena on it, seeds an organizer, a bank, an exam and the candidates, runs the Gatling simulations (FloorSimulation,
# then ExamDaySimulation), stops Arena, and writes everything to bench/results/<UTC time>/ with a summary.md.
# Arena talks only its HTTP contract to the simulations; only the candidate logins are seeded by SQL (see below).
# Settings (environment): BENCH_SCALE (full|small), BENCH_DB (arena_load), BENCH_PORT (8090), BENCH_HEAP (2g),
# BENCH_SIMULATIONS ("floor exam"; "live": the live final, bench/seed-live.sh; "practice": year-round practice,
# bench/seed-practice.sh), BENCH_JAVA (the java that runs Arena; default: a JDK 21+ under /usr/lib/jvm if there is one,
# for virtual threads, else `java`), BENCH_JAVA_OPTS (more JVM options for Arena, e.g. a flight recording:
# -XX:StartFlightRecording=filename=arena.jfr,settings=profile), plus any -D for the simulations in BENCH_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SCALE=${BENCH_SCALE:-full}
DB=${BENCH_DB:-arena_load}
PORT=${BENCH_PORT:-8090}
HEAP=${BENCH_HEAP:-2g}
SIMULATIONS=${BENCH_SIMULATIONS:-floor exam}
# Arena enables virtual threads, which take effect on JDK 21+; production runs there, so the bench does too when it can.
NEWER_JDK=$(ls -d /usr/lib/jvm/*-2[1-9]-* /usr/lib/jvm/*-2[1-9] 2>/dev/null | sort -V | tail -1 || true)
ARENA_JAVA=${BENCH_JAVA:-${NEWER_JDK:+$NEWER_JDK/bin/java}}
ARENA_JAVA=${ARENA_JAVA:-java}
OUT="$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$SCALE"
mkdir -p "$OUT"
URL="http://127.0.0.1:$PORT"
ADMIN_PASSWORD='Bench-Admin-2026!'
DATA_KEY=$(head -c 32 /dev/urandom | base64)
PASSWORD='Bench-Cand-2026!'
# One precomputed bcrypt hash of $PASSWORD at cost 4 (Spring's BCryptPasswordEncoder(4)), shared by every seeded
# candidate: hashing 40,000 passwords at the production cost through the API would take longer than the test itself.
# Arena's DelegatingPasswordEncoder accepts it as it accepts any {bcrypt} hash; logins then cost a cost-4 check.
HASH='{bcrypt}$2a$04$K3t3Xaoct0vsxwaD7GnbCOrf85B4sKhBv2kIo5rDYvIkz885zNAke'

if [ "$SCALE" = small ]; then
  CANDIDATES=2000
  SIM_ARGS="-Dfloor.tokens=500 -Dfloor.start=200 -Dfloor.step=200 -Dfloor.levels=2 -Dfloor.levelSeconds=15
            -Dexam.candidates=2000 -Dexam.arrivalSeconds=30 -Dexam.saveRate=200 -Dexam.steadySeconds=30 -Dexam.submitSeconds=20"
else
  CANDIDATES=40000
  SIM_ARGS="-Dexam.candidates=40000"
fi
[[ " $SIMULATIONS " == *" practice "* ]] && source bench/seed-practice.sh

# Gatling holds one socket per connection in flight: at thousands of requests per second the default limit of open
# files is too small for it.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true

psql_() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

echo "== building the application jar"
./mvnw -q -B -DskipTests -Dskip.unit.tests=true package
JAR=$(ls target/arena-*.jar | grep -v '\.original$' | head -1)

echo "== fresh database $DB"
psql_ -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

echo "== starting Arena on $URL (log: $OUT/arena.log)"
ARENA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ARENA_DB_USER=postgres ARENA_DB_PASSWORD= \
ARENA_DATA_KEY=$DATA_KEY ARENA_ADMIN_PASSWORD="$ADMIN_PASSWORD" ARENA_DEMO=false PORT=$PORT \
  "$ARENA_JAVA" -Xms$HEAP -Xmx$HEAP ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$OUT/arena.log" 2>&1 &
ARENA_PID=$!
# The machine is shared: every 5 s, note the CPU time used so far (clock ticks) by Arena, by the PostgreSQL backends of
# $DB and by the whole machine, and the load average, to tell per request what the node and the database cost and how
# much of the CPU Gatling and others took (cpu.txt). The busiest processes go to machine-load.txt.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_ticks() { local t=0 p; for p in $(pgrep -f "$1" || true); do t=$((t + $(ticks "$p"))); done; echo $t; }
( echo "# epoch arena_ticks pg_ticks machine_busy_ticks load1 gatling_ticks (CLK_TCK $(getconf CLK_TCK))"
  while true; do
    echo "$(date +%s.%N) $(ticks $ARENA_PID) $(sum_ticks "postgres: .* $DB ") $(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat) $(cut -d' ' -f1 /proc/loadavg) $(sum_ticks 'io[./]gatling')"
    sleep 5
  done ) > "$OUT/cpu.txt" 2>&1 &
CPU_SAMPLER=$!
( while true; do
    echo "$(date -u +%T) $(cut -d' ' -f1 /proc/loadavg)"
    top -bn1 -o %CPU -w 200 | sed -n '8,12p' | sed 's/^/# /'
    sleep 10
  done ) > "$OUT/machine-load.txt" 2>&1 &
SAMPLER_PID="$CPU_SAMPLER $!"
trap 'kill $ARENA_PID $SAMPLER_PID 2>/dev/null || true' EXIT
{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; free -h; grep 'model name' /proc/cpuinfo | head -1
  echo "Arena's java: $("$ARENA_JAVA" -version 2>&1 | head -1)"; echo "Gatling's java: $(java -version 2>&1 | head -1)"; psql -h 127.0.0.1 -U postgres -Atc 'select version()'; git log -1 --oneline; } > "$OUT/machine.txt"
for i in $(seq 1 120); do
  if curl -fsS "$URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 $ARENA_PID 2>/dev/null; then echo "Arena died; see $OUT/arena.log" >&2; tail -30 "$OUT/arena.log" >&2; exit 1; fi
  sleep 1
  [ "$i" = 120 ] && { echo "Arena not UP within 120 s" >&2; exit 1; }
done

# JSON over HTTP with Basic auth; fails the run on an unexpected status.
api() { # user password method path [json] expected-status
  local body=${5:-} expect=${6:-201} response status
  response=$(curl -sS -u "$1:$2" -X "$3" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    ${body:+--data-binary "$body"} -w '\n%{http_code}' "$URL$4")
  status=${response##*$'\n'}
  if ! [[ "$status" =~ ^($expect)$ ]]; then echo "$3 $4 -> $status: ${response%$'\n'*}" >&2; exit 1; fi
  printf '%s' "${response%$'\n'*}"
}

# A bank's objective questions, through the API: seed_bank user password bank category singles multiples true-falses.
seed_bank() {
  local options='[{"key":"A","text":"数据共享"},{"key":"B","text":"多头跑"},{"key":"C","text":"一次办"},{"key":"D","text":"跑断腿"}]' i
  for i in $(seq 1 "$5"); do
    api "$1" "$2" POST "/api/v1/banks/$3/questions" '{"type":"SINGLE_CHOICE","stem":"单选题 '"$i"'：“一网通办”的核心是什么？","options":'"$options"',"answer":"A","points":1,"category":"'"$4"'","difficulty":3,"analysis":"数据多跑路，群众少跑腿。"}' >/dev/null
  done
  for i in $(seq 1 "$6"); do
    api "$1" "$2" POST "/api/v1/banks/$3/questions" '{"type":"MULTIPLE_CHOICE","stem":"多选题 '"$i"'：政务服务改革的要求有哪些？","options":'"$options"',"answer":["A","C"],"points":2,"category":"'"$4"'","difficulty":3}' >/dev/null
  done
  for i in $(seq 1 "$7"); do
    api "$1" "$2" POST "/api/v1/banks/$3/questions" '{"type":"TRUE_FALSE","stem":"判断题 '"$i"'：办事群众只需跑一次。","answer":true,"points":1,"category":"'"$4"'","difficulty":3}' >/dev/null
  done
}

echo "== seeding: $CANDIDATES candidate logins by SQL (one shared cost-4 bcrypt hash)"
psql_ -d "$DB" <<SQL
insert into account_user (username, password_hash, display_name, enabled, failed_logins, created_at)
  select 'load-' || g, '$HASH', '考生' || g, true, 0, now() from generate_series(1, $CANDIDATES) g;
insert into account_role (user_id, role) select id, 'CANDIDATE' from account_user where username like 'load-%';
SQL

EXAM=0
if [[ " $SIMULATIONS " == *" exam "* ]]; then
echo "== seeding: organizer, bank of 40 questions, exam of 20 items (through the API)"
api admin "$ADMIN_PASSWORD" POST /api/v1/users \
  '{"username":"bench-organizer","password":"'"$PASSWORD"'","displayName":"压测组织者","roles":["ORGANIZER"]}' >/dev/null
ORG=(bench-organizer "$PASSWORD")
BANK=$(api "${ORG[@]}" POST /api/v1/banks '{"name":"压测题库"}' | jq -r .id)
seed_bank "${ORG[@]}" "$BANK" 政务服务/压测 20 10 10
START=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
END=$(date -u -d '+4 hours' +%Y-%m-%dT%H:%M:%SZ)
EXAM=$(api "${ORG[@]}" POST /api/v1/exams '{"title":"压测考试","bankIds":['"$BANK"'],"windowStart":"'"$START"'","windowEnd":"'"$END"'",
  "durationMinutes":240,"variant":"SHARED","shuffleQuestions":false,"shuffleOptions":false,
  "sections":[{"type":"SINGLE_CHOICE","count":10,"pointsEach":1,"category":"政务服务/压测","difficulty":3},{"type":"MULTIPLE_CHOICE","count":5,"pointsEach":2,"category":"政务服务/压测","difficulty":3},
              {"type":"TRUE_FALSE","count":5,"pointsEach":1,"category":"政务服务/压测","difficulty":3}]}' | jq -r .id)

echo "== enrolling them through the API, 1,000 usernames a request"
SECONDS=0
for ((from = 1; from <= CANDIDATES; from += 1000)); do
  to=$((from + 999 > CANDIDATES ? CANDIDATES : from + 999))
  names=$(seq $from $to | sed 's/^/load-/' | jq -R . | jq -sc '{usernames: .}')
  api "${ORG[@]}" POST "/api/v1/exams/$EXAM/candidates" "$names" 200 >/dev/null
done
echo "enrolled $CANDIDATES in $SECONDS s" | tee "$OUT/seed.txt"
api "${ORG[@]}" POST "/api/v1/exams/$EXAM/publish" '' '200|204' >/dev/null

fi
if [[ " $SIMULATIONS " == *" live "* ]]; then source bench/seed-live.sh; fi

[[ " $SIMULATIONS " == *" practice "* ]] && seed_practice

run_simulation() { # class name
  echo "== Gatling: $1"
  ./mvnw -q -B -f bench/pom.xml gatling:test -Dgatling.simulationClass="arena.bench.$1" \
    -Darena.url="$URL" -Darena.exam="$EXAM" -Darena.password="$PASSWORD" -Dbench.out="$OUT" $SIM_ARGS ${BENCH_ARGS:-} \
    2>&1 | tee "$OUT/$2-gatling.txt" | grep -E '^(> |=|---|Global|Reports|Please open)|requests|Response Time|OK=' || true
  local report
  report=$(ls -td bench/target/gatling/*/ | head -1)
  cp -r "$report" "$OUT/$2-report"
}

# PostgreSQL on these machines runs with autovacuum off (`show autovacuum`), where production's runs with it on. Without
# it the tables the run fills are never analyzed, and each connection keeps plans made while they were nearly empty:
# the practice contest's first run (2 December) did one sequential scan of marking_attempt per marked item (the foreign
# key check of marking_item, 1.2 M scans reading 14 billion rows) and PostgreSQL took 1.2 of the 2 cores. So the bench
# stands in for the daemon once the seeding is done: a VACUUM ANALYZE of the database then, and every minute after
# (autovacuum's default naptime).
if [ "$(psql -h 127.0.0.1 -U postgres -Atc 'show autovacuum')" = off ]; then
  psql -h 127.0.0.1 -U postgres -d "$DB" -qc 'vacuum analyze'
  ( while sleep 60; do psql -h 127.0.0.1 -U postgres -d "$DB" -qc 'vacuum (analyze, skip_locked)' 2>/dev/null || true; done ) &
  SAMPLER_PID="$SAMPLER_PID $!"
fi

for simulation in $SIMULATIONS; do
  case $simulation in
    floor) run_simulation FloorSimulation floor ;;
    exam) run_simulation ExamDaySimulation exam-day ;;
    practice) run_simulation PracticeSimulation practice; practice_verify ;;
    live) run_live ;;
  esac
done

echo "== stopping Arena"
kill $ARENA_PID $SAMPLER_PID; wait $ARENA_PID 2>/dev/null || true
trap - EXIT
grep -c ' ERROR ' "$OUT/arena.log" > "$OUT/arena-errors.txt" || true

python3 bench/summarize.py "$OUT" "$SIM_ARGS ${BENCH_ARGS:-}" | tee "$OUT/summary.md"
echo "== results in $OUT"
