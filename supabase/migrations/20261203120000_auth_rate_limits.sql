-- =============================================================================
-- Brute-force limits on sign-in and account creation, shared by every server.
--
-- Counters live here, not in a server's memory, so several app servers (or serverless
-- instances) on one database enforce one limit. Fixed windows: a bucket counts attempts
-- until its window ends, then starts again from zero. The limits are settings
-- (app_settings 'rate_limit_<rule>': {"limit": n, "window_seconds": s}).
-- =============================================================================

-- One row per (rule, subject). The subject is a SHA-256 hex digest computed by the server
-- (of an email or a client address): no address or email is stored in clear.
create table private.rate_limits (
  bucket text primary key check (bucket ~ '^[a-z_]{3,40}:[0-9a-f]{64}$'),
  hits integer not null default 0 check (hits >= 0),
  window_ends_at timestamptz not null
);
create index rate_limits_window_ends_at_idx on private.rate_limits (window_ends_at);
comment on table private.rate_limits is
  'Attempts per rule and hashed subject in the current window; written only by private.rate_limit_take / rate_limit_forgive.';

-- Default deny: no policy and no grant to any API role; only the functions below touch it.
alter table private.rate_limits enable row level security;
revoke all on private.rate_limits from public, anon, authenticated, service_role;

insert into public.app_settings (key, value, description) values
  ('rate_limit_signin_account', '{"limit": 10, "window_seconds": 900}',
   'Failed sign-ins allowed per account in the window, then 429 until it ends'),
  ('rate_limit_signin_ip', '{"limit": 50, "window_seconds": 900}',
   'Failed sign-ins allowed per client address (IPv6: per /64) in the window'),
  ('rate_limit_signup_ip', '{"limit": 10, "window_seconds": 3600}',
   'Accounts created (sign-up, add a child) per client address in the window')
on conflict (key) do nothing;

-- Take one attempt from every bucket named by p_rules[i] + p_subjects[i], all or nothing.
-- Returns 0 when the attempt may go ahead (it is then counted in each bucket), or the
-- seconds until the first full bucket's window ends (nothing counted). Buckets are locked
-- in key order, so concurrent attempts queue instead of slipping past the limit together.
create or replace function private.rate_limit_take(p_rules text[], p_subjects text[])
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_bucket text;
  v_limit integer;
  v_window integer;
  v_hits integer;
  v_ends timestamptz;
  v_wait integer := 0;
  v_buckets text[] := '{}';
begin
  if coalesce(array_length(p_rules, 1), 0) = 0
    or array_length(p_rules, 1) is distinct from array_length(p_subjects, 1) then
    raise exception 'NB_VALIDATION: one subject per rule';
  end if;

  -- Forget buckets whose window ended a while ago (a few per call, never waiting on a lock).
  delete from private.rate_limits
  where bucket in (select r.bucket from private.rate_limits r
    where r.window_ends_at < now() - interval '1 hour' limit 20 for update skip locked);

  for v_bucket, v_limit, v_window in
    select x.rule || ':' || x.subject,
      (s.value ->> 'limit')::integer, (s.value ->> 'window_seconds')::integer
    from unnest(p_rules, p_subjects) as x (rule, subject)
    left join public.app_settings s on s.key = 'rate_limit_' || x.rule
    order by 1
  loop
    if v_limit is null or v_window is null then
      raise exception 'NB_VALIDATION: unknown rate limit %', split_part(v_bucket, ':', 1);
    end if;
    -- Insert or lock the bucket, restarting an ended window.
    insert into private.rate_limits as r (bucket, hits, window_ends_at)
    values (v_bucket, 0, now() + make_interval(secs => v_window))
    on conflict (bucket) do update
      set hits = case when r.window_ends_at <= now() then 0 else r.hits end,
        window_ends_at = case when r.window_ends_at <= now()
          then now() + make_interval(secs => v_window) else r.window_ends_at end
    returning r.hits, r.window_ends_at into v_hits, v_ends;
    if v_hits >= v_limit then
      v_wait := greatest(v_wait, ceil(extract(epoch from v_ends - now()))::integer, 1);
    end if;
    v_buckets := v_buckets || v_bucket;
  end loop;

  if v_wait > 0 then
    return v_wait;
  end if;
  update private.rate_limits set hits = hits + 1 where bucket = any (v_buckets);
  return 0;
end
$$;

-- Give an attempt back after it succeeded: p_all empties the bucket (a correct password
-- ends a run of failures on the account), otherwise one attempt is returned.
create or replace function private.rate_limit_forgive(p_rule text, p_subject text, p_all boolean)
returns void
language sql security definer set search_path = ''
as $$
  update private.rate_limits
  set hits = case when p_all then 0 else greatest(hits - 1, 0) end
  where bucket = p_rule || ':' || p_subject
$$;

comment on function private.rate_limit_take(text[], text[]) is
  'Brute-force limits: counts one attempt in each (rule, subject) bucket, or returns the seconds to wait.';
comment on function private.rate_limit_forgive(text, text, boolean) is
  'Returns a successful attempt to its bucket (all of them for an account after a correct password).';

-- Called by the server on the service path only (before anyone is signed in).
revoke all on function private.rate_limit_take(text[], text[]) from public, anon, authenticated;
revoke all on function private.rate_limit_forgive(text, text, boolean) from public, anon, authenticated;
grant execute on function private.rate_limit_take(text[], text[]) to service_role;
grant execute on function private.rate_limit_forgive(text, text, boolean) to service_role;
