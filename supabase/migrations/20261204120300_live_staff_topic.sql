-- The staff tools' broadcasts on the live layer's topics (public.can_listen): a credit
-- request opened or decided reaches staff and the family it concerns; a delivery entering or
-- leaving FAILED (a last failure, a resend) reaches staff. The tools' own sends to the old
-- 'board' topic, which nobody may listen to, stay as harmless rows.

create or replace function private.announce_credit_request()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_topic text;
begin
  for v_topic in
    select 'staff:sessions'
    union select 'user:' || new.student_id
    union select 'user:' || ps.parent_id from public.parent_students ps where ps.student_id = new.student_id
  loop
    perform realtime.send(
      jsonb_build_object('requestId', new.id, 'studentId', new.student_id, 'status', new.status),
      case when tg_op = 'INSERT' then 'credit_request_opened' else 'credit_request_decided' end,
      v_topic, true);
  end loop;
  return null;
end
$$;
comment on function private.announce_credit_request() is
  'Broadcasts a credit request''s opening or decision (ids and status only) to staff and the student''s family.';

create function private.live_delivery()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform realtime.send(
    jsonb_build_object('sessionId', new.session_id, 'deliveryId', new.id, 'status', new.status,
      'change', 'delivery', 'fields', jsonb_build_array('status')),
    'delivery', 'staff:sessions', true);
  return null;
end
$$;
comment on function private.live_delivery() is
  'Tells staff a delivery failed for good or was put back for another round (ids and status only).';
revoke all on function private.live_delivery() from public, anon, authenticated;

create trigger session_notifications_live after update of status on public.session_notifications
  for each row
  when (old.status is distinct from new.status and (old.status = 'FAILED' or new.status = 'FAILED'))
  execute function private.live_delivery();
