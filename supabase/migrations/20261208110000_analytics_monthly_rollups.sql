-- =============================================================================
-- Two monthly rollups for the team analytics' distinct counts, kept exact in
-- the writers' own transactions (triggers), never by a job that could be stale.
--
-- The daily rollup (20261207100200) serves the additive figures. The funnel,
-- engagement, cohorts and adoption count distinct families or students, which
-- a daily row cannot sum; on a year of data (≈ 100,000 sessions, ≈ 500,000
-- usage events) they scanned every event or session of the period: 190 ms to
-- 1.2 s each on the bench machine. Distinct people per month fit in far fewer
-- rows (≈ 25,000 student-months, ≈ 34,000 family-months for that year), so a
-- figure now reads the whole months of its period from a rollup and only the
-- partial months at its two ends from the events or sessions themselves.
-- Months are those of the team's zone (analytics_time_zone); a figure asked
-- for in another zone reads the raw rows only, so both paths exist and the
-- tests compare them.
-- =============================================================================

-- Live (not cancelled) sessions per student and month, with what the figures filter on.
create table private.analytics_student_months (
  month date not null,
  student_id uuid not null,
  parent_id uuid,
  coach_id uuid not null,
  subject_code text not null,
  sessions integer not null check (sessions > 0),
  constraint analytics_student_months_key
    unique nulls not distinct (month, student_id, parent_id, coach_id, subject_code)
);
comment on table private.analytics_student_months is
  'Live sessions per (team-zone month, student, parent, coach, subject); kept by triggers on session_bookings.';
alter table private.analytics_student_months enable row level security;
revoke all on private.analytics_student_months from public, anon, authenticated;

-- Funnel steps reached per family and month (bits: started 1, coach 2, slot 4, booked 8).
create table private.analytics_funnel_months (
  month date not null,
  user_id uuid not null,
  coach_id uuid,
  subject_code text,
  reached smallint not null check (reached between 1 and 15),
  constraint analytics_funnel_months_key unique nulls not distinct (month, user_id, coach_id, subject_code)
);
comment on table private.analytics_funnel_months is
  'Booking-wizard steps reached per (team-zone month, family, coach, subject) as bits; kept by triggers on usage_events.';
alter table private.analytics_funnel_months enable row level security;
revoke all on private.analytics_funnel_months from public, anon, authenticated;

create function private.funnel_step_bit(p_kind public.usage_event_kind) returns smallint
language sql immutable set search_path = ''
as $$
  select case p_kind when 'WIZARD_STARTED' then 1 when 'COACH_CHOSEN' then 2
    when 'SLOT_CHOSEN' then 4 when 'BOOKED' then 8 end::smallint
$$;
revoke all on function private.funnel_step_bit(public.usage_event_kind) from public, anon, authenticated;

create function private.team_month(p_at timestamptz) returns date
language sql stable set search_path = ''
as $$
  select date_trunc('month', p_at at time zone private.analytics_zone())::date
$$;
revoke all on function private.team_month(timestamptz) from public, anon, authenticated;

-- The whole months of [p_from, p_to] a figure may read from a rollup: none in another zone.
create function private.analytics_full_months(p_from date, p_to date, p_zone text) returns daterange
language sql stable set search_path = ''
as $$
  select case when p_zone = private.analytics_zone() then
    daterange(f.first, greatest(f.first, date_trunc('month', p_to + 1)::date), '[)')
    else 'empty'::daterange end
  from (select case when extract(day from p_from) = 1 then p_from
                    else (date_trunc('month', p_from) + interval '1 month')::date end as first) f
$$;
revoke all on function private.analytics_full_months(date, date, text) from public, anon, authenticated;

-- -----------------------------------------------------------------------------
-- Keeping the student months.
-- -----------------------------------------------------------------------------

create function private.apply_student_month(p_session public.session_bookings, p_sign integer)
returns void
language plpgsql set search_path = ''
as $$
declare
  v_month date := private.team_month(p_session.starts_at);
