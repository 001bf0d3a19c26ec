-- Every change a screen shows is broadcast by a trigger on the table that holds it, so
-- every writer (the family and staff RPCs, the lifecycle, a fix in SQL by hand) is heard
-- the same way, once, in its own transaction. Payloads carry ids, times, the status and
-- the names of the changed columns: never a name, a note's text or another family's data.
-- Topics and who may hear them: public.can_listen.

-- The RPCs' own broadcast is superseded by the trigger below (calling both would say it twice).
create or replace function private.broadcast_session(p_session public.session_bookings, p_event text)
returns void
language sql set search_path = ''
as $$ select $$;
comment on function private.broadcast_session(public.session_bookings, text) is
  'No longer broadcasts: private.live_session (trigger) does, for every writer. Kept because landed RPCs call it.';

create function private.live_session()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_fields text[];
  v_change text;
  v_payload jsonb;
  v_slots jsonb;
  v_topic text;
begin
  if tg_op = 'INSERT' then
    v_change := 'booked';
    v_fields := array['status', 'starts_at', 'ends_at'];
  else
    select coalesce(array_agg(n.key order by n.key), '{}') into v_fields
    from jsonb_each(to_jsonb(new)) n
    where n.key not in ('updated_at', 'seat_key')
      and n.value is distinct from to_jsonb(old) -> n.key;
    if cardinality(v_fields) = 0 then return null; end if;
    v_change := case
      when new.coach_id <> old.coach_id then 'reassigned'
      when new.status <> old.status then 'status'
      when new.starts_at <> old.starts_at or new.ends_at <> old.ends_at then 'moved'
      else 'updated'
    end;
  end if;

  v_payload := jsonb_build_object(
    'sessionId', new.id, 'change', v_change, 'fields', to_jsonb(v_fields),
    'status', new.status, 'startsAt', new.starts_at, 'endsAt', new.ends_at,
    'coachId', new.coach_id, 'studentId', new.student_id);

  for v_topic in
    select 'staff:sessions'
    union select 'coach:' || new.coach_id
    union select 'coach:' || old.coach_id where tg_op = 'UPDATE'
    union select 'user:' || new.student_id
    union select 'user:' || ps.parent_id from public.parent_students ps where ps.student_id = new.student_id
  loop
    perform realtime.send(v_payload, 'session', v_topic, true);
  end loop;

  -- The wizard's free slots: only when the busy time moved or was freed.
  if tg_op = 'INSERT' or v_fields && array['status', 'starts_at', 'ends_at', 'coach_id'] then
    v_slots := jsonb_build_object('coachId', new.coach_id, 'startsAt', new.starts_at, 'endsAt', new.ends_at);
    perform realtime.send(v_slots, 'slots', 'slots:' || new.coach_id, true);
    if tg_op = 'UPDATE' and (old.coach_id <> new.coach_id or old.starts_at <> new.starts_at) then
      perform realtime.send(
        jsonb_build_object('coachId', old.coach_id, 'startsAt', old.starts_at, 'endsAt', old.ends_at),
        'slots', 'slots:' || old.coach_id, true);
    end if;
  end if;
  return null;
end
$$;
comment on function private.live_session() is
  'Broadcasts a session''s change to staff, its coach(es), its student and their parents, and the coach''s slots topic.';

create trigger session_bookings_live after insert or update on public.session_bookings
  for each row execute function private.live_session();

create function private.live_credits()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_payload jsonb := jsonb_build_object('studentId', new.student_id, 'balance', new.balance);
  v_topic text;
begin
  if tg_op = 'UPDATE' and new.balance = old.balance then return null; end if;
  for v_topic in
    select 'staff:sessions'
    union select 'user:' || new.student_id
    union select 'user:' || ps.parent_id from public.parent_students ps where ps.student_id = new.student_id
  loop
    perform realtime.send(v_payload, 'credits', v_topic, true);
  end loop;
  return null;
end
$$;
comment on function private.live_credits() is
  'Broadcasts a student''s new balance to them, their parents and staff.';

create trigger credit_accounts_live after insert or update on public.credit_accounts
  for each row execute function private.live_credits();

-- Availability is saved a week at a time (many rows in one statement): one message per
-- coach per statement, from the transition tables.
create function private.live_availability()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_coach uuid;
begin
  for v_coach in
    select distinct coach_id from changed_rows
  loop
    perform realtime.send(jsonb_build_object('coachId', v_coach), 'availability', 'slots:' || v_coach, true);
    perform realtime.send(jsonb_build_object('coachId', v_coach), 'availability', 'coach:' || v_coach, true);
  end loop;
  return null;
end
$$;
comment on function private.live_availability() is
  'Broadcasts that a coach''s availability changed (their slots topic and their own).';

-- One function for the three statements; each names its transition table changed_rows.
create trigger coach_availability_live_insert after insert on public.coach_availability
  referencing new table as changed_rows
  for each statement execute function private.live_availability();
create trigger coach_availability_live_delete after delete on public.coach_availability
  referencing old table as changed_rows
  for each statement execute function private.live_availability();
create trigger coach_availability_live_update after update on public.coach_availability
  referencing new table as changed_rows
  for each statement execute function private.live_availability();
