-- =============================================================================
-- A family asks for credits; staff grant or decline (issue 10, part 4).
--
-- The family writes its request (RLS: its own students only, OPEN only); the
-- decision goes through decide_credit_request alone, because granting must post
-- to the ledger (grant_credits) in the same transaction as the status change.
-- =============================================================================

create type public.credit_request_status as enum ('OPEN', 'GRANTED', 'DECLINED');

create table public.credit_requests (
  id uuid primary key default gen_random_uuid(),
  student_id uuid not null references public.profiles (id) on delete cascade,
  requested_by uuid not null references public.profiles (id) on delete cascade,
  amount integer not null check (amount between 1 and 100),
  message text check (message is null or length(message) <= 500),
  status public.credit_request_status not null default 'OPEN',
  granted_amount integer check (granted_amount is null or granted_amount between 1 and 1000),
  transaction_id bigint references public.credit_transactions (id) on delete set null,
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz,
  decision_note text check (decision_note is null or length(decision_note) <= 500),
  created_at timestamptz not null default now(),
  constraint credit_requests_decided_check check ((status = 'OPEN') = (decided_at is null)),
  constraint credit_requests_granted_check check ((status = 'GRANTED') = (granted_amount is not null))
);
comment on table public.credit_requests is
  'A family''s request for credits for one student: OPEN until staff GRANT it (a ledger entry, same transaction) or DECLINE it.';
comment on column public.credit_requests.transaction_id is
  'The ledger entry of the grant (null when declined, or if the entry was ever deleted).';
create unique index credit_requests_one_open_idx on public.credit_requests (student_id)
  where status = 'OPEN';
comment on index public.credit_requests_one_open_idx is
  'One open request per student: asking again waits for the decision.';
create index credit_requests_student_idx on public.credit_requests (student_id, created_at desc);
create index credit_requests_requested_by_idx on public.credit_requests (requested_by);
create index credit_requests_transaction_id_idx on public.credit_requests (transaction_id);
create index credit_requests_decided_by_idx on public.credit_requests (decided_by);
create index credit_requests_open_idx on public.credit_requests (created_at) where status = 'OPEN';

alter table public.credit_requests enable row level security;
grant select on public.credit_requests to authenticated;
grant insert (student_id, requested_by, amount, message) on public.credit_requests to authenticated;
grant select, insert, update, delete on public.credit_requests to service_role;

create policy credit_requests_select on public.credit_requests for select
to authenticated
using (student_id in (select private.my_student_ids()) or (select private.is_staff()));
comment on policy credit_requests_select on public.credit_requests is
  'A student and their parents read the student''s requests; staff read every one.';

create policy credit_requests_insert on public.credit_requests for insert
to authenticated
with check (
  requested_by = (select auth.uid())
  and status = 'OPEN'
  and (((select private.current_user_role()) = 'student' and student_id = (select auth.uid()))
       or ((select private.current_user_role()) = 'parent' and student_id <> (select auth.uid())
           and student_id in (select private.my_student_ids())))
);
comment on policy credit_requests_insert on public.credit_requests is
  'A student (for themself) or a parent (for their child) opens a request; only the amount and message are theirs to write.';

-- --- Ask ---------------------------------------------------------------------------
create function public.request_credits(p_student_id uuid, p_amount integer, p_message text default null)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
  v_role public.user_role := private.current_user_role();
  v_request public.credit_requests;
begin
  if v_caller is null or v_role is null then
    raise exception 'NB_UNAUTHENTICATED: sign in first';
  end if;
  if p_amount is null or p_amount not between 1 and 100 then
    raise exception 'NB_VALIDATION: ask for 1 to 100 credits';
  end if;
  if length(p_message) > 500 then
    raise exception 'NB_VALIDATION: the message must be at most 500 characters';
  end if;
  if v_role not in ('student', 'parent') then
    raise exception 'NB_FORBIDDEN: only a family may ask for credits';
  end if;
  -- A student asks for themself, a parent for one of their children.
  if p_student_id is null
     or not ((v_role = 'student' and p_student_id = v_caller)
             or (v_role = 'parent' and p_student_id <> v_caller
                 and p_student_id in (select private.my_student_ids()))) then
    raise exception 'NB_NOT_FOUND: no such student';
  end if;
  begin
    -- As the caller: the insert policy is the rule.
    insert into public.credit_requests (student_id, requested_by, amount, message)
    values (p_student_id, v_caller, p_amount, nullif(trim(p_message), ''))
    returning * into v_request;
  exception when unique_violation then
    raise exception 'NB_CONFLICT: a request for this student is already waiting for an answer';
  end;
  return jsonb_build_object('request', to_jsonb(v_request));
