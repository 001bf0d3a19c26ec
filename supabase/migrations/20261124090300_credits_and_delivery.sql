-- =============================================================================
-- Credits (ledger + locked balance), the notification outbox, reminders,
-- push subscriptions and settings.
-- =============================================================================

-- One balance row per student, locked (update ... where balance >= n) in the
-- same transaction as each ledger insert: a CHECK on the ledger alone could
-- not keep the sum non-negative under concurrency.
create table public.credit_accounts (
  student_id uuid primary key references public.profiles (id) on delete cascade,
  balance integer not null default 0 check (balance >= 0),
  updated_at timestamptz not null default now()
);

create table public.credit_transactions (
  id bigint generated always as identity primary key,
  student_id uuid not null references public.credit_accounts (student_id) on delete cascade,
  kind public.credit_entry_kind not null,
  -- Signed: grants and refunds are positive, debits negative.
  amount integer not null check (amount <> 0),
  balance_after integer not null check (balance_after >= 0),
  session_id uuid references public.session_bookings (id) on delete set null,
  reason text check (reason is null or length(reason) <= 500),
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  constraint credit_transactions_sign_check check (
    (kind in ('GRANT', 'REFUND') and amount > 0)
    or (kind = 'DEBIT' and amount < 0)
    or kind = 'ADJUSTMENT'
  )
);
create index credit_transactions_student_idx on public.credit_transactions (student_id, created_at desc);
create index credit_transactions_session_id_idx on public.credit_transactions (session_id);
create index credit_transactions_created_by_idx on public.credit_transactions (created_by);

-- Every student gets an account at creation, so RPCs can always lock a row.
create or replace function private.open_credit_account() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.role = 'student' then
    insert into public.credit_accounts (student_id) values (new.id) on conflict do nothing;
  end if;
  return new;
end
$$;
create trigger profiles_open_credit_account after insert or update of role on public.profiles
  for each row execute function private.open_credit_account();

-- Transactional outbox: rows written in the same transaction as the change
-- they announce; a dispatcher claims PENDING rows (FOR UPDATE SKIP LOCKED),
-- sends, and records each attempt.
create table public.session_notifications (
  id uuid primary key default gen_random_uuid(),
  session_id uuid references public.session_bookings (id) on delete cascade,
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  type public.notification_type not null,
  method public.notification_method not null,
  status public.delivery_status not null default 'PENDING',
  title text not null,
  message text not null,
  payload jsonb not null default '{}'::jsonb,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  constraint session_notifications_read_check check (read_at is null or method = 'IN_APP')
);
create index session_notifications_due_idx on public.session_notifications (next_attempt_at)
  where status = 'PENDING';
create index session_notifications_recipient_idx
  on public.session_notifications (recipient_id, created_at desc);
create index session_notifications_session_id_idx on public.session_notifications (session_id);

create table public.session_reminders (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.session_bookings (id) on delete cascade,
  reminder_type public.reminder_type not null,
  due_at timestamptz not null,
  status public.delivery_status not null default 'PENDING',
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  unique (session_id, reminder_type)
);
create index session_reminders_due_idx on public.session_reminders (due_at) where status = 'PENDING';

create table public.push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  endpoint text not null unique check (endpoint ~ '^https://'),
  p256dh text not null,
  auth text not null,
  user_agent text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index push_subscriptions_user_id_idx on public.push_subscriptions (user_id);

-- Business settings read by RPCs and the slot engine (one source of truth).
create table public.app_settings (
  key text primary key check (key ~ '^[a-z_]{3,60}$'),
  value jsonb not null,
  description text
);
insert into public.app_settings (key, value, description) values
  ('min_notice_minutes', '120', 'Earliest booking: now + this many minutes'),
  ('refund_window_hours', '24', 'Full refund when cancelled at least this long before start'),
  ('booking_horizon_days', '90', 'How far ahead a session may be booked');
