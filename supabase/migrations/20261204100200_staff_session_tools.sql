-- =============================================================================
-- Issue-resolution tools on sessions (issue 10, part 4): book, cancel with a
-- refund decision, reschedule and reassign for a family. Each is staff-only,
-- gives a reason, and writes its history (session_status_history and
-- staff_actions) and its outbox event (private.notify_session), all in one
-- transaction. Booking, cancelling and moving reuse book_session,
-- transition_session and reschedule_session: the rules stay written once.
-- =============================================================================

-- --- Book for a family -------------------------------------------------------
create function public.staff_book_session(
  p_coach_id uuid,
  p_student_id uuid,
  p_subject text,
  p_starts_at timestamptz,
  p_duration_minutes integer,
  p_title text,
  p_credits integer,
  p_reason text,
  p_type public.session_type default 'INDIVIDUAL',
  p_modality public.session_modality default 'ONLINE',
  p_description text default null,
  p_idempotency_key text default null
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_staff();
  v_reason text := private.staff_reason(p_reason);
  v_result jsonb;
  v_session_id uuid;
begin
  -- Every rule of a booking (qualification, availability, notice, price, credits, overlaps)
  -- is book_session's, which accepts a staff caller for any student.
  v_result := public.book_session(p_coach_id, p_student_id, p_subject, p_starts_at,
    p_duration_minutes, p_title, p_credits, p_type, p_modality, p_description, p_idempotency_key);
  if (v_result ->> 'replayed')::boolean then
    return v_result;
  end if;
  v_session_id := (v_result #>> '{session,id}')::uuid;
  update public.session_status_history h
  set notes = left('booked by staff for the family: ' || v_reason, 2000)
  where h.session_id = v_session_id and h.from_status is null;
  insert into public.staff_actions (actor_id, action, session_id, student_id, reason, details)
  values (v_caller, 'BOOK', v_session_id, p_student_id, v_reason,
    jsonb_build_object('coachId', p_coach_id, 'startsAt', p_starts_at));
  return v_result;
end
$$;
comment on function public.staff_book_session(uuid, uuid, text, timestamptz, integer, text, integer,
  text, public.session_type, public.session_modality, text, text) is
  'Staff book for a family: book_session''s rules and notifications (the parents are emailed), plus a reason in the history and the staff journal.';
revoke execute on function public.staff_book_session(uuid, uuid, text, timestamptz, integer, text,
  integer, text, public.session_type, public.session_modality, text, text) from public, anon;
grant execute on function public.staff_book_session(uuid, uuid, text, timestamptz, integer, text,
  integer, text, public.session_type, public.session_modality, text, text)
  to authenticated, service_role;

-- --- Cancel with a refund decision ----------------------------------------------
-- p_refund: FULL (every credit back), NONE, or POLICY (what the refund window gives).
create function public.staff_cancel_session(p_session_id uuid, p_refund text, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_staff();
  v_reason text := private.staff_reason(p_reason);
  v_result jsonb;
begin
  if p_refund is null or p_refund not in ('FULL', 'NONE', 'POLICY') then
    raise exception 'NB_VALIDATION: the refund must be FULL, NONE or POLICY';
  end if;
  -- transition_session records the history (the reason as its notes), refunds, cancels
  -- the reminders and writes the SESSION_CANCELLED event with the credits refunded.
  v_result := public.transition_session(p_session_id, 'CANCELLED', v_reason,
    case p_refund when 'FULL' then true when 'NONE' then false end);
  insert into public.staff_actions (actor_id, action, session_id, student_id, reason, details)
  values (v_caller, 'CANCEL', p_session_id, (v_result #>> '{session,student_id}')::uuid, v_reason,
    jsonb_build_object('refund', p_refund, 'refunded', v_result -> 'refunded'));
  return v_result;
end
$$;
comment on function public.staff_cancel_session(uuid, text, text) is
  'Staff cancel a session with a reason, refunding FULL, NONE or by the POLICY (transition_session does the rest).';
revoke execute on function public.staff_cancel_session(uuid, text, text) from public, anon;
grant execute on function public.staff_cancel_session(uuid, text, text) to authenticated, service_role;

-- --- Reschedule for a family -------------------------------------------------------
create function public.staff_reschedule_session(
  p_session_id uuid, p_new_starts_at timestamptz, p_reason text
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_staff();
  v_reason text := private.staff_reason(p_reason);
  v_before timestamptz;
  v_result jsonb;
begin
  select s.starts_at into v_before from public.session_bookings s where s.id = p_session_id;
  -- reschedule_session checks the new start (availability, notice, grid, overlaps), moves
  -- the reminders, records the history and writes the SESSION_RESCHEDULED event; staff
  -- are not bound by the 24-hour limit families have.
  v_result := public.reschedule_session(p_session_id, p_new_starts_at, v_reason);
  insert into public.staff_actions (actor_id, action, session_id, student_id, reason, details)
  values (v_caller, 'RESCHEDULE', p_session_id, (v_result #>> '{session,student_id}')::uuid,
    v_reason, jsonb_build_object('previousStartsAt', v_before, 'startsAt', p_new_starts_at));
  return v_result;
end
$$;
comment on function public.staff_reschedule_session(uuid, timestamptz, text) is
  'Staff move a session for a family, with a reason (reschedule_session''s rules, without the families'' 24-hour limit).';
revoke execute on function public.staff_reschedule_session(uuid, timestamptz, text) from public, anon;
grant execute on function public.staff_reschedule_session(uuid, timestamptz, text)
  to authenticated, service_role;

-- --- Reassign to another coach ------------------------------------------------------
-- Free: inside the coach's availability (private.is_slot_available, as book_session) and
-- no live session of theirs overlapping, not even a group seat (the exclusion constraint
-- lets a coach's own group seats share a slot, which must not let a reassigned group in).
create function private.coach_is_free(p_coach_id uuid, p_starts_at timestamptz, p_ends_at timestamptz)
returns boolean
language sql stable set search_path = ''
as $$
  select private.is_slot_available(p_coach_id, p_starts_at, p_ends_at)
    and not exists (
      select 1 from public.session_bookings b
      where b.coach_id = p_coach_id and b.status <> 'CANCELLED'
        and tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(p_starts_at, p_ends_at, '[)'))
$$;
comment on function private.coach_is_free(uuid, timestamptz, timestamptz) is
  'True when the coach is available over the interval (their rules) and has no live session overlapping it.';
revoke all on function private.coach_is_free(uuid, timestamptz, timestamptz)
  from public, anon, authenticated;

create function public.reassign_candidates(p_session_id uuid)
returns table (coach_id uuid, first_name text, last_name text, time_zone text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_session public.session_bookings;
begin
  perform private.require_staff();
  select s.* into v_session from public.session_bookings s where s.id = p_session_id;
  if v_session.id is null then
    raise exception 'NB_NOT_FOUND: no such session';
  end if;
  return query
    select p.id, p.first_name, p.last_name, p.time_zone
    from public.profiles p
    where p.role = 'coach' and p.id <> v_session.coach_id
      and exists (select 1 from public.coach_subjects cs
                  where cs.coach_id = p.id and cs.subject_code = v_session.subject_code)
      and private.coach_is_free(p.id, v_session.starts_at, v_session.ends_at)
    order by p.last_name, p.first_name, p.id;
end
$$;
comment on function public.reassign_candidates(uuid) is
  'Staff: the other coaches qualified for the session''s subject and free at its time (availability, no overlapping session).';
revoke execute on function public.reassign_candidates(uuid) from public, anon;
grant execute on function public.reassign_candidates(uuid) to authenticated, service_role;

-- Moves a session (every live seat of a group) to p_coach_id, back to SCHEDULED for the
-- new coach to confirm; the time, the price and the reminders stay.
create function public.reassign_session(p_session_id uuid, p_coach_id uuid, p_reason text)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_staff();
  v_reason text := private.staff_reason(p_reason);
  v_session public.session_bookings;
  v_seat public.session_bookings;
  v_old_coach uuid;
  v_from public.session_status;
  v_names text;
  v_count integer := 0;
begin
  select s.* into v_session from public.session_bookings s where s.id = p_session_id for update;
  if v_session.id is null then
    raise exception 'NB_NOT_FOUND: no such session';
  end if;
  if v_session.status not in ('SCHEDULED', 'CONFIRMED') then
    raise exception 'NB_INVALID_TRANSITION: a % session cannot be reassigned', v_session.status;
  end if;
  if v_session.starts_at <= now() then
    raise exception 'NB_TOO_LATE: a session can be reassigned until it starts';
  end if;
  if p_coach_id is null or p_coach_id = v_session.coach_id then
    raise exception 'NB_VALIDATION: choose another coach';
  end if;
  if not exists (select 1 from public.profiles p where p.id = p_coach_id and p.role = 'coach') then
    raise exception 'NB_NOT_FOUND: no such coach';
  end if;
  if not exists (select 1 from public.coach_subjects cs
                 where cs.coach_id = p_coach_id and cs.subject_code = v_session.subject_code) then
    raise exception 'NB_COACH_NOT_QUALIFIED: this coach does not teach %', v_session.subject_code;
  end if;
  -- The new coach's bookings wait from here (the lock book_session takes).
  perform private.lock_parties(v_session.student_id, p_coach_id);
  if not private.is_slot_available(p_coach_id, v_session.starts_at, v_session.ends_at) then
    raise exception 'NB_OUTSIDE_AVAILABILITY: the coach is not available at that time';
  end if;
  if not private.coach_is_free(p_coach_id, v_session.starts_at, v_session.ends_at) then
    raise exception 'NB_SLOT_TAKEN: the coach already has a session at that time';
  end if;

  v_old_coach := v_session.coach_id;
  select old.first_name || ' ' || old.last_name || ' → ' || new.first_name || ' ' || new.last_name
  into v_names
  from public.profiles old, public.profiles new
  where old.id = v_old_coach and new.id = p_coach_id;

  -- A group's seats share the coach: all of them move (ordered, so two reassigns lock alike).
  for v_seat in
    select s.* from public.session_bookings s
    where s.id = v_session.id
       or (v_session.type = 'GROUP' and s.coach_id = v_old_coach and s.seat_key = v_session.seat_key
           and s.status in ('SCHEDULED', 'CONFIRMED'))
    order by s.id
    for update
  loop
    v_from := v_seat.status;
    begin
      update public.session_bookings s set
        coach_id = p_coach_id,
        status = 'SCHEDULED',
        confirmed_at = null,
        meeting_url = case when s.type = 'GROUP' and s.modality = 'ONLINE'
          then 'https://meet.jit.si/nexus-group-' || md5(p_coach_id::text || s.seat_key)
          else s.meeting_url end
      where s.id = v_seat.id
      returning * into v_seat;
    exception when exclusion_violation then
      raise exception 'NB_SLOT_TAKEN: the coach already has a session at that time';
    end;
    insert into public.session_status_history (session_id, from_status, to_status, changed_by, notes)
    values (v_seat.id, v_from, 'SCHEDULED', v_caller,
      left('reassigned ' || v_names || ': ' || v_reason, 2000));
    insert into public.staff_actions (actor_id, action, session_id, student_id, reason, details)
    values (v_caller, 'REASSIGN', v_seat.id, v_seat.student_id, v_reason,
      jsonb_build_object('previousCoachId', v_old_coach, 'coachId', p_coach_id));
    perform private.notify_session(
      v_seat, 'SESSION_REASSIGNED', 'Changement de coach',
      'La séance ' || private.session_label(v_seat) || ' du %when% aura lieu avec un autre coach.',
      array['coach', 'student', 'parents', 'assistants'], v_caller,
      jsonb_build_object('previousCoachId', v_old_coach));
    perform private.broadcast_session(v_seat, 'session_updated');
    perform realtime.send(jsonb_build_object('sessionId', v_seat.id, 'coachId', p_coach_id),
      'session_reassigned', 'coach:' || v_old_coach::text, true);
    v_count := v_count + 1;
    if v_seat.id = v_session.id then
      v_session := v_seat;
    end if;
  end loop;

  return jsonb_build_object('session', to_jsonb(v_session), 'seats', v_count,
    'previousCoachId', v_old_coach);
end
$$;
comment on function public.reassign_session(uuid, uuid, text) is
  'Staff hand a future session (a group''s every live seat) to another coach qualified and free then; back to SCHEDULED, same time, price and reminders.';
revoke execute on function public.reassign_session(uuid, uuid, text) from public, anon;
grant execute on function public.reassign_session(uuid, uuid, text) to authenticated, service_role;
