# The live final's seeding, sourced by bench/run.sh (uses its api, URL, ADMIN_PASSWORD, PASSWORD and OUT), all through
# the API: a Jiangyin 2021 competition of eight registered, approved teams whose preliminary sitting makes their
# accounts (nobody sits it: released, all eight tie and advance), three finalists named per team, the final configured as
# one BUZZER round of questions from a bank made for it, and the big screen's key. run_live (below) then starts a second
# node on the same database and runs arena.bench.LiveBench, which reads the final, the key and one bearer token per
# team's first finalist (its terminal) from $OUT/live-seed.json. The screens are read by bench/screens.c, which
# run_live compiles with gcc (on every machine of this kind).
# Settings: LIVE_PORT_B (node B's port, BENCH_PORT + 1), and the sizes, by BENCH_SCALE or one by one: LIVE_QUESTIONS
# (one node, 1,000; small 50), LIVE_TWO_NODE_QUESTIONS (200; small 20), LIVE_SCREENS (on A, 2,000; small 200),
# LIVE_SCREENS_B (on B, 2,000; small 200).
if [ "$SCALE" = small ]; then LIVE_SIZES=(50 20 200 200); else LIVE_SIZES=(1000 200 2000 2000); fi
LIVE_QUESTIONS=${LIVE_QUESTIONS:-${LIVE_SIZES[0]}}
LIVE_TWO_NODE_QUESTIONS=${LIVE_TWO_NODE_QUESTIONS:-${LIVE_SIZES[1]}}
LIVE_SCREENS=${LIVE_SCREENS:-${LIVE_SIZES[2]}}
LIVE_SCREENS_B=${LIVE_SCREENS_B:-${LIVE_SIZES[3]}}
LIVE_PORT_B=${LIVE_PORT_B:-$((PORT + 1))}
LIVE_ROUND_QUESTIONS=$((LIVE_QUESTIONS + LIVE_TWO_NODE_QUESTIONS))

echo "== seeding the live final: competition, 8 teams, finalists, $LIVE_ROUND_QUESTIONS buzzer questions, screen key"
SECONDS=0
org_unit() { # name kind [parentId]
  api admin "$ADMIN_PASSWORD" POST /api/v1/org-units '{"name":"'"$1"'","kind":"'"$2"'","parentId":'"${3:-null}"'}' | jq -r .id
}
CITY=$(org_unit 江阴市 COUNTY)
api admin "$ADMIN_PASSWORD" POST /api/v1/users '{"username":"live-host","password":"'"$PASSWORD"'","displayName":"决赛主持人","roles":["ORGANIZER"],"orgUnitId":'"$CITY"'}' >/dev/null
HOST=(live-host "$PASSWORD")
DEADLINE=$(date -u -d '+10 days' +%Y-%m-%dT%H:%M:%SZ)
COMPETITION=$(api "${HOST[@]}" POST /api/v1/competitions '{"template":"jiangyin-2021","name":"2021年江阴市政务服务技能竞赛（压测）","orgUnitId":'"$CITY"',"registrationDeadline":"'"$DEADLINE"'"}')
PRELIMINARY=$(jq -r '.stages[0].id' <<<"$COMPETITION")
FINAL=$(jq -r '.stages[1].id' <<<"$COMPETITION")
COMPETITION=$(jq -r .id <<<"$COMPETITION")

# Five members a team as the notice wants them (2 COMMUNITY_STAFF in a town, 2 FRONT_DESK in a department), with valid
# resident ID numbers of Jiangyin (GB 11643 check digit), unique across the teams.
team_json() { # unit kind index
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
unit, kind, t = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def id_number(n):
    body = "320281" + "19%02d0%d%02d" % (70 + n % 25, 1 + n % 9, 10 + n % 18) + "%03d" % (100 + 10 * t + n)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]
cats = ["COMMUNITY_STAFF", "COMMUNITY_STAFF", "FRONT_DESK", "BACK_OFFICE", "MANAGEMENT"] if kind in ("TOWN", "DEV_ZONE") \
    else ["FRONT_DESK", "FRONT_DESK", "BACK_OFFICE", "COMMUNITY_STAFF", "MANAGEMENT"]
names = "王伟 李芳 张敏 刘静 陈强 杨磊 黄洋 赵艳".split()
members = [{"name": names[t][0] + "压测" + str(m), "idNumber": id_number(m), "mobile": "139%08d" % (t * 10 + m),
            "landline": "0510-8600%04d" % (t * 10 + m), "staffCategory": c} for m, c in enumerate(cats)]
