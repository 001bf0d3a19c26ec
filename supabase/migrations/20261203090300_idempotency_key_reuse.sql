-- =============================================================================
-- An idempotency key names ONE request. A retry with the same key and the
-- same body still returns the first booking; the same key with a different
-- body (another slot, student, subject…) used to return the other booking
-- silently, and now fails with NB_IDEMPOTENCY_KEY_REUSED (HTTP 422).
-- book_session also debits through private.post_credits; otherwise it is the
-- function of 20261124100000_booking_rpcs.sql as it was.
-- =============================================================================

-- Raises unless the replayed booking is the one this request describes. The
-- price is not compared: it follows from type and duration.
create function private.assert_same_booking(
  p_replay jsonb,
  p_coach_id uuid,
  p_student_id uuid,
  p_subject text,
  p_starts_at timestamptz,
  p_duration_minutes integer,
  p_title text,
  p_type public.session_type,
  p_modality public.session_modality,
  p_description text
) returns void
language plpgsql immutable set search_path = ''
as $$
declare
  v_first jsonb := p_replay -> 'session';
begin
  if (v_first ->> 'coach_id')::uuid is distinct from p_coach_id
     or (v_first ->> 'student_id')::uuid is distinct from p_student_id
     or v_first ->> 'subject_code' is distinct from p_subject
     or (v_first ->> 'starts_at')::timestamptz is distinct from p_starts_at
     or (v_first ->> 'duration_minutes')::integer is distinct from p_duration_minutes
     or v_first ->> 'title' is distinct from trim(p_title)
     or v_first ->> 'type' is distinct from p_type::text
     or v_first ->> 'modality' is distinct from p_modality::text
     or v_first ->> 'description' is distinct from nullif(trim(p_description), '') then
    raise exception 'NB_IDEMPOTENCY_KEY_REUSED: this idempotency key was used for another booking';
  end if;
end
$$;
revoke all on function
  private.assert_same_booking(jsonb, uuid, uuid, text, timestamptz, integer, text,
    public.session_type, public.session_modality, text)
from public, anon, authenticated;

