-- The live final (现场决赛): one session per LIVE_FINAL stage and its append-only event log. The session row is locked
-- by every append, so the events of a session are numbered 1, 2, 3 … without gaps, in the order the database took them;
-- one WON per question is also a unique key, so no two nodes can both record a winner.
create table live_session (
    stage_id   bigint      not null primary key references competition_stage (id),
    config     text        not null,
    last_seq   bigint      not null default 0,
    screen_key varchar(64)
);
create unique index live_session_screen_key on live_session (screen_key);

create table live_event (
    stage_id     bigint                   not null references live_session (stage_id),
    seq          bigint                   not null,
    at           timestamp with time zone not null,
    type         varchar(32)              not null,
    command_id   varchar(64),
    won_question varchar(32),
    body         text                     not null,
    primary key (stage_id, seq)
);
create unique index live_event_command on live_event (stage_id, command_id);
create unique index live_event_won on live_event (stage_id, won_question);
