-- =============================================================================
-- The lifecycle's timing rules, all in transition_session:
--   * a session may be cancelled until it starts; after that only staff may
--     (a coach cancelled three hours after the end, and the family was
--     refunded in full);
--   * COMPLETED only once the session has started (it was accepted before);
--   * IN_PROGRESS from start_early_minutes before the start (app_settings,
--     was a literal 15).
-- The refund goes through private.post_credits; everything else is the
-- function of 20261124100000_booking_rpcs.sql as it was.
-- =============================================================================

-- Allowed moves and who may make them:
--   SCHEDULED → CONFIRMED                    coach, staff
--   CONFIRMED → IN_PROGRESS                  coach, staff; from start_early_minutes before the start
--   IN_PROGRESS → COMPLETED                  coach, staff; not before the start
--   SCHEDULED | CONFIRMED → CANCELLED        student, linked parent, coach: before the start; staff: any time
--   SCHEDULED | CONFIRMED | IN_PROGRESS → NO_SHOW   coach, staff; after the start
-- Anything else (same status included) is NB_INVALID_TRANSITION. A
-- cancellation refunds by policy (private.policy_refund); only staff may
-- force it with p_refund (true = full, false = none).
create or replace function public.transition_session(
  p_session_id uuid,
  p_to public.session_status,
  p_notes text default null,
  p_refund boolean default null
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_caller();
  v_session public.session_bookings;
  v_from public.session_status;
  v_relation text;
  v_refund integer := 0;
  v_balance integer;
begin
  v_session := private.lock_visible_session(p_session_id, v_caller);
  v_relation := private.session_relation(v_session, v_caller);
  v_from := v_session.status;

  if p_to is null then
    raise exception 'NB_VALIDATION: a target status is required';
  end if;
  if length(p_notes) > 1000 then
    raise exception 'NB_VALIDATION: notes must be at most 1000 characters';
  end if;
  if p_refund is not null and p_to <> 'CANCELLED' then
    raise exception 'NB_VALIDATION: a refund decision only applies to a cancellation';
  end if;

  if not ((v_from = 'SCHEDULED' and p_to = 'CONFIRMED')
          or (v_from = 'CONFIRMED' and p_to = 'IN_PROGRESS')
          or (v_from = 'IN_PROGRESS' and p_to = 'COMPLETED')
          or (v_from in ('SCHEDULED', 'CONFIRMED') and p_to = 'CANCELLED')
          or (v_from in ('SCHEDULED', 'CONFIRMED', 'IN_PROGRESS') and p_to = 'NO_SHOW')) then
    raise exception 'NB_INVALID_TRANSITION: a % session cannot become %', v_from, p_to;
  end if;

  if p_to = 'CANCELLED' then
    if p_refund is not null and v_relation <> 'staff' then
      raise exception 'NB_FORBIDDEN: only staff may decide the refund';
    end if;
  elsif v_relation not in ('coach', 'staff') then
    raise exception 'NB_FORBIDDEN: only the coach or staff may mark a session %', p_to;
  end if;

  if p_to = 'IN_PROGRESS' and now() < v_session.starts_at
       - make_interval(mins => private.setting_int('start_early_minutes', null)) then
    raise exception 'NB_INVALID_TRANSITION: a session can start at most % minutes before its time',
      private.setting_int('start_early_minutes', null);
  end if;
  if p_to = 'COMPLETED' and now() < v_session.starts_at then
    raise exception 'NB_INVALID_TRANSITION: a session cannot be completed before its start';
  end if;
  -- Once a session has started, only staff may still cancel it (to put a
  -- mistake right, deciding the refund); a family or coach records what
  -- happened instead (completed, or a no-show).
  if p_to = 'CANCELLED' and now() >= v_session.starts_at and v_relation <> 'staff' then
    raise exception 'NB_TOO_LATE: a session can no longer be cancelled once it has started';
  end if;
  if p_to = 'NO_SHOW' and now() < v_session.starts_at then
    raise exception 'NB_INVALID_TRANSITION: a no-show can only be recorded once the session has started';
  end if;

  perform private.lock_parties(v_session.student_id, v_session.coach_id);

  if p_to = 'CANCELLED' then
    v_refund := case
      when p_refund is null then private.policy_refund(v_session, v_relation)
      when p_refund then v_session.credits_used
      else 0
    end;
  end if;

  update public.session_bookings s set
    status = p_to,
    confirmed_at = case when p_to = 'CONFIRMED' then now() else s.confirmed_at end,
    started_at = case when p_to = 'IN_PROGRESS' then now() else s.started_at end,
    completed_at = case when p_to = 'COMPLETED' then now() else s.completed_at end,
    cancelled_at = case when p_to = 'CANCELLED' then now() else s.cancelled_at end,
    cancelled_by = case when p_to = 'CANCELLED' then v_caller else s.cancelled_by end,
    cancellation_reason = case when p_to = 'CANCELLED' then nullif(trim(p_notes), '')
                               else s.cancellation_reason end,
    -- The coach's closing words double as their session notes.
    coach_notes = case when p_to = 'COMPLETED' and v_relation = 'coach' and nullif(trim(p_notes), '') is not null
                       then p_notes else s.coach_notes end
  where s.id = v_session.id
  returning * into v_session;

  if v_refund > 0 then
    v_balance := private.post_credits(v_session.student_id, 'REFUND', v_refund, v_session.id,
      'Annulation : ' || v_session.title, v_caller);
  end if;

  -- A session that will not take place needs no reminder.
  if p_to in ('CANCELLED', 'NO_SHOW') then
    update public.session_reminders r
    set status = 'CANCELLED', last_error = 'session ' || lower(p_to::text)
    where r.session_id = v_session.id and r.status = 'PENDING';
  end if;

  insert into public.session_status_history (session_id, from_status, to_status, changed_by, notes)
  values (v_session.id, v_from, p_to, v_caller, nullif(trim(p_notes), ''));

  case p_to
    when 'CONFIRMED' then
      perform private.notify_session(
        v_session, 'SESSION_CONFIRMED', 'Séance confirmée',
        'Le coach a confirmé la séance ' || private.session_label(v_session) || ' du %when%.',
        array['student', 'parents'], v_caller);
    when 'COMPLETED' then
      perform private.notify_session(
        v_session, 'FEEDBACK_REQUESTED', 'Votre avis sur la séance',
        'La séance ' || private.session_label(v_session) || ' du %when% est terminée : notez-la en quelques secondes.',
        array['student', 'parents'], v_caller);
    when 'CANCELLED' then
      perform private.notify_session(
        v_session, 'SESSION_CANCELLED', 'Séance annulée',
        'La séance ' || private.session_label(v_session) || ' du %when% est annulée.'
          || case when v_refund > 0 then ' ' || v_refund || ' crédit(s) remboursé(s).' else '' end,
        array['coach', 'student', 'parents', 'assistants'], v_caller,
        jsonb_build_object('refunded', v_refund));
    when 'NO_SHOW' then
      -- Not in the original brief: families should learn that a session
      -- counted as missed (and was not refunded).
      perform private.notify_session(
        v_session, 'SESSION_NO_SHOW', 'Séance non honorée',
        'La séance ' || private.session_label(v_session) || ' du %when% a été marquée comme non honorée.',
        array['student', 'parents'], v_caller);
    else
      null;
  end case;
  perform private.broadcast_session(v_session, 'session_updated');

  return jsonb_build_object('session', to_jsonb(v_session), 'refunded', v_refund);
end
$$;