print(json.dumps({"orgUnitId": unit, "contactName": "联系人" + str(t), "contactPhone": "0510-86027737", "members": members},
                 ensure_ascii=False))
PY
}
KINDS=(TOWN DEPARTMENT TOWN SUB_CENTRE DEV_ZONE TOWN DEPARTMENT TOWN)
UNITS=(澄江街道 市行政审批局 南闸街道 政务服务分中心 高新区 云亭街道 市公安局 周庄镇)
for t in 0 1 2 3 4 5 6 7; do
  unit=$(org_unit "${UNITS[$t]}" "${KINDS[$t]}" "$CITY")
  team=$(api "${HOST[@]}" POST "/api/v1/competitions/$COMPETITION/teams" "$(team_json "$unit" "${KINDS[$t]}" $t)" | jq -r .id)
  api "${HOST[@]}" POST "/api/v1/teams/$team/approve" '' 200 >/dev/null
done

PRELIM_BANK=$(api "${HOST[@]}" POST /api/v1/banks '{"name":"初赛题库（压测）"}' | jq -r .id)
api "${HOST[@]}" POST "/api/v1/banks/$PRELIM_BANK/questions" '{"type":"TRUE_FALSE","stem":"政务服务事项实行清单管理。","answer":true,"points":5,"difficulty":3,"category":"政务服务"}' >/dev/null
EXAM=$(api "${HOST[@]}" POST /api/v1/exams '{"title":"初赛（压测）","bankIds":['"$PRELIM_BANK"'],"windowStart":"'"$(date -u -d '-1 minute' +%FT%TZ)"'","windowEnd":"'"$(date -u -d '+3 hours' +%FT%TZ)"'",
  "durationMinutes":90,"variant":"SHARED","shuffleQuestions":false,"shuffleOptions":false,"sections":[{"type":"TRUE_FALSE","count":1,"pointsEach":5}]}' | jq -r .id)
api "${HOST[@]}" POST "/api/v1/exams/$EXAM/publish" '' 200 >/dev/null
SITTING=$(api "${HOST[@]}" POST "/api/v1/stages/$PRELIMINARY/sittings" '{"examId":'"$EXAM"',"unitKinds":["TOWN","DEV_ZONE","SUB_CENTRE","DEPARTMENT"]}')

# Each team's first member sits the one-item preliminary and answers it (a team whose members are all absent does not
# advance), then the release and the advance; each team's first three members are its finalists, and the first
# finalist's account, with the bearer token it sat with, is the team's terminal.
TEAMS=$(api "${HOST[@]}" GET "/api/v1/competitions/$COMPETITION/teams" '' 200)
TOKENS=()
for team in $(jq -r '.items[].id' <<<"$TEAMS"); do
  first=$(jq -r --argjson t "$team" '.items[] | select(.id == $t) | .members[0].personId' <<<"$TEAMS")
  account=$(jq -c --argjson p "$first" '.accounts[] | select(.personId == $p)' <<<"$SITTING")
  token=$(api "$(jq -r .username <<<"$account")" "$(jq -r .initialPassword <<<"$account")" POST /api/v1/auth/token '' 201 | jq -r .token)
  TOKENS+=("$token")
  attempt=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Accept: application/json' "$URL/api/v1/exams/$EXAM/attempt" | jq -r .attemptId)
  curl -fsS -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data '{"value":true}' "$URL/api/v1/attempts/$attempt/answers/1"
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" "$URL/api/v1/attempts/$attempt/submit"
done
api "${HOST[@]}" POST "/api/v1/exams/$EXAM/release" '' 200 >/dev/null
api "${HOST[@]}" POST "/api/v1/stages/$PRELIMINARY/advance" '' 200 >/dev/null
for team in $(jq -r '.items[].id' <<<"$TEAMS"); do
  persons=$(jq -c --argjson t "$team" '[.items[] | select(.id == $t) | .members[0:3][].personId]' <<<"$TEAMS")
  api "${HOST[@]}" PUT "/api/v1/stages/$FINAL/teams/$team/members" '{"personIds":'"$persons"'}' 204 >/dev/null
done

