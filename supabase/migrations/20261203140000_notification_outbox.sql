-- =============================================================================
-- Notifications: facts in the transaction, decisions in TypeScript.
--
-- The booking and lifecycle RPCs keep calling private.notify_session, which now writes
-- only what happened (one row in public.notification_events, the transactional outbox) in
-- the caller's transaction. Who is told, on which channel, in which language and zone is
-- decided by the `notifications` feature, which turns each event into deliveries (rows of
-- public.session_notifications: one per notification × recipient × channel), and a job
-- engine (pg-boss locally, Inngest in production) sends them, attempt by attempt.
-- =============================================================================

create table public.notification_events (
  id bigint generated always as identity primary key,
  type public.notification_type not null,
  session_id uuid references public.session_bookings (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  data jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null default now(),
  dispatched_at timestamptz
);
create index notification_events_pending_idx on public.notification_events (id)
  where dispatched_at is null;
create index notification_events_session_id_idx on public.notification_events (session_id);
create index notification_events_actor_id_idx on public.notification_events (actor_id);
comment on table public.notification_events is
  'Transactional outbox: what happened to a session, written by the RPC that made it happen. The notifications feature expands each row into deliveries once (dispatched_at).';
comment on column public.notification_events.actor_id is
  'Who made it happen (auth.uid() of the RPC caller): not told of their own action, but for the student''s own agenda.';
comment on column public.notification_events.data is
  'Facts the texts need that the session row no longer holds: previousStartsAt, refunded.';
comment on column public.notification_events.dispatched_at is
  'When the event was expanded into deliveries; null while waiting for the dispatcher.';

-- Servers LISTEN on nexus_outbox to dispatch at once; a periodic sweep catches the rest.
create function private.announce_notification_events()
returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform pg_notify('nexus_outbox', '');
  return null;
end
$$;
create trigger notification_events_announce after insert on public.notification_events
  for each statement execute function private.announce_notification_events();

-- Deliveries: the existing notification rows gain where they came from and a stable key.
alter table public.session_notifications
  add column event_id bigint references public.notification_events (id) on delete cascade,
  add column reminder_id uuid references public.session_reminders (id) on delete cascade,
  add column delivery_key text unique,
  add column locale text check (locale in ('fr', 'en')),
  add column provider_id text;
create index session_notifications_event_id_idx on public.session_notifications (event_id);
create index session_notifications_reminder_id_idx on public.session_notifications (reminder_id);
create index session_notifications_failed_idx on public.session_notifications (created_at desc)
  where status = 'FAILED';
comment on column public.session_notifications.delivery_key is
  'Stable key of the delivery (event or reminder mark × recipient × channel): written once, handed to providers that accept idempotency keys.';
comment on column public.session_notifications.provider_id is
  'The provider''s id of the accepted message (SMTP Message-ID, Twilio SID, push service location).';

create table public.notification_attempts (
  id bigint generated always as identity primary key,
  notification_id uuid not null references public.session_notifications (id) on delete cascade,
  attempted_at timestamptz not null default now(),
  succeeded boolean not null,
  provider_id text,
  error text check (length(error) <= 2000)
);
create index notification_attempts_notification_id_idx
  on public.notification_attempts (notification_id, attempted_at);
comment on table public.notification_attempts is
  'Every attempt to hand a delivery to its channel: when, the provider''s id, or why it failed.';

-- Per person, per notification type × channel: only the choices that differ from the
-- defaults of the notifications feature are stored.
create table public.notification_preferences (
  user_id uuid not null references public.profiles (id) on delete cascade,
  type public.notification_type not null,
  method public.notification_method not null,
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, type, method)
);
comment on table public.notification_preferences is
  'A person''s choice for one notification type on one channel, where it differs from the default routing.';

alter table public.profiles
  add column quiet_hours_start time,
  add column quiet_hours_end time,
  add constraint profiles_quiet_hours_check
    check ((quiet_hours_start is null) = (quiet_hours_end is null)
           and (quiet_hours_start is distinct from quiet_hours_end or quiet_hours_start is null));
comment on column public.profiles.quiet_hours_start is
  'Start of the nightly quiet hours (wall clock in time_zone): no SMS and no push then; email and in-app still arrive.';
comment on column public.profiles.quiet_hours_end is
  'End of the quiet hours (may be before the start: the hours then span midnight).';

-- What the in-process SMTP server received and the SMS the embedded default recorded: the
-- dev mailbox (embedded mode only; no API role may read it).
create table public.dev_mailbox (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('EMAIL', 'SMS')),
  received_at timestamptz not null default now(),
  recipient text not null,
  subject text,
  body text not null,
  message_id text,
  raw text
);
create index dev_mailbox_received_at_idx on public.dev_mailbox (received_at desc);
comment on table public.dev_mailbox is
  'Embedded default only: mail received by the in-process SMTP server and SMS that would have gone to Twilio.';

-- --- access ----------------------------------------------------------------------
alter table public.notification_events enable row level security;
alter table public.notification_attempts enable row level security;
alter table public.notification_preferences enable row level security;
alter table public.dev_mailbox enable row level security;

grant select, insert, update, delete on public.notification_events to service_role;
grant select, insert, update, delete on public.notification_attempts to service_role;
grant select, insert, update, delete on public.notification_preferences to service_role;
grant select, insert, delete on public.dev_mailbox to service_role;

grant select on public.notification_attempts to authenticated;
create policy notification_attempts_select on public.notification_attempts for select
to authenticated using ((select private.is_staff()));
comment on policy notification_attempts_select on public.notification_attempts is
  'Staff read every attempt (the board''s failed deliveries); families and coaches none.';

grant select, insert, update, delete on public.notification_preferences to authenticated;
create policy notification_preferences_own on public.notification_preferences for all
to authenticated
using (user_id = (select auth.uid()))
with check (user_id = (select auth.uid()));
comment on policy notification_preferences_own on public.notification_preferences is
  'Each person reads and changes only their own choices.';

grant update (quiet_hours_start, quiet_hours_end) on public.profiles to authenticated;

-- --- the facts -------------------------------------------------------------------
-- Same signature, so every RPC that calls it is unchanged: the title, message and audience
-- arguments are no longer used (texts and recipients are the notifications feature's).
create or replace function private.notify_session(
  p_session public.session_bookings,
  p_type public.notification_type,
  p_title text,
  p_message text,
  p_audience text[],
  p_exclude uuid default null,
  p_extra jsonb default '{}'::jsonb,
  p_old_starts_at timestamptz default null
)
returns integer
language sql set search_path = ''
as $$
  insert into public.notification_events (type, session_id, actor_id, data)
  values (
    p_type, p_session.id, (select auth.uid()),
    coalesce(p_extra, '{}'::jsonb)
      || jsonb_strip_nulls(jsonb_build_object('previousStartsAt', p_old_starts_at))
  );
  select 1;
$$;
comment on function private.notify_session(public.session_bookings, public.notification_type, text, text, text[], uuid, jsonb, timestamptz) is
  'Writes the outbox event of a session change in the caller''s transaction (title, message, audience and exclude are ignored since 20261203140000).';

-- The profile's SMS switch becomes a real master switch: on by default like email and push
-- (an SMS still needs a phone number). Nothing was ever sent before this migration, so no
-- one's choice is overridden by turning the never-used default on.
alter table public.profiles alter column notify_sms set default true;
update public.profiles set notify_sms = true where not notify_sms;
