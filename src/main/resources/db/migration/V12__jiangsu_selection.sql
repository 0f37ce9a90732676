-- Competitions whose contestants enter one by one and are selected level by level (template jiangsu-hrss-2020):
-- the contestants with their field, the close of entries, who each selection took (county teams, individuals with
-- 递补, the province level), the interview's judge scores, and the teams named for later stages.

-- A contestant competes for a field: a county, a city's city level (市本级) or the province level (省厅本级).
create table competition_contestant (
    competition_id bigint                   not null references competition (id),
    person_id      bigint                   not null,
    lookup_key     text                     not null,
    person_unit_id bigint                   not null,
    field_unit_id  bigint                   not null,
    field_level    text                     not null,   -- PROVINCE, CITY, COUNTY
    entered_by     text,
    entered_at     timestamp with time zone not null,
    primary key (competition_id, person_id)
);
create index competition_contestant_by_key on competition_contestant (competition_id, lookup_key);

alter table competition add column entries_closed_at timestamp with time zone;

-- The outcome of a stage's selection: per city its county teams (role TEAM, with the team's county and score; a
-- member passed over while the individual places were filled is `skipped`), its individuals, and the province level.
create table competition_selection (
    stage_id       bigint  not null references competition_stage (id),
    person_id      bigint  not null,
    city_unit_id   bigint,                 -- null for the province level
    county_unit_id bigint,                 -- the team's county (role TEAM)
    team_score     numeric(10, 2),
    role           text    not null,       -- TEAM, INDIVIDUAL, PROVINCE
    skipped        boolean not null,
    position       integer not null,
    primary key (stage_id, person_id)
);

-- An interview judge's score of one contestant; every entry and change is also in the audit log.
create table competition_interview_score (
    stage_id      bigint                   not null references competition_stage (id),
    person_id     bigint                   not null,
    judge_user_id bigint                   not null,
    points        numeric(6, 2)            not null,
    entered_at    timestamp with time zone not null,
    primary key (stage_id, person_id, judge_user_id)
);

-- A panel closed by the organizer: a score changed after this needs a reason.
alter table competition_stage add column panel_closed_at timestamp with time zone;

-- The people a later stage's team is made of (区域赛: 4 with one alternate; 全国赛: 5).
create table competition_stage_member (
    stage_id  bigint  not null references competition_stage (id),
    person_id bigint  not null,
    alternate boolean not null,
    position  integer not null,
    primary key (stage_id, person_id)
);
