-- =============================================================================
-- Group sessions: the first seat pays the individual price.
--
-- A lone GROUP booking bought a private session at half price (a seat costs one credit per
-- started 2 h, an individual session one per started hour). The rule now: a group's first seat
-- pays the individual price — alone, it is a private session — and every seat taken while
-- another seat of the same group is live pays the group price. Prices are never changed after
-- the booking (no debit without the family's consent, no refund that a later cancellation
-- could turn into a loophole).
--
-- Enforced twice, in the order a request meets them: book_session asks for the seat price
-- under the coach's lock, and the seat-key trigger refuses any live group seat that would be
-- alone without having paid the individual price — which also covers moving a group seat to a
-- time where no group runs (reschedule_session keeps the credits).
-- =============================================================================

-- --- What a group seat occupies on the coach's calendar, in one place (was inline in
-- private.assign_seat_key).
create function private.group_seat_key(
  p_subject text, p_modality public.session_modality, p_starts_at timestamptz, p_ends_at timestamptz
) returns text
language sql immutable set search_path = ''
as $$
  select concat_ws('|', 'G', p_subject, p_modality,
    extract(epoch from p_starts_at)::bigint, extract(epoch from p_ends_at)::bigint)
$$;
comment on function private.group_seat_key(text, public.session_modality, timestamptz, timestamptz) is
  'The seat_key shared by the seats of one group: subject, modality, exact start and end.';

-- --- Live seats of the group at that coach, subject, modality and time (excluding one booking).
create function private.group_seats_taken(
  p_coach_id uuid, p_subject text, p_modality public.session_modality,
  p_starts_at timestamptz, p_ends_at timestamptz, p_except uuid default null
) returns integer
language sql stable set search_path = ''
as $$
  select count(*)::integer
  from public.session_bookings b
  where b.coach_id = p_coach_id
    and b.seat_key = private.group_seat_key(p_subject, p_modality, p_starts_at, p_ends_at)
    and b.status <> 'CANCELLED'
    and b.id is distinct from p_except
$$;
comment on function private.group_seats_taken(uuid, text, public.session_modality, timestamptz, timestamptz, uuid) is
  'Live seats already taken in one group session (p_except: the booking being written).';

-- --- The price of one booking given the group seats already taken (0 for an individual one).
create function public.seat_price(
  p_type public.session_type, p_duration_minutes integer, p_seats_taken integer
) returns integer
language sql immutable security definer set search_path = ''
as $$
  select public.session_price(
    case when p_type = 'GROUP' and coalesce(p_seats_taken, 0) = 0
         then 'INDIVIDUAL'::public.session_type else p_type end,
    p_duration_minutes)
$$;
comment on function public.seat_price(public.session_type, integer, integer) is
  'Credits one booking costs: session_price, except that a group''s first seat (no other live seat) pays the individual price. Mirrored by seatPrice in features/booking/pricing.ts.';
revoke execute on function public.seat_price(public.session_type, integer, integer) from public;
grant execute on function public.seat_price(public.session_type, integer, integer)
  to authenticated, service_role;

-- --- The seat-key trigger, now also the guard of the first-seat price.
create or replace function private.assign_seat_key() returns trigger
language plpgsql set search_path = ''
as $$
declare
  v_taken integer;
  v_capacity integer;
  v_alone_price integer;
begin
  if new.type <> 'GROUP' then
    new.seat_key := new.id::text;
    return new;
  end if;
  new.seat_key := private.group_seat_key(new.subject_code, new.modality, new.starts_at, new.ends_at);
  if new.modality = 'ONLINE' then
    new.meeting_url := 'https://meet.jit.si/nexus-group-' || md5(new.coach_id::text || new.seat_key);
  end if;
  if new.status <> 'CANCELLED' then
    v_capacity := coalesce(
      (select (s.value #>> '{}')::integer from public.app_settings s where s.key = 'group_capacity'), 6);
    v_taken := private.group_seats_taken(new.coach_id, new.subject_code, new.modality,
      new.starts_at, new.ends_at, new.id);
    if v_taken >= v_capacity then
      raise exception 'NB_SLOT_TAKEN: this group session is full (% seats)', v_capacity;
    end if;
    v_alone_price := public.seat_price('GROUP', new.duration_minutes, 0);
    if v_taken = 0 and new.credits_used < v_alone_price then
      raise exception 'NB_PRICE_MISMATCH: alone, a group seat costs the individual price: % credit(s), not %',
        v_alone_price, new.credits_used;
    end if;
  end if;
  return new;
end
$$;

-- --- book_session: as in 20261203090300_idempotency_key_reuse.sql, but the price is the seat
-- price, read after the coach's lock.
create or replace function public.book_session(p_coach_id uuid, p_student_id uuid, p_subject text, p_starts_at timestamp with time zone, p_duration_minutes integer, p_title text, p_credits integer, p_type public.session_type DEFAULT 'INDIVIDUAL'::public.session_type, p_modality public.session_modality DEFAULT 'ONLINE'::public.session_modality, p_description text DEFAULT NULL::text, p_idempotency_key text DEFAULT NULL::text)
 RETURNS jsonb
language plpgsql security definer set search_path = ''
as $function$
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
  -- --- Price: the client must have shown the price we charge. Read under the coach's lock, so
  -- the count of a group's seats cannot change before the insert: a group's first seat pays the
  -- individual price (alone, it is a private session), every later seat the group price.
  v_price := public.seat_price(p_type, p_duration_minutes,
    private.group_seats_taken(p_coach_id, p_subject, p_modality, p_starts_at, v_ends_at));
  if p_credits <> v_price then
    raise exception 'NB_PRICE_MISMATCH: this session costs % credit(s), not %', v_price, p_credits;
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
$function$;