begin
  if p_session.status = 'CANCELLED' then
    return;
  end if;
  if p_sign > 0 then
    insert into private.analytics_student_months as m
      (month, student_id, parent_id, coach_id, subject_code, sessions)
    values (v_month, p_session.student_id, p_session.parent_id, p_session.coach_id,
            p_session.subject_code, 1)
    on conflict on constraint analytics_student_months_key
      do update set sessions = m.sessions + 1;
    return;
  end if;
  -- The last session of a row going: the row goes, as a rebuild would not write it.
  delete from private.analytics_student_months m
  where m.month = v_month and m.student_id = p_session.student_id
    and m.parent_id is not distinct from p_session.parent_id
    and m.coach_id = p_session.coach_id and m.subject_code = p_session.subject_code
    and m.sessions = 1;
  if not found then
    update private.analytics_student_months m set sessions = m.sessions - 1
    where m.month = v_month and m.student_id = p_session.student_id
      and m.parent_id is not distinct from p_session.parent_id
      and m.coach_id = p_session.coach_id and m.subject_code = p_session.subject_code;
  end if;
end
$$;
revoke all on function private.apply_student_month(public.session_bookings, integer)
  from public, anon, authenticated;

create function private.student_months_session_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (old.status = 'CANCELLED') = (new.status = 'CANCELLED')
     and private.team_month(old.starts_at) = private.team_month(new.starts_at)
     and (old.student_id, old.parent_id, old.coach_id, old.subject_code)
         is not distinct from (new.student_id, new.parent_id, new.coach_id, new.subject_code) then
    return null;
  end if;
  if tg_op <> 'INSERT' then
    perform private.apply_student_month(old, -1);
  end if;
  if tg_op <> 'DELETE' then
    perform private.apply_student_month(new, 1);
  end if;
  return null;
end
$$;
revoke all on function private.student_months_session_changed() from public, anon, authenticated;
create trigger session_bookings_student_months
  after insert or delete or update of status, starts_at, student_id, parent_id, coach_id, subject_code
  on public.session_bookings
  for each row execute function private.student_months_session_changed();

