-- The awards of a province's selection as the province published them (jiangsu-hrss-2020): once published, the awards
-- endpoint, page and export give these rows, so a score changed later does not move an award. A publication is
-- replaced only by publishing again with a reason (kept here and in the audit log).
create table competition_award_publication (
    competition_id bigint                   not null primary key references competition (id),
    published_at   timestamp with time zone not null,
    published_by   text                     not null,
    reason         text                                -- null for the first publication
);

create table competition_published_award (
    competition_id bigint         not null references competition (id),
    kind           text           not null,   -- INDIVIDUAL, TEAM (county teams), ORGANISATION (cities)
    position       integer        not null,
    award          text           not null,
    award_name     text           not null,
    award_rank     integer        not null,
    person_id      bigint,                    -- INDIVIDUAL only
    org_unit_id    bigint,                    -- TEAM and ORGANISATION only
    name           text,                      -- the person's name (INDIVIDUAL)
    unit_name      text           not null,
    score          numeric(12, 2) not null,
    primary key (competition_id, kind, position)
);
