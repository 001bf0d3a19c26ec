-- =============================================================================
-- A daily rollup of the sessions for the team analytics, kept exact in the
-- writers' own transactions (triggers), never by a job that could be stale.
--
-- On a year of data (≈ 100,000 sessions) each figure scanned every session of
-- the period: 50–350 ms each on the bench machine, seconds for the page. The
-- additive figures (bookings per day, revenue, cancellations and no-shows,
-- ratings, booked minutes) now read one row per (day, coach, subject): about
-- one row for five sessions. Days are those of the team's zone
-- (app_settings analytics_time_zone, Europe/Paris); a figure asked for in
-- another zone reads the sessions as before, so both paths exist and the
-- tests compare them.
--
-- What a session contributes is computed by one function
-- (private.session_facts) from the session, its refunded credits and who
-- recorded its no-show; the three triggers subtract its old contribution and
-- add its new one whenever one of those changes. A group's booked minutes are
-- not additive (its seats share one block of the coach's time): the rollup
-- keeps individual sessions' minutes only, and utilisation adds the groups'
-- from the sessions themselves (few rows, their own index).
-- =============================================================================

insert into public.app_settings (key, value, description) values
  ('analytics_time_zone', '"Europe/Paris"',
   'The team analytics count days in this zone (the daily rollup is kept in it)')
on conflict (key) do nothing;

create function private.analytics_zone() returns text
language sql stable set search_path = ''
as $$
  select coalesce((select s.value #>> '{}' from public.app_settings s where s.key = 'analytics_time_zone'),
                  'Europe/Paris')
$$;
revoke all on function private.analytics_zone() from public, anon, authenticated;

create table private.analytics_daily (
  day date not null,
  coach_id uuid not null,
  subject_code text not null,
  made integer not null default 0,
  sessions integer not null default 0,
  live integer not null default 0,
  live_minutes integer not null default 0,
  credits_used integer not null default 0,
  credits_refunded integer not null default 0,
  charged integer not null default 0,
  completed integer not null default 0,
  rated integer not null default 0,
  rating_sum integer not null default 0,
  stars integer[] not null default '{0,0,0,0,0}',
  -- Cancellations and no-shows: 'CANCELLED|family|t' → count.
  losses jsonb not null default '{}',
  primary key (day, coach_id, subject_code)
);
comment on table private.analytics_daily is
  'Per day (team zone), coach and subject: the sessions'' additive figures, kept by triggers on session_bookings, credit_transactions and session_status_history.';
alter table private.analytics_daily enable row level security;
revoke all on private.analytics_daily from public, anon, authenticated;

-- One session's contribution: the row of its start day, and a row of the day
-- it was booked (made = 1). Rows are deltas, added with p_sign.
create function private.session_facts(
  p_session public.session_bookings, p_refunded integer, p_no_show_by uuid
) returns setof private.analytics_daily
language plpgsql stable set search_path = ''
as $$
declare
  v_zone text := private.analytics_zone();
  v_live boolean := p_session.status <> 'CANCELLED';
  v_rating integer := p_session.rating;
  v_who text;
  v_start date;
  v_made date;
begin
  if p_session.id is null then
    return;
  end if;
  if p_session.status in ('CANCELLED', 'NO_SHOW') then
    v_who := coalesce(private.actor_kind((select p.role from public.profiles p where p.id =
      case when p_session.status = 'CANCELLED' then p_session.cancelled_by else p_no_show_by end)), '');
  end if;
  v_start := (p_session.starts_at at time zone v_zone)::date;
  v_made := (p_session.created_at at time zone v_zone)::date;
  -- Booked the day it takes place: one row, or ON CONFLICT would meet its key twice.
  return query select
    v_start, p_session.coach_id, p_session.subject_code,
    (v_made = v_start)::integer, 1, v_live::integer,
    case when v_live and p_session.type = 'INDIVIDUAL' then p_session.duration_minutes else 0 end,
    p_session.credits_used, p_refunded, (p_session.credits_used > p_refunded)::integer,
    (p_session.status = 'COMPLETED')::integer,
    (p_session.status = 'COMPLETED' and v_rating is not null)::integer,
    case when p_session.status = 'COMPLETED' then coalesce(v_rating, 0) else 0 end,
    -- A rating only exists on a completed session (a check constraint).
    array(select coalesce((v_rating = n)::integer, 0) from generate_series(1, 5) n order by n),
    case when v_who is null then '{}'::jsonb
         else jsonb_build_object(p_session.status || '|' || v_who || '|' || (p_refunded > 0)::text, 1) end;
  if v_made <> v_start then
    return query select
      v_made, p_session.coach_id, p_session.subject_code,
      1, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{0,0,0,0,0}'::integer[], '{}'::jsonb;
  end if;
end
$$;
revoke all on function private.session_facts(public.session_bookings, integer, uuid) from public, anon, authenticated;

-- Adds (p_sign = 1) or removes (-1) a session's contribution.
create function private.apply_session_facts(
  p_session public.session_bookings, p_refunded integer, p_no_show_by uuid, p_sign integer
) returns void
language plpgsql set search_path = ''
as $$
begin
  insert into private.analytics_daily as d
    (day, coach_id, subject_code, made, sessions, live, live_minutes, credits_used, credits_refunded,
     charged, completed, rated, rating_sum, stars, losses)
  select f.day, f.coach_id, f.subject_code, p_sign * f.made, p_sign * f.sessions, p_sign * f.live,
    p_sign * f.live_minutes, p_sign * f.credits_used, p_sign * f.credits_refunded, p_sign * f.charged,
    p_sign * f.completed, p_sign * f.rated, p_sign * f.rating_sum,
    array(select p_sign * x from unnest(f.stars) with ordinality u(x, i) order by i),
    coalesce((select jsonb_object_agg(k, p_sign * v::integer) from jsonb_each_text(f.losses) e(k, v)), '{}')
  from private.session_facts(p_session, p_refunded, p_no_show_by) f
  on conflict (day, coach_id, subject_code) do update set
    made = d.made + excluded.made,
    sessions = d.sessions + excluded.sessions,
    live = d.live + excluded.live,
    live_minutes = d.live_minutes + excluded.live_minutes,
    credits_used = d.credits_used + excluded.credits_used,
    credits_refunded = d.credits_refunded + excluded.credits_refunded,
    charged = d.charged + excluded.charged,
    completed = d.completed + excluded.completed,
    rated = d.rated + excluded.rated,
    rating_sum = d.rating_sum + excluded.rating_sum,
    stars = array(select a + b from unnest(d.stars, excluded.stars) u(a, b)),
    losses = (
      select coalesce(jsonb_object_agg(k, n) filter (where n <> 0), '{}')
      from (
        select k, sum(v::integer) as n
        from (select * from jsonb_each_text(d.losses) union all select * from jsonb_each_text(excluded.losses)) x(k, v)
        group by k
      ) y
    );
  -- A day left empty (its last session moved away) goes, as a rebuild would not write it.
  if p_sign < 0 then
    delete from private.analytics_daily d
    using private.session_facts(p_session, p_refunded, p_no_show_by) f
    where d.day = f.day and d.coach_id = f.coach_id and d.subject_code = f.subject_code
      and d.made = 0 and d.sessions = 0 and d.credits_used = 0 and d.credits_refunded = 0
      and d.losses = '{}'::jsonb;
  end if;
end
$$;
revoke all on function private.apply_session_facts(public.session_bookings, integer, uuid, integer)
  from public, anon, authenticated;

create function private.session_refunded(p_session_id uuid) returns integer
language sql stable set search_path = ''
as $$
  select coalesce(sum(t.amount), 0)::integer from public.credit_transactions t
  where t.session_id = p_session_id and t.kind = 'REFUND'
$$;
revoke all on function private.session_refunded(uuid) from public, anon, authenticated;

create function private.session_no_show_by(p_session_id uuid) returns uuid
language sql stable set search_path = ''
as $$
  select h.changed_by from public.session_status_history h
  where h.session_id = p_session_id and h.to_status = 'NO_SHOW' order by h.id desc limit 1
$$;
revoke all on function private.session_no_show_by(uuid) from public, anon, authenticated;

create function private.analytics_session_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid := coalesce(new.id, old.id);
  v_refunded integer;
  v_no_show_by uuid;
begin
  if tg_op = 'UPDATE' and (old.status, old.starts_at, old.coach_id, old.subject_code, old.type,
       old.duration_minutes, old.credits_used, old.rating, old.cancelled_by, old.created_at)
     is not distinct from (new.status, new.starts_at, new.coach_id, new.subject_code, new.type,
       new.duration_minutes, new.credits_used, new.rating, new.cancelled_by, new.created_at) then
    return null;
  end if;
  v_refunded := private.session_refunded(v_id);
  v_no_show_by := private.session_no_show_by(v_id);
  if tg_op <> 'INSERT' then
    perform private.apply_session_facts(old, v_refunded, v_no_show_by, -1);
  end if;
  if tg_op <> 'DELETE' then
    perform private.apply_session_facts(new, v_refunded, v_no_show_by, 1);
  end if;
  return null;
end
$$;
create trigger session_bookings_analytics after insert or update or delete on public.session_bookings
  for each row execute function private.analytics_session_changed();

create function private.analytics_refund_recorded() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_session public.session_bookings;
  v_refunded integer;
  v_no_show_by uuid;
begin
  select s.* into v_session from public.session_bookings s where s.id = new.session_id;
  if v_session.id is null then
    return null;
  end if;
  v_refunded := private.session_refunded(v_session.id);
  v_no_show_by := private.session_no_show_by(v_session.id);
  perform private.apply_session_facts(v_session, v_refunded - new.amount, v_no_show_by, -1);
  perform private.apply_session_facts(v_session, v_refunded, v_no_show_by, 1);
  return null;
end
$$;
create trigger credit_transactions_analytics after insert on public.credit_transactions
  for each row when (new.kind = 'REFUND' and new.session_id is not null)
  execute function private.analytics_refund_recorded();

create function private.analytics_no_show_recorded() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_session public.session_bookings;
  v_refunded integer;
  v_before uuid;
begin
  select s.* into v_session from public.session_bookings s where s.id = new.session_id;
  if v_session.id is null or v_session.status <> 'NO_SHOW' then
    return null;
  end if;
  v_refunded := private.session_refunded(v_session.id);
  select h.changed_by into v_before from public.session_status_history h
  where h.session_id = v_session.id and h.to_status = 'NO_SHOW' and h.id < new.id
  order by h.id desc limit 1;
  perform private.apply_session_facts(v_session, v_refunded, v_before, -1);
  perform private.apply_session_facts(v_session, v_refunded, new.changed_by, 1);
  return null;
end
$$;
create trigger session_status_history_analytics after insert on public.session_status_history
  for each row when (new.to_status = 'NO_SHOW')
  execute function private.analytics_no_show_recorded();

create function private.analytics_sessions_truncated() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  truncate private.analytics_daily;
  return null;
end
$$;
create trigger session_bookings_analytics_truncate after truncate on public.session_bookings
  for each statement execute function private.analytics_sessions_truncated();

-- Rebuilds the rollup from the sessions: here for the rows already there, and
-- after a bulk load that wrote sessions with triggers off (npm run seed:year).
create function private.rebuild_analytics_daily() returns void
language plpgsql set search_path = ''
as $$
begin
  truncate private.analytics_daily;
  perform private.apply_session_facts(s, private.session_refunded(s.id), private.session_no_show_by(s.id), 1)
  from public.session_bookings s;
end
$$;
revoke all on function private.rebuild_analytics_daily() from public, anon, authenticated;
select private.rebuild_analytics_daily();

create index session_bookings_group_live_idx on public.session_bookings (coach_id, starts_at)
  where type = 'GROUP' and status <> 'CANCELLED';

-- -----------------------------------------------------------------------------
-- The additive figures read the rollup in the team's zone, the sessions in
-- any other (the same definitions; team.db.test.ts compares both).

create or replace function public.analytics_bookings_per_day(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (day date, booked integer, held integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  if p_zone = private.analytics_zone() then
    return query
      select g.d::date, coalesce(sum(r.made), 0)::integer, coalesce(sum(r.live), 0)::integer
      from generate_series(p_from, p_to, interval '1 day') g(d)
      left join private.analytics_daily r on r.day = g.d::date
        and (p_coach_id is null or r.coach_id = p_coach_id)
        and (p_subject is null or r.subject_code = p_subject)
      group by 1 order by 1;
    return;
  end if;
  return query
    with made as (
      select (b.created_at at time zone p_zone)::date as d, count(*)::integer as n
      from public.session_bookings b
      where b.created_at <@ v_period
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
      group by 1
    ), taking_place as (
      select (b.starts_at at time zone p_zone)::date as d, count(*)::integer as n
      from public.session_bookings b
      where b.starts_at <@ v_period and b.status <> 'CANCELLED'
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
      group by 1
    )
    select g.d::date, coalesce(m.n, 0), coalesce(t.n, 0)
    from generate_series(p_from, p_to, interval '1 day') g(d)
    left join made m on m.d = g.d::date
    left join taking_place t on t.d = g.d::date
    order by 1;
end
$$;

create or replace function public.analytics_revenue(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (dimension text, key text, label text, charged_sessions integer,
                 credits_used integer, credits_refunded integer, net_cents bigint,
                 cents_per_session integer, credit_price_cents integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_price integer := private.setting_int('credit_price_cents', null);
  v_rollup boolean := p_zone = private.analytics_zone();
begin
  return query
    with refunds as (
      select t.session_id, sum(t.amount)::integer as credits
      from public.credit_transactions t
      where not v_rollup and t.kind = 'REFUND' and t.session_id is not null
      group by 1
    ), s as (
      -- One row per session (any other zone) or per rollup row (the team's zone).
      select b.coach_id, b.subject_code, b.credits_used as used, coalesce(r.credits, 0) as refunded,
        (b.credits_used > coalesce(r.credits, 0))::integer as charged
      from public.session_bookings b left join refunds r on r.session_id = b.id
      where not v_rollup and b.starts_at <@ v_period
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
      union all
      select d.coach_id, d.subject_code, d.credits_used, d.credits_refunded, d.charged
      from private.analytics_daily d
      where v_rollup and d.day between p_from and p_to and d.sessions <> 0
        and (p_coach_id is null or d.coach_id = p_coach_id)
        and (p_subject is null or d.subject_code = p_subject)
    ), g as (
      select case when grouping(s.coach_id) = 0 then 'coach'
                  when grouping(s.subject_code) = 0 then 'subject' else 'all' end as dim,
        coalesce(s.coach_id::text, s.subject_code) as k,
        sum(s.charged)::integer as charged, sum(s.used)::integer as used,
        sum(s.refunded)::integer as refunded
      from s
      group by grouping sets ((s.coach_id), (s.subject_code), ())
    )
    select g.dim, g.k,
      case g.dim
        when 'coach' then (select p.first_name || ' ' || p.last_name from public.profiles p where p.id::text = g.k)
        when 'subject' then (select sj.name_fr from public.subjects sj where sj.code = g.k)
      end,
      coalesce(g.charged, 0), coalesce(g.used, 0), coalesce(g.refunded, 0),
      (coalesce(g.used - g.refunded, 0)::bigint * v_price),
      case when g.charged > 0 then round((g.used - g.refunded)::numeric * v_price / g.charged)::integer end,
      v_price
    from g
    order by case g.dim when 'all' then 0 when 'subject' then 1 else 2 end,
      (g.used - g.refunded) desc nulls last, g.k;
end
$$;

create or replace function public.analytics_cancellations(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (outcome public.session_status, by_whom text, refunded boolean, sessions integer,
                 total integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  if p_zone = private.analytics_zone() then
    return query
      with d as (
        select r.sessions, r.losses from private.analytics_daily r
        where r.day between p_from and p_to and r.sessions <> 0
          and (p_coach_id is null or r.coach_id = p_coach_id)
          and (p_subject is null or r.subject_code = p_subject)
      ), lost as (
        select split_part(e.key, '|', 1) as status, nullif(split_part(e.key, '|', 2), '') as who,
          split_part(e.key, '|', 3)::boolean as refunded, sum(e.value::integer)::integer as n
        from d, jsonb_each_text(d.losses) e
        group by 1, 2, 3
      )
      select x.status::public.session_status, x.who, x.refunded, x.n,
        (select coalesce(sum(d.sessions), 0)::integer from d)
      from (
        select l.status, l.who, l.refunded, l.n from lost l where l.n <> 0
        union all select null, null, null, (select coalesce(sum(d.sessions), 0)::integer from d)
      ) x
      order by x.status::public.session_status nulls first, x.who, x.refunded;
    return;
  end if;
  return query
    with s as (
      select b.id, b.status, b.cancelled_by
      from public.session_bookings b
      where b.starts_at <@ v_period
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), refunded_sessions as (
      select distinct t.session_id from public.credit_transactions t
      where t.kind = 'REFUND' and t.session_id is not null
    ), lost as (
      select s.status,
        private.actor_kind((select p.role from public.profiles p where p.id = coalesce(s.cancelled_by,
          private.session_no_show_by(s.id)))) as who,
        r.session_id is not null as refunded
      from s left join refunded_sessions r on r.session_id = s.id
      where s.status in ('CANCELLED', 'NO_SHOW')
    )
    select x.status, x.who, x.refunded, x.n, (select count(*)::integer from s)
    from (
      select l.status, l.who, l.refunded, count(*)::integer as n from lost l group by 1, 2, 3
      union all select null, null, null, (select count(*)::integer from s)
    ) x
    order by x.status nulls first, x.who, x.refunded;
end
$$;

create or replace function public.analytics_ratings(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (coach_id uuid, coach_name text, completed integer, rated integer,
                 response_rate numeric, average numeric, stars integer[])
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_rollup boolean := p_zone = private.analytics_zone();
begin
  return query
    with s as (
      -- Per completed session (any other zone) or per rollup row (the team's zone).
      select b.coach_id, 1 as done, (b.rating is not null)::integer as n, coalesce(b.rating, 0) as total,
        array(select coalesce((b.rating = k)::integer, 0) from generate_series(1, 5) k order by k) as st
      from public.session_bookings b
      where not v_rollup and b.starts_at <@ v_period and b.status = 'COMPLETED'
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
      union all
      select d.coach_id, d.completed, d.rated, d.rating_sum, d.stars
      from private.analytics_daily d
      where v_rollup and d.day between p_from and p_to and d.completed > 0
        and (p_coach_id is null or d.coach_id = p_coach_id)
        and (p_subject is null or d.subject_code = p_subject)
    ), g as (
      select s.coach_id as c, grouping(s.coach_id) as overall, sum(s.done)::integer as done,
        sum(s.n)::integer as n, sum(s.total)::integer as total,
        array[sum(s.st[1]), sum(s.st[2]), sum(s.st[3]), sum(s.st[4]), sum(s.st[5])]::integer[] as st
      from s group by grouping sets ((s.coach_id), ())
    )
    select g.c, (select p.first_name || ' ' || p.last_name from public.profiles p where p.id = g.c),
      coalesce(g.done, 0), coalesce(g.n, 0),
      case when g.done > 0 then round(g.n * 100.0 / g.done, 1) end,
      case when g.n > 0 then round(g.total::numeric / g.n, 2) end,
      coalesce(g.st, '{0,0,0,0,0}')
    from g
    order by g.overall desc, 6 desc nulls last, g.c;
end
$$;

create or replace function public.analytics_utilisation(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (coach_id uuid, coach_name text, open_minutes integer, booked_minutes integer,
                 utilisation numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_zone text := private.analytics_zone();
begin
  perform private.analytics_period(p_from, p_to, p_zone);
  return query
    with coaches as (
      select p.id, p.first_name || ' ' || p.last_name as name, p.time_zone
      from public.profiles p
      where p.role = 'coach' and (p_coach_id is null or p.id = p_coach_id)
        and (p_subject is null or exists (
          select 1 from public.coach_subjects cs where cs.coach_id = p.id and cs.subject_code = p_subject))
    ), days_per_dow as (
      select extract(dow from g.d)::smallint as dow, count(*)::integer as n
      from generate_series(p_from, p_to, interval '1 day') g(d) group by 1
    ), weekly as (
      select a.coach_id, a.day_of_week, private.wall_minutes(
          coalesce(range_agg(tsrange(date '2000-01-03' + a.start_time, date '2000-01-03' + a.end_time))
                   filter (where a.is_available), '{}'::tsmultirange)
          - coalesce(range_agg(tsrange(date '2000-01-03' + a.start_time, date '2000-01-03' + a.end_time))
                     filter (where not a.is_available), '{}'::tsmultirange)) as minutes
      from public.coach_availability a join coaches c on c.id = a.coach_id
      where a.is_recurring
      group by 1, 2
    ), special_days as (
      select distinct a.coach_id, a.specific_date as day
      from public.coach_availability a join coaches c on c.id = a.coach_id
      where not a.is_recurring and a.specific_date between p_from and p_to
    ), special as (
      -- A date with its own rules: its open minutes replace the weekday's.
      select d.coach_id, d.day, private.wall_minutes(
          coalesce(range_agg(tsrange(d.day + a.start_time, d.day + a.end_time))
                   filter (where a.is_available), '{}'::tsmultirange)
          - coalesce(range_agg(tsrange(d.day + a.start_time, d.day + a.end_time))
                     filter (where not a.is_available), '{}'::tsmultirange))
          - coalesce(max(w.minutes), 0) as delta
      from special_days d
      join public.coach_availability a on a.coach_id = d.coach_id
        and ((a.is_recurring and a.day_of_week = extract(dow from d.day))
             or (not a.is_recurring and a.specific_date = d.day))
      left join weekly w on w.coach_id = d.coach_id and w.day_of_week = extract(dow from d.day)
      group by d.coach_id, d.day
    ), open as (
      select c.id,
        coalesce((select sum(w.minutes * n.n) from weekly w join days_per_dow n on n.dow = w.day_of_week
                  where w.coach_id = c.id), 0)
        + coalesce((select sum(s.delta) from special s where s.coach_id = c.id), 0) as minutes
      from coaches c
    ), booked as (
      -- Coaches in the team's zone: individual minutes from the rollup, groups from their seats.
      select x.coach_id, sum(x.minutes) as minutes
      from (
        select d.coach_id, d.live_minutes as minutes
        from private.analytics_daily d join coaches c on c.id = d.coach_id and c.time_zone = v_zone
        where d.day between p_from and p_to and d.live_minutes <> 0
          and (p_subject is null or d.subject_code = p_subject)
        union all
        select g.coach_id, g.duration_minutes from (
          -- Groups of the team-zone coaches (their partial index), every session of the others.
          select distinct on (b.coach_id, b.seat_key) b.coach_id, b.duration_minutes
          from public.session_bookings b join coaches c on c.id = b.coach_id and c.time_zone = v_zone
          where b.type = 'GROUP' and b.status <> 'CANCELLED'
            and b.starts_at >= p_from::timestamp at time zone c.time_zone
            and b.starts_at < (p_to + 1)::timestamp at time zone c.time_zone
            and (p_subject is null or b.subject_code = p_subject)
        ) g
        union all
        select o.coach_id, o.duration_minutes from (
          select distinct on (b.coach_id, b.seat_key) b.coach_id, b.duration_minutes
          from coaches c join public.session_bookings b on b.coach_id = c.id
          where c.time_zone <> v_zone and b.status <> 'CANCELLED'
            and b.starts_at >= p_from::timestamp at time zone c.time_zone
            and b.starts_at < (p_to + 1)::timestamp at time zone c.time_zone
            and (p_subject is null or b.subject_code = p_subject)
        ) o
      ) x
      group by 1
    ), per_coach as (
      select c.id, c.name, o.minutes::integer as open_m, coalesce(k.minutes, 0)::integer as booked_m
      from coaches c join open o on o.id = c.id left join booked k on k.coach_id = c.id
    )
    select r.id, r.name, r.open_m, r.booked_m,
      case when r.open_m > 0 then round(r.booked_m * 100.0 / r.open_m, 1) end
    from (
      select p.id, p.name, p.open_m, p.booked_m, 0 as ord from per_coach p
      union all
      select null, null, coalesce(sum(p.open_m), 0)::integer, coalesce(sum(p.booked_m), 0)::integer, 1
      from per_coach p
    ) r
    order by r.ord, r.name, r.id;
end
$$;

