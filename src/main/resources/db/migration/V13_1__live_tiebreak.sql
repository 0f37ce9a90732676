-- A live final's tiebreak round (附加赛) points, written with the team's final score: they order teams tied on score
-- and are not part of the score. Null for a hand-entered score and for teams that played no tiebreak.
alter table competition_team_score add column tiebreak numeric(10, 2);