-- -----------------------------------------------------------------------------
-- Keeping the funnel months. Steps only add bits; an event removed or changed
-- (the retention purge, a coach's account deleted) has its family-months
-- recomputed from the events left.
-- -----------------------------------------------------------------------------

create function private.funnel_months_event_added() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into private.analytics_funnel_months as m (month, user_id, coach_id, subject_code, reached)
  values (private.team_month(new.occurred_at), new.user_id, new.coach_id, new.subject_code,
          private.funnel_step_bit(new.kind))
  on conflict on constraint analytics_funnel_months_key
    do update set reached = m.reached | excluded.reached;
  return null;
end
$$;
revoke all on function private.funnel_months_event_added() from public, anon, authenticated;
create trigger usage_events_funnel_months_insert after insert on public.usage_events
  for each row when (new.kind <> 'AVAILABILITY_BULK')
  execute function private.funnel_months_event_added();

create function private.refresh_funnel_months(p_users uuid[], p_months date[]) returns void
language plpgsql set search_path = ''
as $$
begin
  delete from private.analytics_funnel_months m
  using unnest(p_users, p_months) t(user_id, month)
  where m.user_id = t.user_id and m.month = t.month;
  insert into private.analytics_funnel_months (month, user_id, coach_id, subject_code, reached)
  select t.month, e.user_id, e.coach_id, e.subject_code, bit_or(private.funnel_step_bit(e.kind))
  from unnest(p_users, p_months) t(user_id, month)
  join public.usage_events e on e.user_id = t.user_id
    and e.occurred_at >= t.month::timestamp at time zone private.analytics_zone()
    and e.occurred_at < (t.month + interval '1 month')::timestamp at time zone private.analytics_zone()
  where e.kind <> 'AVAILABILITY_BULK'
  group by 1, 2, 3, 4;
end
$$;
revoke all on function private.refresh_funnel_months(uuid[], date[]) from public, anon, authenticated;

create function private.funnel_months_events_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_users uuid[];
  v_months date[];
begin
  if tg_op = 'UPDATE' then
    select array_agg(x.user_id), array_agg(x.month) into v_users, v_months
    from (select o.user_id, private.team_month(o.occurred_at) as month from old_rows o
          union select n.user_id, private.team_month(n.occurred_at) from new_rows n) x;
  else
    select array_agg(x.user_id), array_agg(x.month) into v_users, v_months
    from (select distinct o.user_id, private.team_month(o.occurred_at) as month from old_rows o) x;
  end if;
  if v_users is not null then
    perform private.refresh_funnel_months(v_users, v_months);
  end if;
  return null;
end
$$;
revoke all on function private.funnel_months_events_changed() from public, anon, authenticated;
create trigger usage_events_funnel_months_delete after delete on public.usage_events
  referencing old table as old_rows
  for each statement execute function private.funnel_months_events_changed();
create trigger usage_events_funnel_months_update after update on public.usage_events
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.funnel_months_events_changed();

create function private.analytics_months_truncated() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_table_name = 'usage_events' then
    truncate private.analytics_funnel_months;
  else
    truncate private.analytics_student_months;
  end if;
  return null;
end
$$;
revoke all on function private.analytics_months_truncated() from public, anon, authenticated;
create trigger session_bookings_student_months_truncate after truncate on public.session_bookings
  for each statement execute function private.analytics_months_truncated();
create trigger usage_events_funnel_months_truncate after truncate on public.usage_events
  for each statement execute function private.analytics_months_truncated();

-- Rebuilds both from the rows: here for the rows already there, after a bulk load
-- written with triggers off (npm run seed:year), and after analytics_time_zone changes.
create function private.rebuild_analytics_months() returns void
language plpgsql set search_path = ''
as $$
begin
  truncate private.analytics_student_months, private.analytics_funnel_months;
  insert into private.analytics_student_months (month, student_id, parent_id, coach_id, subject_code, sessions)
  select private.team_month(b.starts_at), b.student_id, b.parent_id, b.coach_id, b.subject_code, count(*)
  from public.session_bookings b
  where b.status <> 'CANCELLED'
  group by 1, 2, 3, 4, 5;
  insert into private.analytics_funnel_months (month, user_id, coach_id, subject_code, reached)
  select private.team_month(e.occurred_at), e.user_id, e.coach_id, e.subject_code,
    bit_or(private.funnel_step_bit(e.kind))
  from public.usage_events e
  where e.kind <> 'AVAILABILITY_BULK'
  group by 1, 2, 3, 4;
end
$$;
revoke all on function private.rebuild_analytics_months() from public, anon, authenticated;
select private.rebuild_analytics_months();

-- -----------------------------------------------------------------------------
-- The figures: whole months from the rollups, the partial ends from the rows.
-- -----------------------------------------------------------------------------

create or replace function public.analytics_funnel(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (step public.usage_event_kind, families integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_months daterange := private.analytics_full_months(p_from, p_to, p_zone);
  -- The rows outside the whole months: [lower(v_period), v_cut_lo) and [v_cut_hi, upper).
  v_cut_lo timestamptz := coalesce(lower(v_months)::timestamp at time zone p_zone, upper(v_period));
  v_cut_hi timestamptz := coalesce(upper(v_months)::timestamp at time zone p_zone, upper(v_period));
begin
  return query
    with steps as (
      select r.user_id, r.coach_id, r.subject_code, r.reached
      from private.analytics_funnel_months r
      where r.month >= lower(v_months) and r.month < upper(v_months)
      union all
      select e.user_id, e.coach_id, e.subject_code, case e.kind when 'WIZARD_STARTED' then 1
          when 'COACH_CHOSEN' then 2 when 'SLOT_CHOSEN' then 4 else 8 end
      from public.usage_events e
      where e.kind in ('WIZARD_STARTED', 'COACH_CHOSEN', 'SLOT_CHOSEN', 'BOOKED')
        and e.occurred_at >= lower(v_period) and e.occurred_at < v_cut_lo
      union all
      select e.user_id, e.coach_id, e.subject_code, case e.kind when 'WIZARD_STARTED' then 1
          when 'COACH_CHOSEN' then 2 when 'SLOT_CHOSEN' then 4 else 8 end
      from public.usage_events e
      where e.kind in ('WIZARD_STARTED', 'COACH_CHOSEN', 'SLOT_CHOSEN', 'BOOKED')
        and e.occurred_at >= v_cut_hi and e.occurred_at < upper(v_period)
    ), per_family as (
      -- (The steps' bits are written out here: private.funnel_step_bit, with its search_path
      -- set, is never inlined, and a call per event cost 4 µs.)
      -- Starting the wizard counts whatever the filter; the later steps only for its coach or subject.
      select s.user_id, bit_or(case
          when (p_coach_id is null or s.coach_id = p_coach_id)
               and (p_subject is null or s.subject_code = p_subject) then s.reached
          else s.reached & 1 end) as reached
      from steps s
      group by 1
    )
    select s.kind, (select count(*)::integer from per_family f where f.reached & s.mask = s.mask)
    from (values ('WIZARD_STARTED'::public.usage_event_kind, 1, 1), ('COACH_CHOSEN', 3, 2),
                 ('SLOT_CHOSEN', 7, 3), ('BOOKED', 15, 4)) s(kind, mask, ord)
    order by s.ord;
end
$$;

create or replace function public.analytics_engagement(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (month text, active_students integer, sessions integer, per_student numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_months daterange := private.analytics_full_months(p_from, p_to, p_zone);
  v_cut_lo timestamptz := coalesce(lower(v_months)::timestamp at time zone p_zone, upper(v_period));
  v_cut_hi timestamptz := coalesce(upper(v_months)::timestamp at time zone p_zone, upper(v_period));
begin
  return query
    with live as (
      select r.month as m, r.student_id, r.sessions as n
      from private.analytics_student_months r
      where r.month >= lower(v_months) and r.month < upper(v_months)
        and (p_coach_id is null or r.coach_id = p_coach_id)
        and (p_subject is null or r.subject_code = p_subject)
      union all
      select date_trunc('month', b.starts_at at time zone p_zone)::date, b.student_id, 1
      from public.session_bookings b
      where b.status <> 'CANCELLED'
        and ((b.starts_at >= lower(v_period) and b.starts_at < v_cut_lo)
             or (b.starts_at >= v_cut_hi and b.starts_at < upper(v_period)))
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), per_student as (
      -- One row per (month, student) first: hashing twice beats count(distinct)'s sort.
      select l.m, l.student_id, sum(l.n) as n from live l group by 1, 2
    )
    select to_char(p.m, 'YYYY-MM'), count(*)::integer, sum(p.n)::integer,
      round(sum(p.n)::numeric / count(*), 2)
    from per_student p
    group by 1
    order by 1;
end
$$;

create or replace function public.analytics_cohorts(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (cohort text, size integer, month_offset integer, active integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_last date := date_trunc('month', p_to)::date;
  -- Every whole month before the period's end (history included) from the rollup; the rest from the sessions.
  v_cut date := case when p_zone = private.analytics_zone() then date_trunc('month', p_to + 1)::date end;
  v_cut_at timestamptz := coalesce(v_cut::timestamp at time zone p_zone, '-infinity');
begin
  return query
    with live as (
      select r.student_id, r.month as m
      from private.analytics_student_months r
      where r.month < v_cut
        and (p_coach_id is null or r.coach_id = p_coach_id)
        and (p_subject is null or r.subject_code = p_subject)
      union
      select b.student_id, date_trunc('month', b.starts_at at time zone p_zone)::date
      from public.session_bookings b
      where b.status <> 'CANCELLED' and b.starts_at >= v_cut_at and b.starts_at < upper(v_period)
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), firsts as (
      select l.student_id, min(l.m) as c from live l group by 1
    ), members as (
      select f.student_id, f.c from firsts f
      where f.c >= date_trunc('month', p_from)::date and f.c <= v_last
    ), sizes as (
      select m.c, count(*)::integer as n from members m group by 1
    ), offsets as (
      select s.c, s.n, o.k
      from sizes s, generate_series(0, private.months_between(s.c, v_last)) o(k)
    ), activity as (
      -- live holds one row per (student, month): count(*) counts students. The months
      -- between are written out: private.months_between (search_path set) is never inlined,
      -- and a call per student-month cost more than the rest of the figure.
      select m.c, ((extract(year from l.m) - extract(year from m.c)) * 12
                   + extract(month from l.m) - extract(month from m.c))::integer as k,
        count(*)::integer as n
      from members m join live l on l.student_id = m.student_id
      where l.m <= v_last
      group by 1, 2
    )
    select to_char(o.c, 'YYYY-MM'), o.n, o.k, coalesce(a.n, 0)
    from offsets o left join activity a on a.c = o.c and a.k = o.k
    order by o.c, o.k;
end
$$;

create or replace function public.analytics_adoption(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (feature text, users integer, population integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_months daterange := private.analytics_full_months(p_from, p_to, p_zone);
  v_cut_lo timestamptz := coalesce(lower(v_months)::timestamp at time zone p_zone, upper(v_period));
  v_cut_hi timestamptz := coalesce(upper(v_months)::timestamp at time zone p_zone, upper(v_period));
begin
  return query
    with coaches as (
      select p.id from public.profiles p
      where p.role = 'coach' and (p_coach_id is null or p.id = p_coach_id)
        and (p_subject is null or exists (
          select 1 from public.coach_subjects cs where cs.coach_id = p.id and cs.subject_code = p_subject))
    ), people as (
      -- The students and parents of the period's live sessions.
      select r.student_id, r.parent_id
      from private.analytics_student_months r
      where r.month >= lower(v_months) and r.month < upper(v_months)
        and (p_coach_id is null or r.coach_id = p_coach_id)
        and (p_subject is null or r.subject_code = p_subject)
      union all
      select b.student_id, b.parent_id
      from public.session_bookings b
      where b.status <> 'CANCELLED'
        and ((b.starts_at >= lower(v_period) and b.starts_at < v_cut_lo)
             or (b.starts_at >= v_cut_hi and b.starts_at < upper(v_period)))
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), families as materialized (
      select s.student_id as id from people s
      union select s.parent_id from people s where s.parent_id is not null
    )
    select 'DATE_OVERRIDES', (select count(*)::integer from coaches c where exists (
        select 1 from public.coach_availability a
        where a.coach_id = c.id and not a.is_recurring and a.specific_date between p_from and p_to)),
      (select count(*)::integer from coaches)
    union all
    select 'BULK_TOOLS', (select count(*)::integer from coaches c where exists (
        select 1 from public.usage_events e
        where e.user_id = c.id and e.kind = 'AVAILABILITY_BULK' and e.occurred_at >= lower(v_period) and e.occurred_at < upper(v_period))),
      (select count(*)::integer from coaches)
    union all
    select 'RESCHEDULE', (select count(*)::integer from families f where exists (
        select 1 from public.session_status_history h
        where h.changed_by = f.id and h.notes like 'rescheduled from %' and h.created_at >= lower(v_period) and h.created_at < upper(v_period))),
      (select count(*)::integer from families)
    union all
    select 'PUSH', (select count(*)::integer from families f where exists (
        select 1 from public.push_subscriptions ps where ps.user_id = f.id)),
      (select count(*)::integer from families)
    union all
    select 'ENGLISH', (select count(*)::integer from families f join public.profiles p on p.id = f.id
        where p.locale = 'en'),
      (select count(*)::integer from families);
end
$$;
