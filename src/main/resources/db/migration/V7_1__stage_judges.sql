-- The judges (评委) of a stage scored by a panel: the live final's essay round, the provincial interview.
create table competition_stage_judge (
    stage_id bigint not null references competition_stage (id),
    user_id  bigint not null,
    primary key (stage_id, user_id)
);
create index competition_judge_by_user on competition_stage_judge (user_id);
