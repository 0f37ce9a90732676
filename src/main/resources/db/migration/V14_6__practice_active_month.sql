-- The months a member took part in anything (practice module), beside the days in practice_activity: participation
-- over whole months (a year's report) reads these few rows, not every active day of the year; the days count only
-- for the part-months at the ends of a range.
create table practice_active_month (
    programme_id bigint not null references practice_programme (id),
    month_start  date   not null,
    user_id      bigint not null,
    primary key (programme_id, month_start, user_id)
);
insert into practice_active_month (programme_id, month_start, user_id)
select distinct programme_id, cast(date_trunc('month', study_day) as date), user_id from practice_activity;
