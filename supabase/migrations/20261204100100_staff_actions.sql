-- =============================================================================
-- The staff's journal: one row per issue-resolution action (who, what, on what,
-- why), written by the staff RPCs in the same transaction as the action. Session
-- changes are also in session_status_history and credit changes in the ledger;
-- this is the one place that says a member of staff acted for a family.
-- =============================================================================

create table public.staff_actions (
  id bigint generated always as identity primary key,
  actor_id uuid not null references public.profiles (id) on delete cascade,
  action text not null check (action in (
    'BOOK', 'CANCEL', 'RESCHEDULE', 'REASSIGN', 'DECIDE_CREDIT_REQUEST', 'RESEND_NOTIFICATION'
  )),
  session_id uuid references public.session_bookings (id) on delete cascade,
  student_id uuid references public.profiles (id) on delete cascade,
  notification_id uuid references public.session_notifications (id) on delete cascade,
  reason text check (reason is null or length(reason) <= 1000),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
comment on table public.staff_actions is
  'Journal of the staff''s issue-resolution actions (book, cancel, reschedule, reassign for a family, decide a credit request, resend a delivery); written only by the staff RPCs.';
comment on column public.staff_actions.details is
  'Facts of the action: the refund decided, the previous coach or start, the amount granted.';
create index staff_actions_actor_id_idx on public.staff_actions (actor_id, created_at desc);
create index staff_actions_session_id_idx on public.staff_actions (session_id);
create index staff_actions_student_id_idx on public.staff_actions (student_id);
create index staff_actions_notification_id_idx on public.staff_actions (notification_id);

alter table public.staff_actions enable row level security;
grant select on public.staff_actions to authenticated;
grant select, insert, update, delete on public.staff_actions to service_role;
create policy staff_actions_select on public.staff_actions for select
to authenticated using ((select private.is_staff()));
comment on policy staff_actions_select on public.staff_actions is
  'Staff read the journal; families and coaches none. Nobody writes it but the staff RPCs.';

-- The caller, when they are staff; NB_FORBIDDEN otherwise (NB_UNAUTHENTICATED signed out).
create function private.require_staff()
returns uuid
language plpgsql stable set search_path = ''
as $$
declare
  v_caller uuid := private.require_caller();
begin
  if not (select private.is_staff()) then
    raise exception 'NB_FORBIDDEN: only staff may do this';
  end if;
  return v_caller;
end
$$;
comment on function private.require_staff() is
  'The signed-in caller''s id when they are an assistant or an admin; raises NB_FORBIDDEN for anyone else.';
revoke all on function private.require_staff() from public, anon, authenticated;

-- A staff reason: 3 to 1000 characters, trimmed.
create function private.staff_reason(p_reason text)
returns text
language plpgsql immutable set search_path = ''
as $$
begin
  if p_reason is null or length(trim(p_reason)) not between 3 and 1000 then
    raise exception 'NB_VALIDATION: the reason must be 3 to 1000 characters';
  end if;
  return trim(p_reason);
end
$$;
comment on function private.staff_reason(text) is
  'Validates and trims the reason every staff action on a family''s behalf must give.';
revoke all on function private.staff_reason(text) from public, anon, authenticated;
