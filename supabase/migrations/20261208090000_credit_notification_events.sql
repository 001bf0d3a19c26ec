-- =============================================================================
-- Credits granted and credit requests declined become outbox facts, like every
-- session event: grant_credits and decide_credit_request wrote their own
-- deliveries, in French whatever the reader's language (« crédit(s) »), to fixed
-- channels, ignoring each person's email switch. They now write one
-- public.notification_events row (session_id null, data: the facts the words
-- need); the notifications feature routes it and words it per recipient.
-- =============================================================================

comment on column public.notification_events.data is
  'Facts the texts need that the rows no longer hold: previousStartsAt, refunded (sessions); studentId, amount, balance, transactionId (CREDITS_GRANTED); studentId, requestId, requestedBy, amount, note (CREDIT_REQUEST_DECLINED).';

create or replace function public.grant_credits(p_student_id uuid, p_amount integer, p_reason text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := private.require_caller();
  v_balance integer;
  v_transaction_id bigint;
begin
  if not (select private.is_staff()) then
    raise exception 'NB_FORBIDDEN: only staff may grant credits';
  end if;
  if p_amount is null or p_amount not between 1 and 1000 then
    raise exception 'NB_VALIDATION: the amount must be 1 to 1000 credits';
  end if;
  if p_reason is null or length(trim(p_reason)) not between 3 and 500 then
    raise exception 'NB_VALIDATION: the reason must be 3 to 500 characters';
  end if;
  if not exists (select 1 from public.profiles p where p.id = p_student_id and p.role = 'student') then
    raise exception 'NB_NOT_FOUND: no such student';
  end if;

  update public.credit_accounts a
  set balance = a.balance + p_amount, updated_at = now()
  where a.student_id = p_student_id
  returning a.balance into v_balance;
  insert into public.credit_transactions (student_id, kind, amount, balance_after, reason, created_by)
  values (p_student_id, 'GRANT', p_amount, v_balance, trim(p_reason), v_caller)
  returning id into v_transaction_id;

  -- The student and their parents are told, as the notifications feature decides.
  insert into public.notification_events (type, actor_id, data)
  values ('CREDITS_GRANTED', v_caller,
    jsonb_build_object('studentId', p_student_id, 'amount', p_amount, 'balance', v_balance,
                       'transactionId', v_transaction_id));

  return jsonb_build_object('balance', v_balance, 'transactionId', v_transaction_id);
end
$$;
comment on function public.grant_credits(uuid, integer, text) is
  'Staff add credits to a student: balance, a GRANT ledger entry and a CREDITS_GRANTED outbox event, in one transaction.';
revoke execute on function public.grant_credits(uuid, integer, text) from public, anon;
grant execute on function public.grant_credits(uuid, integer, text) to authenticated, service_role;

create or replace function public.decide_credit_request(
  p_request_id uuid, p_decision text, p_amount integer default null, p_note text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
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
    -- Whoever asked is told, with the note, in their language.
    insert into public.notification_events (type, actor_id, data)
    values ('CREDIT_REQUEST_DECLINED', v_caller,
      jsonb_build_object('studentId', v_request.student_id, 'requestId', v_request.id,
                         'requestedBy', v_request.requested_by, 'amount', v_request.amount,
                         'note', v_note));
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
  'Staff grant (through grant_credits, same transaction) or decline (with a note the asker reads) an open credit request; the decline is a CREDIT_REQUEST_DECLINED outbox event.';
revoke execute on function public.decide_credit_request(uuid, text, integer, text) from public, anon;
grant execute on function public.decide_credit_request(uuid, text, integer, text)
  to authenticated, service_role;
