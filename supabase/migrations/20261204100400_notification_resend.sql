-- =============================================================================
-- Resend a failed delivery (issue 10, part 4): staff put a FAILED delivery back
-- to PENDING with a fresh round of attempts. `resends` counts the rounds: the job
-- engines derive a new job (pg-boss job id, Inngest event id) from it, since the
-- failed round's job keeps its id.
-- =============================================================================

alter table public.session_notifications
  add column resends integer not null default 0 check (resends >= 0);
comment on column public.session_notifications.resends is
  'How many times staff resent this delivery after it failed; each resend is a new round of attempts (and a new job).';

create function public.resend_notification(p_notification_id uuid)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_staff();
  v_row public.session_notifications;
begin
  select n.* into v_row from public.session_notifications n
  where n.id = p_notification_id for update;
  if v_row.id is null then
    raise exception 'NB_NOT_FOUND: no such delivery';
  end if;
  if v_row.status <> 'FAILED' then
    raise exception 'NB_INVALID_TRANSITION: only a failed delivery can be resent (this one is %)',
      v_row.status;
  end if;
  update public.session_notifications n
  set status = 'PENDING', resends = n.resends + 1, next_attempt_at = now()
  where n.id = v_row.id
  returning * into v_row;
  insert into public.staff_actions (actor_id, action, session_id, student_id, notification_id, details)
  values (v_caller, 'RESEND_NOTIFICATION', v_row.session_id,
    (select s.student_id from public.session_bookings s where s.id = v_row.session_id), v_row.id,
    jsonb_build_object('method', v_row.method, 'resends', v_row.resends, 'lastError', v_row.last_error));
  perform realtime.send(jsonb_build_object('id', v_row.id, 'status', 'PENDING'),
    'delivery_resent', 'board', true);
  return jsonb_build_object('id', v_row.id, 'status', v_row.status, 'resends', v_row.resends,
    'method', v_row.method, 'nextAttemptAt', v_row.next_attempt_at);
end
$$;
comment on function public.resend_notification(uuid) is
  'Staff put a FAILED delivery back to PENDING for a new round of attempts; the caller schedules it on the job engine after commit (the sweep is the safety net).';
revoke execute on function public.resend_notification(uuid) from public, anon;
grant execute on function public.resend_notification(uuid) to authenticated, service_role;
