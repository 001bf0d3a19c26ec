-- =============================================================================
-- The credit ledger: one helper writes every entry, and entries have a
-- reading order.
--
-- Each RPC used to restate "update the balance, then insert the ledger row
-- with balance_after". private.post_credits does it once. Its callers hold
-- the student's account lock (private.lock_parties) first, so entries of one
-- student are numbered (credit_transactions.id, an identity) in the order
-- their balances were computed: ordering by id reads balance_after as a
-- running balance, whereas created_at (the transaction's start) does not
-- under concurrency (1, 3, 2, 4, 0 was seen).
-- =============================================================================

comment on column public.credit_transactions.id is
  'Monotonic per student (taken under the account lock): the ledger''s reading order.';
comment on column public.credit_transactions.created_at is
  'When the writing transaction started; not an order (concurrent entries interleave).';
comment on column public.credit_transactions.balance_after is
  'The balance right after this entry; in id order, each equals the previous plus amount.';

create index credit_transactions_student_order_idx
  on public.credit_transactions (student_id, id desc);

-- Adds p_amount (signed) to the student's balance and records the entry.
-- Returns the new balance; NB_INSUFFICIENT_CREDITS rather than a negative one.
create function private.post_credits(
  p_student_id uuid,
  p_kind public.credit_entry_kind,
  p_amount integer,
  p_session_id uuid,
  p_reason text,
  p_by uuid
) returns integer
language plpgsql set search_path = ''
as $$
declare
  v_balance integer;
begin
  update public.credit_accounts a
  set balance = a.balance + p_amount, updated_at = now()
  where a.student_id = p_student_id and a.balance + p_amount >= 0
  returning a.balance into v_balance;
  if v_balance is null then
    raise exception 'NB_INSUFFICIENT_CREDITS: not enough credits for this change';
  end if;
  insert into public.credit_transactions
    (student_id, kind, amount, balance_after, session_id, reason, created_by)
  values (p_student_id, p_kind, p_amount, v_balance, p_session_id, left(p_reason, 500), p_by);
  return v_balance;
end
$$;
revoke all on function
  private.post_credits(uuid, public.credit_entry_kind, integer, uuid, text, uuid)
from public, anon, authenticated;
