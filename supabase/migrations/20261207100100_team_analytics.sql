-- =============================================================================
-- Team analytics: one function per figure of /assistant/analytics.
--
-- Each figure is defined here and nowhere else; the page and its CSV only
-- shape what these return. Every function takes the same period and filters:
--   p_from, p_to  dates, both included, read in p_zone (the viewer's zone),
--                 except utilisation, whose days are each coach's own (the
--                 availability rules are wall-clock in the coach's zone);
--   p_coach_id    one coach, or null for all;
--   p_subject     one subject, or null for all.
-- A session belongs to the period by its start. "Live" means not cancelled:
-- the slot engine's and the exclusion constraints' notion of a taken slot.
-- SECURITY DEFINER for speed (no per-row policy), so each one first calls
-- private.require_staff(): only assistants and admins get an answer.
-- =============================================================================

-- The period as instants, checked: at most 400 days, a real zone.
create function private.analytics_period(p_from date, p_to date, p_zone text)
returns tstzrange
language plpgsql stable set search_path = ''
as $$
begin
  perform private.require_staff();
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 400 then
    raise exception 'NB_VALIDATION: the period must be 1 to 401 days';
  end if;
  begin
    perform now() at time zone p_zone;
  exception when others then
    raise exception 'NB_VALIDATION: unknown time zone %', p_zone;
  end;
  if p_zone is null then
    raise exception 'NB_VALIDATION: a time zone is required';
  end if;
  return tstzrange(p_from::timestamp at time zone p_zone, (p_to + 1)::timestamp at time zone p_zone, '[)');
end
$$;
revoke all on function private.analytics_period(date, date, text) from public, anon, authenticated;

-- Minutes covered by a wall-clock multirange (a day's open hours).
create function private.wall_minutes(p_ranges tsmultirange) returns integer
language sql immutable set search_path = ''
as $$
  select coalesce(sum(extract(epoch from upper(r) - lower(r)))::integer / 60, 0)
  from unnest(p_ranges) r
$$;
revoke all on function private.wall_minutes(tsmultirange) from public, anon, authenticated;

-- Whole months from the month of p_a to the month of p_b.
create function private.months_between(p_a date, p_b date) returns integer
language sql immutable set search_path = ''
as $$
  select ((extract(year from p_b) * 12 + extract(month from p_b))
          - (extract(year from p_a) * 12 + extract(month from p_a)))::integer
$$;
revoke all on function private.months_between(date, date) from public, anon, authenticated;

-- Who a session's cancellation is attributed to, from the canceller's role.
create function private.actor_kind(p_role public.user_role) returns text
language sql immutable set search_path = ''
as $$
  select case
    when p_role in ('parent', 'student') then 'family'
    when p_role = 'coach' then 'coach'
    when p_role in ('assistant', 'admin') then 'staff'
  end
$$;
revoke all on function private.actor_kind(public.user_role) from public, anon, authenticated;

create index session_bookings_created_idx on public.session_bookings (created_at);
create index session_bookings_starts_idx on public.session_bookings (starts_at)
  include (coach_id, student_id, subject_code, status, credits_used);
create index session_bookings_rated_idx on public.session_bookings (rated_at desc)
  where feedback is not null;

-- -----------------------------------------------------------------------------
-- Bookings per day: bookings made that day (any status since), and live
-- sessions taking place that day.
create function public.analytics_bookings_per_day(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (day date, booked integer, held integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
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

-- -----------------------------------------------------------------------------
-- Booking conversion: families (user ids) who, within the period, started
-- the wizard, then also chose a coach, then also a slot, then booked. A step
-- counts a family only if it reached every earlier step in the period too.
-- The coach and subject filters apply from the step where they are known
-- (a coach chosen); "wizard started" is never filtered.
create function public.analytics_funnel(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (step public.usage_event_kind, families integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  return query
    with per_family as (
      select e.user_id, bit_or(case e.kind
          when 'WIZARD_STARTED' then 1 when 'COACH_CHOSEN' then 2
          when 'SLOT_CHOSEN' then 4 else 8 end) as reached
      from public.usage_events e
      where e.kind in ('WIZARD_STARTED', 'COACH_CHOSEN', 'SLOT_CHOSEN', 'BOOKED')
        and e.occurred_at >= lower(v_period) and e.occurred_at < upper(v_period)
        and (e.kind = 'WIZARD_STARTED'
             or ((p_coach_id is null or e.coach_id = p_coach_id)
                 and (p_subject is null or e.subject_code = p_subject)))
      group by e.user_id
    )
    select s.kind, (select count(*)::integer from per_family f where f.reached & s.mask = s.mask)
    from (values ('WIZARD_STARTED'::public.usage_event_kind, 1, 1), ('COACH_CHOSEN', 3, 2),
                 ('SLOT_CHOSEN', 7, 3), ('BOOKED', 15, 4)) s(kind, mask, ord)
    order by s.ord;
end
$$;

-- -----------------------------------------------------------------------------
-- Coach utilisation: booked minutes ÷ open minutes, per coach and overall
-- (coach_id null). Open minutes are the slot engine's day rule
-- (availability/slots.ts, private.is_slot_available): for each date of the
-- period in the coach's zone, (weekly available ∪ that date's available)
-- − (weekly unavailable ∪ that date's unavailable), counted in wall-clock
-- minutes (a daylight-saving day counts its wall hours, as utilisation.ts).
-- Booked minutes: live sessions starting that day, a group's seats counted
-- once (one seat_key, one block of the coach's time). With a subject, the
-- coaches qualified for it and that subject's sessions only.
create function public.analytics_utilisation(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (coach_id uuid, coach_name text, open_minutes integer, booked_minutes integer,
                 utilisation numeric)
language plpgsql stable security definer set search_path = ''
as $$
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
      select x.coach_id, sum(x.duration_minutes) as minutes
      from (
        select distinct on (b.coach_id, b.seat_key) b.coach_id, b.duration_minutes
        from public.session_bookings b join coaches c on c.id = b.coach_id
        where b.status <> 'CANCELLED'
          and b.starts_at >= p_from::timestamp at time zone c.time_zone
          and b.starts_at < (p_to + 1)::timestamp at time zone c.time_zone
          and (p_subject is null or b.subject_code = p_subject)
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

-- -----------------------------------------------------------------------------
-- Student engagement, per calendar month (p_zone) of the period: students
-- with at least one live session starting that month ("active"), and those
-- sessions.
create function public.analytics_engagement(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (month text, active_students integer, sessions integer, per_student numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  return query
    select to_char(b.starts_at at time zone p_zone, 'YYYY-MM'),
      count(distinct b.student_id)::integer, count(*)::integer,
      round(count(*)::numeric / count(distinct b.student_id), 2)
    from public.session_bookings b
    where b.starts_at <@ v_period and b.status <> 'CANCELLED'
      and (p_coach_id is null or b.coach_id = p_coach_id)
      and (p_subject is null or b.subject_code = p_subject)
    group by 1
    order by 1;
end
$$;

-- Booked again within 30 days: of the students whose first live booking made
-- in the period (by when it was made), the share who made another live
-- booking within the 30 days after it. A booking that was cancelled counts
-- for nothing, so a slot cancelled and booked again is one booking.
create function public.analytics_rebooking(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (students integer, rebooked integer, share numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  return query
    with firsts as (
      select b.student_id, min(b.created_at) as first_at
      from public.session_bookings b
      where b.created_at <@ v_period and b.status <> 'CANCELLED'
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
      group by 1
    ), flagged as (
      select f.student_id, exists (
          select 1 from public.session_bookings n
          where n.student_id = f.student_id and n.status <> 'CANCELLED'
            and n.created_at > f.first_at and n.created_at <= f.first_at + interval '30 days'
            and (p_coach_id is null or n.coach_id = p_coach_id)
            and (p_subject is null or n.subject_code = p_subject)
        ) as again
      from firsts f
    )
    select count(*)::integer, count(*) filter (where again)::integer,
      case when count(*) > 0 then round(count(*) filter (where again) * 100.0 / count(*), 1) end
    from flagged;
end
$$;

create index session_bookings_student_created_idx
  on public.session_bookings (student_id, created_at) where status <> 'CANCELLED';

-- Cohort retention: students grouped by the month (p_zone) of their first
-- live session ever (with the coach / subject filter, their first of those);
-- for each cohort starting in the period, how many had a live session in the
-- cohort's month + offset, up to the period's last month.
create function public.analytics_cohorts(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (cohort text, size integer, month_offset integer, active integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_last date := date_trunc('month', p_to)::date;
begin
  return query
    with live as (
      select b.student_id, date_trunc('month', b.starts_at at time zone p_zone)::date as m
      from public.session_bookings b
      where b.status <> 'CANCELLED' and b.starts_at < upper(v_period)
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
      group by 1, 2
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
      -- live holds one row per (student, month): count(*) counts students.
      select m.c, private.months_between(m.c, l.m) as k, count(*)::integer as n
      from members m join live l on l.student_id = m.student_id
      where l.m <= v_last
      group by 1, 2
    )
    select to_char(o.c, 'YYYY-MM'), o.n, o.k, coalesce(a.n, 0)
    from offsets o left join activity a on a.c = o.c and a.k = o.k
    order by o.c, o.k;
end
$$;

-- -----------------------------------------------------------------------------
-- Revenue: for the sessions starting in the period (any status), credits
-- used minus credits refunded for them (REFUND ledger rows), times the credit
-- price of the policy (app_settings credit_price_cents). A session is
-- "charged" when it kept at least one credit. One row per coach, per subject
-- and overall (dimension 'coach', 'subject', 'all').
create function public.analytics_revenue(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (dimension text, key text, label text, charged_sessions integer,
                 credits_used integer, credits_refunded integer, net_cents bigint,
                 cents_per_session integer, credit_price_cents integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
  v_price integer := private.setting_int('credit_price_cents', null);
begin
  return query
    with refunds as (
      select t.session_id, sum(t.amount)::integer as credits
      from public.credit_transactions t where t.kind = 'REFUND' and t.session_id is not null
      group by 1
    ), s as (
      select b.coach_id, b.subject_code, b.credits_used, coalesce(r.credits, 0) as refunded
      from public.session_bookings b left join refunds r on r.session_id = b.id
      where b.starts_at <@ v_period
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), g as (
      select case when grouping(s.coach_id) = 0 then 'coach'
                  when grouping(s.subject_code) = 0 then 'subject' else 'all' end as dim,
        coalesce(s.coach_id::text, s.subject_code) as k,
        count(*) filter (where s.credits_used > s.refunded)::integer as charged,
        sum(s.credits_used)::integer as used, sum(s.refunded)::integer as refunded
      from s
      group by grouping sets ((s.coach_id), (s.subject_code), ())
    )
    select g.dim, g.k,
      case g.dim
        when 'coach' then (select p.first_name || ' ' || p.last_name from public.profiles p where p.id::text = g.k)
        when 'subject' then (select sj.name_fr from public.subjects sj where sj.code = g.k)
      end,
      g.charged, g.used, g.refunded, ((g.used - g.refunded)::bigint * v_price),
      case when g.charged > 0 then round((g.used - g.refunded)::numeric * v_price / g.charged)::integer end,
      v_price
    from g
    order by case g.dim when 'all' then 0 when 'subject' then 1 else 2 end,
      (g.used - g.refunded) desc, g.k;
end
$$;

-- -----------------------------------------------------------------------------
-- Cancellations and no-shows of the sessions starting in the period: counts
-- by outcome, by whom (the canceller's role; for a no-show, who recorded it)
-- and whether any credit was refunded; `total` is every session of the
-- period, the denominator of the rates (also alone in a first row whose
-- outcome is null).
create function public.analytics_cancellations(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (outcome public.session_status, by_whom text, refunded boolean, sessions integer,
                 total integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
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
          (select h.changed_by from public.session_status_history h
           where h.session_id = s.id and h.to_status = 'NO_SHOW' order by h.id desc limit 1))))
          as who,
        r.session_id is not null as refunded
      from s left join refunded_sessions r on r.session_id = s.id
      where s.status in ('CANCELLED', 'NO_SHOW')
    )
    select x.status, x.who, x.refunded, x.n, (select count(*)::integer from s)
    from (
      select l.status, l.who, l.refunded, count(*)::integer as n from lost l group by 1, 2, 3
      -- The total alone, so that a period without any loss still says how many sessions it had.
      union all select null, null, null, (select count(*)::integer from s)
    ) x
    order by x.status nulls first, x.who, x.refunded;
end
$$;

-- -----------------------------------------------------------------------------
-- Satisfaction, per coach and overall (coach_id null): of the sessions
-- completed in the period, how many were rated (the response rate to the
-- rating request sent on completion), the average and each star's count.
create function public.analytics_ratings(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (coach_id uuid, coach_name text, completed integer, rated integer,
                 response_rate numeric, average numeric, stars integer[])
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  return query
    with s as (
      select b.coach_id, b.rating
      from public.session_bookings b
      where b.starts_at <@ v_period and b.status = 'COMPLETED'
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), g as (
      select s.coach_id as c, grouping(s.coach_id) as overall, count(*)::integer as done,
        count(s.rating)::integer as n, round(avg(s.rating), 2) as avg_rating,
        array[count(*) filter (where s.rating = 1), count(*) filter (where s.rating = 2),
              count(*) filter (where s.rating = 3), count(*) filter (where s.rating = 4),
              count(*) filter (where s.rating = 5)]::integer[] as st
      from s group by grouping sets ((s.coach_id), ())
    )
    select g.c, (select p.first_name || ' ' || p.last_name from public.profiles p where p.id = g.c),
      g.done, g.n, case when g.done > 0 then round(g.n * 100.0 / g.done, 1) end, g.avg_rating, g.st
    from g
    order by g.overall desc, g.avg_rating desc nulls last, g.c;
end
$$;

-- The latest written feedback on sessions of the period (newest rating first).
create function public.analytics_latest_feedback(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null,
  p_limit integer default 10
) returns table (session_id uuid, coach_name text, student_first_name text, subject_code text,
                 rating smallint, feedback text, rated_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  return query
    select b.id, c.first_name || ' ' || c.last_name, st.first_name, b.subject_code, b.rating,
      b.feedback, b.rated_at
    from public.session_bookings b
    join public.profiles c on c.id = b.coach_id
    join public.profiles st on st.id = b.student_id
    where b.feedback is not null and b.starts_at <@ v_period
      and (p_coach_id is null or b.coach_id = p_coach_id)
      and (p_subject is null or b.subject_code = p_subject)
    order by b.rated_at desc
    limit least(greatest(coalesce(p_limit, 10), 1), 50);
end
$$;

-- -----------------------------------------------------------------------------
-- Feature adoption, one row per feature: `users` of `population`.
--   DATE_OVERRIDES     coaches with a date-specific rule on a date of the period
--   BULK_TOOLS         coaches who used a bulk tool in the period (usage events)
--   RESCHEDULE         active families who moved a session themselves in the period
--   PUSH               active families with a push subscription now
--   ENGLISH            active families whose interface is in English now
-- Coaches: every coach (the filters' ones). Active families: the parent and
-- student accounts of the live sessions starting in the period.
create function public.analytics_adoption(
  p_from date, p_to date, p_zone text, p_coach_id uuid default null, p_subject text default null
) returns table (feature text, users integer, population integer)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_period tstzrange := private.analytics_period(p_from, p_to, p_zone);
begin
  return query
    with coaches as (
      select p.id from public.profiles p
      where p.role = 'coach' and (p_coach_id is null or p.id = p_coach_id)
        and (p_subject is null or exists (
          select 1 from public.coach_subjects cs where cs.coach_id = p.id and cs.subject_code = p_subject))
    ), sessions as (
      select b.id, b.student_id, b.parent_id, b.booked_by
      from public.session_bookings b
      where b.starts_at <@ v_period and b.status <> 'CANCELLED'
        and (p_coach_id is null or b.coach_id = p_coach_id)
        and (p_subject is null or b.subject_code = p_subject)
    ), families as (
      select distinct f.id from (
        select s.student_id as id from sessions s
        union all select s.parent_id from sessions s where s.parent_id is not null
      ) f
    )
    select 'DATE_OVERRIDES', (select count(*)::integer from coaches c where exists (
        select 1 from public.coach_availability a
        where a.coach_id = c.id and not a.is_recurring and a.specific_date between p_from and p_to)),
      (select count(*)::integer from coaches)
    union all
    select 'BULK_TOOLS', (select count(*)::integer from coaches c where exists (
        select 1 from public.usage_events e
        where e.user_id = c.id and e.kind = 'AVAILABILITY_BULK' and e.occurred_at <@ v_period)),
      (select count(*)::integer from coaches)
    union all
    select 'RESCHEDULE', (select count(*)::integer from families f where exists (
        select 1 from public.session_status_history h
        where h.changed_by = f.id and h.notes like 'rescheduled from %' and h.created_at <@ v_period)),
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

do $$
declare
  v_fn text;
begin
  foreach v_fn in array array[
    'analytics_bookings_per_day', 'analytics_funnel', 'analytics_utilisation', 'analytics_engagement',
    'analytics_rebooking', 'analytics_cohorts', 'analytics_revenue', 'analytics_cancellations',
    'analytics_ratings', 'analytics_adoption'
  ] loop
    execute format('revoke execute on function public.%I(date, date, text, uuid, text) from public, anon', v_fn);
    execute format('grant execute on function public.%I(date, date, text, uuid, text) to authenticated, service_role', v_fn);
  end loop;
end
$$;
revoke execute on function public.analytics_latest_feedback(date, date, text, uuid, text, integer) from public, anon;
grant execute on function public.analytics_latest_feedback(date, date, text, uuid, text, integer)
  to authenticated, service_role;

comment on function public.analytics_funnel(date, date, text, uuid, text) is
  'Staff only: families at each booking-wizard step in the period (each step also reached every earlier one).';
comment on function public.analytics_utilisation(date, date, text, uuid, text) is
  'Staff only: booked ÷ open minutes per coach and overall (coach_id null), open minutes by the slot engine''s day rule.';
