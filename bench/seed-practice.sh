# The year-round practice benchmark's seeding, sourced by bench/run.sh when BENCH_SIMULATIONS names `practice`.
# Sourcing sets the arena clock (Arena starts after this) and SIM_ARGS; run.sh then calls seed_practice once Arena is
# up, runs PracticeSimulation, and calls practice_verify.
#
# The province: 江苏省（压测） → 13 cities → 8 counties each → 5 service centres each (520 units), 40,000 people (2,000 in
# the small run) spread evenly over the centres, on the roll by SQL (the org module's org_person, as an xlsx import
# would leave them). Their accounts come from the endpoint under test, POST /api/v1/people/accounts (timed); then, by
# SQL, every issued account gets the shared cost-4 hash of $PASSWORD so the simulation can log in (the random initial
# passwords are in the xlsx, which a benchmark cannot read out loud to 40,000 people).
#
# The clock: Saturday 26 December 2026, 07:30 Beijing time — the morning of the December contest's first day (last
# Saturday of the month), so the morning peak of daily study and the monthly contest happen on the same day, with a
# year of history (1 January – 25 December, 359 days) behind them.
#
# The history, by SQL in bulk in the practice tables' own shape (what DailyStudy and Sittings would have written):
# - 15 % of the members are regulars who study on 80 % of days, 75 % study on 10 % of days, 10 % never study
#   (they are the "never practised" lists units chase): 19.5 % of members study on an average day, ≈ 2.8 M studied
#   days and 14 M answered daily items (5 a day, 80 % right) in the full run; wrong ones are in the wrong-answer book;
# - weekly practice scores (0–20) for ISO weeks 2–51 (the programme's weeks: those whose Monday is in 2026), taken by 90 % of the regulars and 30 % of the others in a week;
#   monthly contest scores (0–100) for January–November, by 95 % and 50 %; their submit days count as activity.
PRACTICE_MEMBERS=$([ "$SCALE" = small ] && echo 2000 || echo 40000)
export ARENA_CLOCK_START=${ARENA_CLOCK_START:-2026-12-25T23:30:00Z}
PRACTICE_YEAR=2026
if [ "$SCALE" = small ]; then
  SIM_ARGS="$SIM_ARGS -Dpractice.members=$PRACTICE_MEMBERS -Dpractice.peakSeconds=120 -Dpractice.rankUsers=300 -Dpractice.rankSeconds=30
            -Dpractice.contestSeconds=90"
else
  SIM_ARGS="$SIM_ARGS -Dpractice.members=$PRACTICE_MEMBERS"
fi

