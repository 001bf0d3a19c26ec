-- =============================================================================
-- Platform shim: what Supabase provides, for a plain PostgreSQL (embedded or
-- any DATABASE_URL that is not a Supabase project). Never applied on Supabase.
--
-- Idempotent: the runner applies it on every start, inside one transaction,
-- before supabase/migrations/*.sql. Shapes follow Supabase/GoTrue so that the
-- same migrations, policies and RPCs run unchanged in both homes.
-- =============================================================================

-- --- Roles -------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- GoTrue runs hooks (custom_access_token_hook) as this role on Supabase.
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin nologin noinherit;
  end if;
end
$$;

-- The connecting user (the embedded superuser, or whoever DATABASE_URL names)
-- must be able to `set local role` to each API role, as PostgREST's
-- authenticator does.
do $$
begin
  execute format('grant anon, authenticated, service_role to %I', current_user);
end
$$;

-- Supabase installs extensions into their own schema, not public.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;

-- Supabase removes the default CREATE on public; so do we.
revoke create on schema public from public;
grant usage on schema public to anon, authenticated, service_role;

-- --- auth: GoTrue-shaped users and claim helpers --------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  recovery_token varchar(255),
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);
-- GoTrue's column; the local identity's password reset stamps it (a token lasts an hour).
alter table auth.users add column if not exists recovery_sent_at timestamptz;
-- GoTrue's column; the local identity's sign-in links stamp it (with confirmation_token,
-- which GoTrue's `email` verification also signs in with; local accounts are confirmed at
-- creation, so nothing else uses it here).
alter table auth.users add column if not exists confirmation_sent_at timestamptz;

-- GoTrue keeps rotating refresh tokens per session; the local identity
-- adapter does the same (tokens stored as SHA-256 hashes, never in clear).
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) unique not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  revoked boolean not null default false,
  parent varchar(255),
  session_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists refresh_tokens_user_id_idx on auth.refresh_tokens (user_id);

-- One row per signed-in session, as GoTrue keeps it: every access token names its row in
-- the `session_id` claim, and each request checks the row still exists
-- (private.assert_live_session), so deleting it (sign-out, refresh-token replay) ends every
-- token of that session at once. Same columns as GoTrue's (aal is an enum there).
create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  factor_id uuid,
  aal text,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
alter table auth.sessions enable row level security;

-- A database from before auth.sessions: give the live refresh tokens their session rows
-- (nobody is signed out by the upgrade), then tie tokens to sessions as GoTrue does.
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'refresh_tokens_session_id_fkey') then
    delete from auth.refresh_tokens where session_id is null;
    insert into auth.sessions (id, user_id, created_at)
      select distinct on (session_id) session_id, user_id, created_at
      from auth.refresh_tokens order by session_id, created_at
      on conflict (id) do nothing;
    alter table auth.refresh_tokens add constraint refresh_tokens_session_id_fkey
      foreign key (session_id) references auth.sessions (id) on delete cascade;
  end if;
end
$$;
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);

revoke all on auth.users, auth.refresh_tokens, auth.sessions from anon, authenticated;
-- The local identity adapter works on the service path (GoTrue's own role on Supabase).
grant select, insert, update on auth.users, auth.refresh_tokens to service_role;
grant delete on auth.refresh_tokens to service_role;
grant select, insert, update, delete on auth.sessions to service_role;
grant usage on sequence auth.refresh_tokens_id_seq to service_role;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email()
  to anon, authenticated, service_role;

-- --- realtime: broadcast from the database, read back by the live hub -----
create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

-- Supabase authorises private topics with RLS on realtime.messages; we keep
-- the table so those policies apply unchanged and the SSE endpoint can ask
-- the same question (see public.can_listen).
create table if not exists realtime.messages (
  id bigserial primary key,
  topic text not null,
  extension text not null default 'broadcast',
  payload jsonb,
  event text,
  private boolean default true,
  inserted_at timestamptz not null default now()
);
-- The writing transaction: the live hub (src/lib/server/live/hub.ts) reads the rows whose
-- transaction is older than every running one, so a row committed late is never skipped.
alter table realtime.messages add column if not exists txid xid8 not null default pg_current_xact_id();
create index if not exists messages_txid on realtime.messages (txid);
alter table realtime.messages enable row level security;
grant select on realtime.messages to authenticated;

create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text
$$;
grant execute on function realtime.topic() to anon, authenticated, service_role;

-- Same signature and effect as Supabase's: a row in realtime.messages, visible to listeners
-- only once the transaction commits. No NOTIFY: its commit-time lock serialised every
-- broadcasting commit (booking throughput ×0.72); a row costs what any insert costs.
create or replace function realtime.send(
  payload jsonb, event text, topic text, private boolean default true
) returns void
language sql security definer
set search_path = ''
as $$
  insert into realtime.messages (payload, event, topic, private, extension)
  values (payload, event, topic, private, 'broadcast')
$$;
-- Only the database's own functions and the server's service path send: a signed-in
-- person cannot write into another's topic.
revoke execute on function realtime.send(jsonb, text, text, boolean) from public, authenticated;
grant execute on function realtime.send(jsonb, text, text, boolean) to service_role;
