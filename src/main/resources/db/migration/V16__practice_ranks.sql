-- Leaderboards ranked once, when a period's scores are written (practice module), so that "my rank" on a board of
-- 40,000 is one row read instead of a count over the board. A period's scores change only when its sitting is
-- released (and the year's when a contest is); every board of the programme's tree is ranked then, in one statement.

-- The boards of a programme's tree: each unit lies on its own board and on those of the units above it, up to the
-- programme's unit. A snapshot of the tree, made anew before each ranking: a ranking made stays as it was published.
create table practice_board_unit (
    programme_id  bigint not null references practice_programme (id),
    unit_id       bigint not null,
    board_unit_id bigint not null,
    primary key (programme_id, unit_id, board_unit_id)
);

-- How many members each board of a period ranks; the programme's own board's row also says the period is ranked.
create table practice_board (
    programme_id bigint      not null references practice_programme (id),
    kind         varchar(8)  not null,
    period       varchar(10) not null,
    unit_id      bigint      not null,
    members      int         not null,
    primary key (programme_id, kind, period, unit_id)
);

-- A member's place on a board: rank is 1 + the members of the board who scored more (ties share it).
create table practice_rank (
    programme_id  bigint         not null references practice_programme (id),
    kind          varchar(8)     not null,
    period        varchar(10)    not null,
    board_unit_id bigint         not null,
    user_id       bigint         not null,
    org_unit_id   bigint         not null,
    score         numeric(10, 2) not null,
    rank          int            not null,
    primary key (programme_id, kind, period, board_unit_id, user_id)
);
create index practice_rank_page on practice_rank (programme_id, kind, period, board_unit_id, rank, user_id);

-- Boards no longer count over the scores (V14_5); existing periods are ranked by the practice job's next run.
drop index practice_score_board;
