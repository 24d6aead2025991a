-- Licensing work queue bench (bench/licensing/run.sh): :count open applications for Guangdong
-- (authority 19) and :others in other provinces, spread over the states of the statutory procedures
-- with clocks in or a little past their limits (acceptance 5 working days, assessment 30, decision
-- 10, issuance 7, verification 3 months; calendar days stand in for working days, x 7/5): about 3%
-- overdue, a few with the due date unknown (a year without holiday data), 14% waiting for the
-- applicant (no clock: not in the queue), 1% emergency extensions (first in the queue after the
-- unknown due dates). Seeded (setseed), so that runs compare.
select setseed(0.20261127);

create temporary table bench_state (state text, step text, limit_days int, weight int);
insert into bench_state values
  ('SUBMITTED', 'ACCEPTANCE', 7, 22),
  ('ACCEPTED', 'ASSESSMENT', 42, 14),
  ('IN_ASSESSMENT', 'ASSESSMENT', 42, 24),
  ('ASSESSED', 'DECISION', 14, 12),
  ('APPROVED', 'ISSUANCE', 10, 6),
  ('AWAITING_VERIFICATION', 'VERIFICATION', 91, 8),
  ('CORRECTION_REQUESTED', null, 0, 7),
  ('RECTIFICATION', null, 0, 7);

create temporary table bench_pick as
  select state, step, limit_days,
         sum(weight) over (order by state) - weight as lo, sum(weight) over (order by state) as hi
  from bench_state;

create or replace function pg_temp.bench_apps(bodies bigint[], authorities text[], n int) returns void
language plpgsql as $$
declare
  total int := (select max(hi) from bench_pick);
  i int; r double precision; p record; began date; due date; unknown boolean; b int;
begin
  for i in 1..n loop
    r := random() * total;
    select * into p from bench_pick where r >= lo and r < hi limit 1;
    b := 1 + floor(random() * array_length(bodies, 1))::int;
    unknown := false;
    if p.step is null then
      began := current_date - (1 + floor(random() * 40))::int;
      due := null;
    else
      -- how far into the step: mostly within the limit, ~8% past it
      began := current_date - floor(random() * p.limit_days * 1.08)::int;
      due := began + p.limit_days;
      if random() < 0.002 then unknown := true; due := null; end if;
    end if;
    insert into application (body_id, authority_code, type, procedure, state, field_codes, special_foods, change_items,
                             certificate_number, step, step_began_on, paused_working_days, waiting_since, due_on,
                             due_unknown, created_at, updated_at)
    values (bodies[b], authorities[b],
            case when random() < 0.01 then 'EMERGENCY_EXTENSION'
                 else (array['FIRST_LICENCE','RENEWAL','CHANGE','SCOPE_EXTENSION','SITE_CHANGE'])[1 + floor(random() * 5)::int] end,
            case when p.state = 'AWAITING_VERIFICATION' then 'COMMITMENT' else 'GENERAL' end,
            p.state, (array['12','01','02','07','12,01','05'])[1 + floor(random() * 6)::int], false, '', null,
            p.step, case when p.step is null then null else began end, 0,
            case when p.step is null then began else null end, due, unknown,
            began - 3, began);
  end loop;
end $$;

select pg_temp.bench_apps(array_agg(id order by id), array_agg('19'::text order by id), :count)
from body where province_code = '44';

select pg_temp.bench_apps(array_agg(id order by id), array_agg(authority order by id), :others)
from (select distinct on (b.id) b.id, c.authority_code as authority from body b join certificate c on c.body_id = b.id
      where c.authority_code not in ('00', '19') order by b.id, c.id) o;

analyze application;
select authority_code = '19' as guangdong, count(*) as applications,
       count(*) filter (where due_on is not null or due_unknown) as in_queue,
       count(*) filter (where due_on < current_date) as overdue
from application group by 1 order by 1;
