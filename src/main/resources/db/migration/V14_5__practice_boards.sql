-- Leaderboards ranked in the database (practice module). A board reads one period's rows best first and counts who
-- scored more (a rank is that count + 1), so it needs the scores of a period in score order with their unit at hand.
create index practice_score_board on practice_score (programme_id, kind, period, score, org_unit_id);
-- A member's scores by period: the unit of their latest contest, which their year total counts under.
create index practice_score_by_user on practice_score (programme_id, kind, user_id, period);

-- The year's board (月月比年度综合) as rows of kind YEAR, period '2026': each member's sum of the year's monthly
-- contest scores, under the unit of their latest contest; made anew whenever a contest of that year is released.
-- Here from the contests released so far.
insert into practice_score (programme_id, kind, period, user_id, org_unit_id, score)
select t.programme_id, 'YEAR', t.year_key, t.user_id,
       (select l.org_unit_id from practice_score l
        where l.programme_id = t.programme_id and l.kind = 'MONTH' and l.user_id = t.user_id and l.period like t.year_key || '-%'
        order by l.period desc limit 1),
       t.total
from (select programme_id, left(period, 4) as year_key, user_id, sum(score) as total
      from practice_score where kind = 'MONTH' group by programme_id, left(period, 4), user_id) t;
