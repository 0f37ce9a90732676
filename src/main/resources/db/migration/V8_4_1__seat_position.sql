-- The order a sitting's seats were given in (room by room), so its page, sign-in sheet and admission slips list
-- candidates as they were seated. Seats made before this column read back by person.
alter table competition_seat add column position integer;