LIVE="/api/v1/stages/$FINAL/live"
api "${HOST[@]}" PUT "$LIVE/rounds" '{"baseScore":100,"rounds":[{"no":1,"kind":"BUZZER","name":"抢答题","questions":'"$LIVE_ROUND_QUESTIONS"',"points":10,"foul":10,"seconds":20}]}' 204 >/dev/null
LIVE_BANK=$(api "${HOST[@]}" POST /api/v1/banks '{"name":"决赛抢答题库（压测）"}' | jq -r .id)
QUESTION_IDS=()
for i in $(seq 1 "$LIVE_ROUND_QUESTIONS"); do
  QUESTION_IDS+=("$(api "${HOST[@]}" POST "/api/v1/banks/$LIVE_BANK/questions" '{"type":"TRUE_FALSE","stem":"抢答第'"$i"'题：政务服务“一网通办”。","answer":true,"points":10,"difficulty":3,"category":"决赛"}' | jq -r .id)")
done
api "${HOST[@]}" PUT "$LIVE/questions" '{"rounds":[{"round":1,"questionIds":['"$(IFS=,; echo "${QUESTION_IDS[*]}")"']}]}' 204 >/dev/null
KEY=$(api "${HOST[@]}" GET "$LIVE/screen-key" '' 200 | jq -r .key)
# The host's console holds a session as the terminals hold tokens: a password check (bcrypt) on every command would
# take the CPU the screens' fan-out needs and measure the login instead of the buzz.
HOST_TOKEN=$(api "${HOST[@]}" POST /api/v1/auth/token '' 201 | jq -r .token)
# the tokens go in as lines, not as arguments: jq 1.6 reads an argument that starts with "-" as an option, and a
# random token may ("-V…" printed jq's version instead of the seed)
TERMINALS=$(printf '%s\n' "${TOKENS[@]}" | jq -R . | jq -s -c .)
jq -n --argjson stage "$FINAL" --arg key "$KEY" --arg hostToken "$HOST_TOKEN" --argjson terminals "$TERMINALS" \
  '{stage: $stage, key: $key, hostToken: $hostToken, terminals: $terminals}' > "$OUT/live-seed.json"
echo "seeded the live final (stage $FINAL) in $SECONDS s" | tee -a "$OUT/seed.txt"

# Node B: a second Arena process on the same database (started as run.sh starts node A), then the benchmark, then a
# check of the log in SQL besides the benchmark's own through the API.
run_live() {
  local url_b="http://127.0.0.1:$LIVE_PORT_B" b_pid i
  echo "== starting node B on $url_b (log: $OUT/arena-b.log)"
  ARENA_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ARENA_DB_USER=postgres ARENA_DB_PASSWORD= \
  ARENA_DATA_KEY=$DATA_KEY ARENA_ADMIN_PASSWORD="$ADMIN_PASSWORD" ARENA_DEMO=false PORT=$LIVE_PORT_B \
    "$ARENA_JAVA" -Xms$HEAP -Xmx$HEAP ${BENCH_JAVA_OPTS_B:-} -jar "$JAR" > "$OUT/arena-b.log" 2>&1 &
  b_pid=$!
  for i in $(seq 1 180); do
    if curl -fsS "$url_b/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
    if ! kill -0 $b_pid 2>/dev/null || [ "$i" = 180 ]; then echo "node B not UP; see $OUT/arena-b.log" >&2; kill $b_pid 2>/dev/null; return 1; fi
    sleep 1
  done
  echo "== the live final: $LIVE_QUESTIONS questions on A with $LIVE_SCREENS screens, then $LIVE_TWO_NODE_QUESTIONS on A and B with $LIVE_SCREENS_B screens on B"
  ./mvnw -q -B -f bench/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
  gcc -O2 -Wall -o bench/target/screens bench/screens.c # the screens, read in C: see LiveBench.Screens
  local status=0
  "$ARENA_JAVA" -Xmx1g -cp "bench/target/test-classes:$(cat bench/target/classpath.txt)" \
    -Darena.url="$URL" -Darena.urlB="$url_b" -Dbench.out="$OUT" -Dlive.questions="$LIVE_QUESTIONS" \
    -Dlive.twoNodeQuestions="$LIVE_TWO_NODE_QUESTIONS" -Dlive.screens="$LIVE_SCREENS" -Dlive.screensB="$LIVE_SCREENS_B" \
    -Dlive.screensProgram="$ROOT/bench/target/screens" ${BENCH_ARGS:-} \
    arena.bench.LiveBench 2>&1 | tee "$OUT/live.txt" || status=$?
  echo "Log check in SQL (live_event): $(psql_ -d "$DB" -At -F ' ' -c "select count(*) filter (where type = 'BUZZED') || ' buzz events, '
      || count(distinct won_question) || ' questions won, ' || count(won_question) || ' WON events' from live_event")" \
    | tee -a "$OUT/live-summary.md"
  kill $b_pid; wait $b_pid 2>/dev/null || true
  return $status
}
