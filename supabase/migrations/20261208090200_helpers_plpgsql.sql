-- =============================================================================
-- The small helpers every booking, transition and policy calls become PL/pgSQL.
--
-- As SQL-language functions with `set search_path` they can never be inlined and
-- PostgreSQL 17 plans their statement again on every call (issue 15 measured
-- ~1.4 ms of the 3.5 ms book_session spends in the server). PL/pgSQL keeps each
-- statement's plan for the session. Same signatures, same results, same
-- search_path (the advisors require it); grants and comments are kept by
-- `create or replace`.
-- =============================================================================

create or replace function private.is_staff()
returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return coalesce(
    (select p.role in ('assistant', 'admin') from public.profiles p where p.id = (select auth.uid())),
    false);
end
$$;

create or replace function private.current_user_role()
returns public.user_role
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (select p.role from public.profiles p where p.id = (select auth.uid()));
end
$$;

create or replace function private.my_student_ids()
returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
    select (select auth.uid())
    union
    select ps.student_id from public.parent_students ps where ps.parent_id = (select auth.uid());
end
$$;

create or replace function private.session_label(p_session public.session_bookings)
returns text
language plpgsql stable set search_path = ''
as $$
begin
  return (
    select '« ' || p_session.title || ' » (' || sub.name_fr || ', ' || st.first_name
           || ' avec ' || co.first_name || ' ' || co.last_name || ')'
    from public.subjects sub, public.profiles st, public.profiles co
    where sub.code = p_session.subject_code
      and st.id = p_session.student_id
      and co.id = p_session.coach_id);
end
$$;

create or replace function private.format_local(p_at timestamptz, p_time_zone text)
returns text
language plpgsql stable set search_path = ''
as $$
begin
  return pg_catalog.to_char(
    p_at at time zone coalesce(p_time_zone, 'Europe/Paris'), 'DD/MM/YYYY "à" HH24"h"MI');
end
$$;

create or replace function private.schedule_reminders(
  p_session public.session_bookings, p_late_reason text)
returns void
language plpgsql set search_path = ''
as $$
begin
  insert into public.session_reminders as r
    (session_id, reminder_type, due_at, status, last_error)
  select
    p_session.id, o.reminder_type, p_session.starts_at - o.lead_time,
    case when p_session.starts_at - o.lead_time <= now()
      then 'CANCELLED'::public.delivery_status else 'PENDING'::public.delivery_status end,
    case when p_session.starts_at - o.lead_time <= now() then p_late_reason end
  from (values
    ('ONE_DAY_BEFORE'::public.reminder_type, interval '24 hours'),
    ('TWO_HOURS_BEFORE'::public.reminder_type, interval '2 hours'),
    ('THIRTY_MINUTES_BEFORE'::public.reminder_type, interval '30 minutes')
  ) as o (reminder_type, lead_time)
  on conflict (session_id, reminder_type) do update
    set due_at = excluded.due_at, status = excluded.status, last_error = excluded.last_error,
        attempts = 0, sent_at = null;
end
$$;

create or replace function private.notify_session(
  p_session public.session_bookings, p_type public.notification_type, p_title text,
  p_message text, p_audience text[], p_exclude uuid default null, p_extra jsonb default '{}'::jsonb,
  p_old_starts_at timestamptz default null)
returns integer
language plpgsql set search_path = ''
as $$
begin
  insert into public.notification_events (type, session_id, actor_id, data)
  values (
    p_type, p_session.id, (select auth.uid()),
    coalesce(p_extra, '{}'::jsonb)
      || jsonb_strip_nulls(jsonb_build_object('previousStartsAt', p_old_starts_at)));
  return 1;
end
$$;