end
$$;
comment on function public.request_credits(uuid, integer, text) is
  'A student or parent asks staff for credits for one student (one open request per student).';
revoke execute on function public.request_credits(uuid, integer, text) from public, anon;
grant execute on function public.request_credits(uuid, integer, text) to authenticated, service_role;

-- Staff learn of a new request on the board's topic.
create function private.announce_credit_request()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform realtime.send(
    jsonb_build_object('requestId', new.id, 'studentId', new.student_id, 'status', new.status),
    case when tg_op = 'INSERT' then 'credit_request_opened' else 'credit_request_decided' end,
    'board', true);
  return null;
end
$$;
comment on function private.announce_credit_request() is
  'Broadcasts a credit request''s opening or decision (ids and status only) on the staff board''s topic.';
revoke all on function private.announce_credit_request() from public, anon, authenticated;
create trigger credit_requests_announce after insert or update of status on public.credit_requests
  for each row execute function private.announce_credit_request();

-- --- Decide --------------------------------------------------------------------------
-- p_decision GRANT (p_amount, default the amount asked, through grant_credits) or DECLINE
-- (p_note, the reason the family reads, required).
create function public.decide_credit_request(
  p_request_id uuid, p_decision text, p_amount integer default null, p_note text default null
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_staff();
  v_request public.credit_requests;
  v_note text := nullif(trim(p_note), '');
  v_grant jsonb;
  v_amount integer;
begin
  if p_decision is null or p_decision not in ('GRANT', 'DECLINE') then
    raise exception 'NB_VALIDATION: the decision must be GRANT or DECLINE';
  end if;
  if length(v_note) > 500 then
    raise exception 'NB_VALIDATION: the note must be at most 500 characters';
  end if;
  select r.* into v_request from public.credit_requests r where r.id = p_request_id for update;
  if v_request.id is null then
    raise exception 'NB_NOT_FOUND: no such credit request';
  end if;
  if v_request.status <> 'OPEN' then
    raise exception 'NB_INVALID_TRANSITION: this request was already %', lower(v_request.status::text);
  end if;

  if p_decision = 'GRANT' then
    v_amount := coalesce(p_amount, v_request.amount);
    -- grant_credits validates the amount, posts the ledger entry and tells the family.
    v_grant := public.grant_credits(v_request.student_id, v_amount,
      coalesce(v_note, 'Demande de crédits acceptée'));
    update public.credit_requests r set status = 'GRANTED', granted_amount = v_amount,
      transaction_id = (v_grant ->> 'transactionId')::bigint,
      decided_by = v_caller, decided_at = now(), decision_note = v_note
    where r.id = v_request.id returning * into v_request;
  else
    if v_note is null or length(v_note) < 3 then
      raise exception 'NB_VALIDATION: say why the request is declined (3 to 500 characters)';
    end if;
    update public.credit_requests r set status = 'DECLINED',
      decided_by = v_caller, decided_at = now(), decision_note = v_note
    where r.id = v_request.id returning * into v_request;
    -- In the app, to whoever asked (an IN_APP delivery is delivered by being written).
    insert into public.session_notifications
      (recipient_id, type, method, status, title, message, payload, sent_at)
    values (v_request.requested_by, 'CREDIT_REQUEST_DECLINED', 'IN_APP', 'SENT',
      'Demande de crédits refusée',
      'Votre demande de ' || v_request.amount || ' crédit(s) a été refusée : ' || v_note,
      jsonb_build_object('requestId', v_request.id, 'studentId', v_request.student_id,
        'link', '/credits'),
      now());
    perform realtime.send(jsonb_build_object('requestId', v_request.id, 'status', 'DECLINED'),
      'notification', 'user:' || v_request.requested_by::text, true);
  end if;

  insert into public.staff_actions (actor_id, action, student_id, reason, details)
  values (v_caller, 'DECIDE_CREDIT_REQUEST', v_request.student_id, v_note,
    jsonb_build_object('requestId', v_request.id, 'decision', p_decision,
      'amount', v_request.granted_amount));
  return jsonb_build_object('request', to_jsonb(v_request),
    'balance', (select a.balance from public.credit_accounts a where a.student_id = v_request.student_id));
end
$$;
comment on function public.decide_credit_request(uuid, text, integer, text) is
  'Staff grant (through grant_credits, same transaction) or decline (with a note the family reads) an open credit request.';
revoke execute on function public.decide_credit_request(uuid, text, integer, text) from public, anon;
grant execute on function public.decide_credit_request(uuid, text, integer, text)
  to authenticated, service_role;