seed_practice() {
  echo "== practice: the province's org tree and $PRACTICE_MEMBERS people on its roll (SQL)"
  psql_ -d "$DB" <<SQL
insert into org_unit (name, kind) values ('江苏省（压测）', 'PROVINCE');
insert into org_unit (name, kind, parent_id)
  select c, 'CITY', (select id from org_unit where kind = 'PROVINCE')
  from unnest(array['南京市','无锡市','徐州市','常州市','苏州市','南通市','连云港市','淮安市','盐城市','扬州市','镇江市','泰州市','宿迁市'])
       with ordinality as t(c, n) order by n;
insert into org_unit (name, kind, parent_id)
  select city.name || '第' || k || '县（区）', 'COUNTY', city.id from org_unit city, generate_series(1, 8) k
  where city.kind = 'CITY' order by city.id, k;
insert into org_unit (name, kind, parent_id)
  select county.name || '为民服务中心' || k, 'TOWN', county.id from org_unit county, generate_series(1, 5) k
  where county.kind = 'COUNTY' order by county.id, k;
create table bench_centre as select id, row_number() over (order by id) - 1 as n from org_unit where kind = 'TOWN';
insert into org_person (name, mobile, staff_category, employment, org_unit_id, created_at)
  select '职工' || g, '139' || lpad(g::text, 8, '0'), 'FRONT_DESK', 'IN_ESTABLISHMENT', c.id, now()
  from generate_series(1, $PRACTICE_MEMBERS) g join bench_centre c on c.n = g % 520;
SQL
  PROVINCE=$(psql_ -d "$DB" -Atc "select id from org_unit where kind = 'PROVINCE'")

  echo "== practice: organizer of the province, a bank of 400 objective questions (API)"
  api admin "$ADMIN_PASSWORD" POST /api/v1/users \
    '{"username":"practice-organizer","password":"'"$PASSWORD"'","displayName":"省练兵组织者","roles":["ORGANIZER"],"orgUnitId":'"$PROVINCE"'}' >/dev/null
  POR=(practice-organizer "$PASSWORD")
  local bank
  bank=$(api "${POR[@]}" POST /api/v1/banks '{"name":"岗位练兵题库"}' | jq -r .id)
  seed_bank "${POR[@]}" "$bank" 政务服务/练兵 200 100 100

  echo "== practice: accounts for the roll of $PRACTICE_MEMBERS (POST /api/v1/people/accounts, timed)"
  curl -sS -u "${POR[0]}:${POR[1]}" -X POST -H 'Content-Type: application/json' --data-binary '{"orgUnitId":'"$PROVINCE"'}' \
    -o "$OUT/practice-accounts.xlsx" -w 'status %{http_code} in %{time_total} s\n' "$URL/api/v1/people/accounts" | tee "$OUT/practice-accounts.txt"
  psql_ -d "$DB" -Atc "select count(*) || ' accounts issued' from org_person p join account_role r on r.user_id = p.user_id and r.role = 'CANDIDATE'" \
    | tee -a "$OUT/practice-accounts.txt"
  psql_ -d "$DB" -c "update account_user set password_hash = '$HASH' where id in (select user_id from org_person where user_id is not null)"

  echo "== practice: the programme (API), which makes this week's practice and the December contest and enrols everyone"
  PROGRAMME=$(api "${POR[@]}" POST /api/v1/practice/programmes \
    '{"name":"2026年岗位练兵","orgUnitId":'"$PROVINCE"',"bankIds":['"$bank"'],"year":'"$PRACTICE_YEAR"'}' | jq -r .id)
  CONTEST=$(psql_ -d "$DB" -Atc "select exam_id from practice_exam where programme_id = $PROGRAMME and kind = 'MONTH' and period = '$PRACTICE_YEAR-12'")

  echo "== practice: a year of history (SQL)"
  SECONDS=0
  psql_ -d "$DB" <<SQL
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
select setseed(0.2026);
create temp table member as
  select p.user_id, p.org_unit_id, case when r < 0.15 then 0.8 when r < 0.9 then 0.1 else 0 end as p_day,
         case when r < 0.15 then 1 else 0 end as regular
  from (select user_id, org_unit_id, random() r from org_person where user_id is not null) p;
create temp table pool as select row_number() over (order by id) as n, id, type from question where bank_id = $bank;
create temp table studied as
  select m.user_id, d::date as day from member m, generate_series(date '$PRACTICE_YEAR-01-01', date '$PRACTICE_YEAR-12-25', interval '1 day') d
  where random() < m.p_day;
alter table practice_daily_item drop constraint practice_daily_item_pkey;
drop index practice_daily_item_by_question;
insert into practice_daily_item (programme_id, user_id, study_day, no, question_id, answer, correct, answered_at)
  select $PROGRAMME, s.user_id, s.day, no, q.id,
         case q.type when 'SINGLE_CHOICE' then '"A"' when 'MULTIPLE_CHOICE' then '["A","C"]' else 'true' end,
         random() < 0.8, s.day + time '08:00' + (no || ' minutes')::interval
  from studied s cross join generate_series(1, 5) no
  join pool q on q.n = 1 + (abs(hashtext(s.user_id || ':' || s.day || ':' || no)) % 400);
alter table practice_daily_item add primary key (programme_id, user_id, study_day, no);
create index practice_daily_item_by_question on practice_daily_item (programme_id, user_id, question_id);
insert into practice_studied_day select $PROGRAMME, user_id, day from studied;
insert into practice_mistake (programme_id, user_id, question_id, wrong_count, right_in_row)
  select $PROGRAMME, user_id, question_id, count(*), 0 from practice_daily_item where correct = false group by user_id, question_id;
-- Weekly practices of ISO weeks 2–51 (Mondays from 5 January to 14 December 2026) and the contests of January–November.
-- Who sat a week or month is drawn per member and period from a hash: a random() here was evaluated once per member
-- (the first full run, 2 December: the same 57 % sat every contest, 39 % every week).
create temp table weekly as
  select m.user_id, m.org_unit_id, to_char(w, 'IYYY-"W"IW') as period, (w + interval '5 days')::date as day,
         round((random() * 20)::numeric, 0) as score
  from member m, generate_series(date '$PRACTICE_YEAR-01-05', date '$PRACTICE_YEAR-12-14', interval '7 days') w
  where abs(hashtext(m.user_id || ':' || w)) % 1000 < case m.regular when 1 then 900 else 300 end;
create temp table monthly as
  select m.user_id, m.org_unit_id, to_char(mo, 'YYYY-MM') as period, (mo + interval '1 month' - interval '3 days')::date as day,
         round((random() * 100)::numeric, 0) as score
  from member m, generate_series(date '$PRACTICE_YEAR-01-01', date '$PRACTICE_YEAR-11-01', interval '1 month') mo
  where abs(hashtext(m.user_id || ':' || mo)) % 1000 < case m.regular when 1 then 950 else 500 end;
insert into practice_score (programme_id, kind, period, user_id, org_unit_id, score)
  select $PROGRAMME, 'WEEK', period, user_id, org_unit_id, score from weekly
  union all select $PROGRAMME, 'MONTH', period, user_id, org_unit_id, score from monthly;
insert into practice_activity (programme_id, user_id, study_day)
  select $PROGRAMME, user_id, day from studied union select $PROGRAMME, user_id, day from weekly
  union select $PROGRAMME, user_id, day from monthly;
-- What the application keeps beside them (V14_5, V14_6): the year's board and the months members took part in.
insert into practice_score (programme_id, kind, period, user_id, org_unit_id, score)
  select $PROGRAMME, 'YEAR', '$PRACTICE_YEAR', t.user_id,
         (select l.org_unit_id from practice_score l where l.programme_id = $PROGRAMME and l.kind = 'MONTH' and l.user_id = t.user_id
          order by l.period desc limit 1), t.total
  from (select user_id, sum(score) total from monthly group by user_id) t;
insert into practice_active_month (programme_id, month_start, user_id)
  select distinct programme_id, cast(date_trunc('month', study_day) as date), user_id from practice_activity;
vacuum analyze practice_score;
vacuum analyze practice_active_month;
vacuum analyze practice_activity;
analyze;
SQL
  # The practice job ranks every board of the periods just loaded on its next run (Leaderboards.rankUnranked), as
  # it would after an upgrade; the boards are read only once that is done.
  local periods ranked
  periods=$(psql_ -d "$DB" -Atc "select count(distinct (kind, period)) from practice_score where programme_id = $PROGRAMME")
  for i in $(seq 1 300); do
    ranked=$(psql_ -d "$DB" -Atc "select count(*) from practice_board where programme_id = $PROGRAMME and unit_id = $PROVINCE")
    [ "$ranked" -ge "$periods" ] && break
    sleep 2
  done
  echo "$ranked of $periods periods ranked by the practice job in $SECONDS s (since the history began loading)"
  { echo "history seeded in $SECONDS s:"
    psql_ -d "$DB" -Atc "select 'daily items ' || (select count(*) from practice_daily_item) || ', studied days ' || (select count(*) from practice_studied_day)
      || ', activity days ' || (select count(*) from practice_activity) || ', scores ' || (select count(*) from practice_score)
      || ', mistakes ' || (select count(*) from practice_mistake) || ', board rows ' || (select count(*) from practice_rank) || ', active member-months ' || (select count(*) from practice_active_month)"; } | tee "$OUT/practice-seed.txt"

  # The members with their city, for the simulation's city boards.
  psql_ -d "$DB" -Atc "copy (select u.username, city.id from org_person p join account_user u on u.id = p.user_id
      join org_unit centre on centre.id = p.org_unit_id join org_unit county on county.id = centre.parent_id
      join org_unit city on city.id = county.parent_id order by p.id) to stdout with csv header" \
    | sed '1s/.*/username,cityId/' > "$OUT/practice-members.csv"
  SIM_ARGS="$SIM_ARGS -Dpractice.programme=$PROGRAMME -Dpractice.contest=$CONTEST -Dpractice.province=$PROVINCE
            -Dpractice.membersFile=$OUT/practice-members.csv -Dpractice.organizer=practice-organizer"
}

# After the simulation: every member who was sent into the contest has a submitted attempt, none lost.
practice_verify() {
  psql_ -d "$DB" -Atc "select 'contest attempts: ' || count(*) || ' submitted of ' || (select count(*) from exam_attempt where exam_id = $CONTEST)
      || ' started' from exam_attempt where exam_id = $CONTEST and status = 'SUBMITTED'" | tee "$OUT/practice-contest.txt"
  psql_ -d "$DB" -Atc "select 'daily sets of the day fully answered: ' || count(*) from practice_studied_day where study_day = date '$PRACTICE_YEAR-12-26'" \
    | tee -a "$OUT/practice-contest.txt"
}