-- Books one session in one transaction: checks, debit, session, history,
-- notifications, reminders, live update. Returns
-- {"session": <row>, "balance": <credits left>, "replayed": false}.
-- The checks run in the order below, so each failure has one clear code.
create or replace function public.book_session(
  p_coach_id uuid,
  p_student_id uuid,
  p_subject text,
  p_starts_at timestamptz,
  p_duration_minutes integer,
  p_title text,
  p_credits integer,
  p_type public.session_type default 'INDIVIDUAL',
  p_modality public.session_modality default 'ONLINE',
  p_description text default null,
  p_idempotency_key text default null
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_caller();
  v_caller_role public.user_role := private.current_user_role();
  v_id uuid := gen_random_uuid();
  v_ends_at timestamptz;
  v_price integer;
  v_balance integer;
  v_replay jsonb;
  v_constraint text;
  v_session public.session_bookings;
begin
  -- --- Who may book for this student: themself, a linked parent, staff.
  if not exists (select 1 from public.profiles p where p.id = p_student_id and p.role = 'student') then
    raise exception 'NB_NOT_FOUND: no such student';
  end if;
  if not (v_caller = p_student_id
          or (select private.is_staff())
          or exists (select 1 from public.parent_students ps
                     where ps.parent_id = v_caller and ps.student_id = p_student_id)) then
    raise exception 'NB_FORBIDDEN: you may not book for this student';
  end if;

  -- --- A retried request returns the first result instead of booking twice.
  if p_idempotency_key is not null then
    if length(p_idempotency_key) not between 8 and 200 then
      raise exception 'NB_VALIDATION: the idempotency key must be 8 to 200 characters';
    end if;
    v_replay := private.idempotent_replay(v_caller, p_idempotency_key);
    if v_replay is not null then
      perform private.assert_same_booking(v_replay, p_coach_id, p_student_id, p_subject,
        p_starts_at, p_duration_minutes, p_title, p_type, p_modality, p_description);
      return v_replay;
    end if;
  end if;

  -- --- The coach and what they teach.
  if not exists (select 1 from public.profiles p where p.id = p_coach_id and p.role = 'coach') then
    raise exception 'NB_NOT_FOUND: no such coach';
  end if;
  if not exists (select 1 from public.coach_subjects cs
                 where cs.coach_id = p_coach_id and cs.subject_code = p_subject) then
    raise exception 'NB_COACH_NOT_QUALIFIED: this coach does not teach %', coalesce(p_subject, 'that subject');
  end if;

  -- --- The request itself.
  if p_duration_minutes is null or p_duration_minutes not between 30 and 240
     or p_duration_minutes % 30 <> 0 then
    raise exception 'NB_VALIDATION: the duration must be 30 to 240 minutes, in steps of 30';
  end if;
  if p_starts_at is null or p_credits is null or p_type is null or p_modality is null then
    raise exception 'NB_VALIDATION: start, credits, type and modality are required';
  end if;
  if p_title is null or length(trim(p_title)) not between 1 and 200 then
    raise exception 'NB_VALIDATION: the title must be 1 to 200 characters';
  end if;
  if length(p_description) > 4000 then
    raise exception 'NB_VALIDATION: the description must be at most 4000 characters';
  end if;

  -- --- When: notice, horizon, availability (busy times are the constraints' job).
  v_ends_at := p_starts_at + make_interval(mins => p_duration_minutes);
  perform private.check_start(p_coach_id, p_starts_at, v_ends_at);

  -- --- Price: the client must have shown the price we charge.
  v_price := public.session_price(p_type, p_duration_minutes);
  if p_credits <> v_price then
    raise exception 'NB_PRICE_MISMATCH: this session costs % credit(s), not %', v_price, p_credits;
  end if;

  -- --- Lock the student's balance (then the coach): concurrent bookings of
  -- one student run one at a time from here, so they cannot overspend.
  v_balance := private.lock_parties(p_student_id, p_coach_id);
  -- A concurrent twin of this request may have committed while we waited.
  if p_idempotency_key is not null then
    v_replay := private.idempotent_replay(v_caller, p_idempotency_key);
    if v_replay is not null then
      perform private.assert_same_booking(v_replay, p_coach_id, p_student_id, p_subject,
        p_starts_at, p_duration_minutes, p_title, p_type, p_modality, p_description);
      return v_replay;
    end if;
  end if;
  if v_balance < v_price then
    raise exception 'NB_INSUFFICIENT_CREDITS: this session costs % credit(s), the balance is %',
      v_price, v_balance;
  end if;

  -- --- The session. The EXCLUDE constraints, not a read-then-write check,
  -- decide whether the coach or the student is already busy.
  begin
    insert into public.session_bookings (
      id, student_id, coach_id, parent_id, booked_by, subject_code, type, modality,
      title, description, starts_at, ends_at, duration_minutes, status, credits_used,
      meeting_url, idempotency_key
    ) values (
      v_id, p_student_id, p_coach_id,
      -- The parent who answers for the student: the booking parent, else the
      -- student's first linked parent (emailed about the session).
      case when v_caller_role = 'parent' then v_caller
           else (select ps.parent_id from public.parent_students ps
                 where ps.student_id = p_student_id
                 order by ps.created_at, ps.parent_id limit 1) end,
      v_caller, p_subject, p_type, p_modality,
      trim(p_title), nullif(trim(p_description), ''), p_starts_at, v_ends_at, p_duration_minutes,
      'SCHEDULED', v_price,
      case when p_modality = 'ONLINE' then 'https://meet.jit.si/nexus-' || v_id::text end,
      p_idempotency_key
    )
    returning * into v_session;
  exception
    when exclusion_violation then
      get stacked diagnostics v_constraint = constraint_name;
      if v_constraint = 'session_bookings_student_no_overlap' then
        raise exception 'NB_STUDENT_BUSY: the student already has a session at that time';
      end if;
      raise exception 'NB_SLOT_TAKEN: this slot has just been taken';
    when unique_violation then
      get stacked diagnostics v_constraint = constraint_name;
      if v_constraint = 'session_bookings_idempotency_idx' then
        -- The same caller and key, for another student, committed first.
        v_replay := private.idempotent_replay(v_caller, p_idempotency_key);
        if v_replay is not null then
          perform private.assert_same_booking(v_replay, p_coach_id, p_student_id, p_subject,
            p_starts_at, p_duration_minutes, p_title, p_type, p_modality, p_description);
          return v_replay;
        end if;
        raise exception 'NB_CONFLICT: a booking with this idempotency key is in progress';
      end if;
      raise;
  end;

  -- --- Debit, in the same transaction as the ledger row.
  v_balance := private.post_credits(p_student_id, 'DEBIT', -v_price, v_session.id,
    'Séance réservée : ' || v_session.title, v_caller);

  insert into public.session_status_history (session_id, from_status, to_status, changed_by)
  values (v_session.id, null, 'SCHEDULED', v_caller);

  -- Parents are emailed unless they booked it themselves; the student always
  -- gets the in-app notice, even when they booked (it is their agenda).
  perform private.notify_session(
    v_session, 'SESSION_BOOKED', 'Nouvelle séance réservée',
    'Séance ' || private.session_label(v_session) || ' réservée pour le %when%.',
    array['coach', 'assistants', 'parents', 'student'],
    case when v_caller_role = 'parent' then v_caller end
  );
  perform private.schedule_reminders(v_session, 'due before booking');
  perform private.broadcast_session(v_session, 'session_booked');

  return jsonb_build_object('session', to_jsonb(v_session), 'balance', v_balance, 'replayed', false);
end
$$;
