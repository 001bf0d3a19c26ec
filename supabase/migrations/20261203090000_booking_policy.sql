-- =============================================================================
-- One booking policy, one source: public.app_settings.
--
-- Until now each rule had copies: the SQL fallbacks in every setting_int call,
-- TypeScript constants, message strings. From here on every tunable value is a
-- row of app_settings (seeded below), read by SQL through private.setting_int
-- and by the server once per request through public.booking_policy(); a
-- missing row is a configuration error, not a silent default.
--
-- Also closes a gap between the slot engine and booking: starts must lie on
-- the start grid of the coach's wall clock (17:15 was bookable), and the
-- horizon is counted in exact hours so it means the same in every zone.
-- =============================================================================

insert into public.app_settings (key, value, description) values
  ('start_grid_minutes', '30', 'Sessions start on this grid of the coach''s wall clock'),
  ('start_early_minutes', '15', 'A coach may start a session this many minutes before its time'),
  ('credit_price_cents', '3000', 'What one credit is worth, in euro cents (revenue figures only)')
on conflict (key) do nothing;

comment on table public.app_settings is
  'The booking policy: one row per tunable rule, read by the RPCs (private.setting_int) and by the server (public.booking_policy()).';
comment on column public.app_settings.value is 'A JSON scalar; integer settings are JSON numbers.';

-- The fallback argument stays in the signature (the RPCs of the first
-- migrations pass one) but is no longer used: a second copy of each value is
-- exactly what let the rules drift apart.
create or replace function private.setting_int(p_key text, p_default integer) returns integer
language plpgsql stable set search_path = ''
as $$
declare
  v_value integer;
begin
  select (s.value #>> '{}')::integer into v_value from public.app_settings s where s.key = p_key;
  if v_value is null then
    raise exception 'app_settings has no integer value for %', p_key;
  end if;
  return v_value;
end
$$;

-- The policy as the server reads it, once per request. Public facts (the
-- sign-in page and the booking wizard show them), so anon may read it too.
create function public.booking_policy() returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'minNoticeMinutes', private.setting_int('min_notice_minutes', null),
    'horizonDays', private.setting_int('booking_horizon_days', null),
    'refundWindowHours', private.setting_int('refund_window_hours', null),
    'startGridMinutes', private.setting_int('start_grid_minutes', null),
    'startEarlyMinutes', private.setting_int('start_early_minutes', null),
    'groupCapacity', private.setting_int('group_capacity', null),
    'creditPriceCents', private.setting_int('credit_price_cents', null)
  )
$$;
revoke execute on function public.booking_policy() from public;
grant execute on function public.booking_policy() to anon, authenticated, service_role;

-- Common checks for a new start (booking and reschedule), in this order:
-- minimum notice, horizon (now + N × 24 h, as the slot engine counts it), the
-- start grid of the coach's wall clock, then the coach's availability.
create or replace function private.check_start(p_coach_id uuid, p_starts_at timestamptz, p_ends_at timestamptz)
returns void
language plpgsql stable set search_path = ''
as $$
declare
  v_notice integer := private.setting_int('min_notice_minutes', null);
  v_horizon integer := private.setting_int('booking_horizon_days', null);
  v_grid integer := private.setting_int('start_grid_minutes', null);
  v_local timestamp;
begin
  if p_starts_at < now() + make_interval(mins => v_notice) then
    raise exception 'NB_IN_THE_PAST: sessions must start at least % minutes from now', v_notice;
  end if;
  if p_starts_at > now() + make_interval(hours => v_horizon * 24) then
    raise exception 'NB_OUTSIDE_AVAILABILITY: sessions can be booked at most % days ahead', v_horizon;
  end if;
  select p_starts_at at time zone p.time_zone into v_local
  from public.profiles p where p.id = p_coach_id;
  if v_local is null
     or (extract(hour from v_local) * 60 + extract(minute from v_local))::integer % v_grid <> 0
     or extract(second from v_local) <> 0 then
    raise exception 'NB_OUTSIDE_AVAILABILITY: sessions start every % minutes on the coach''s clock', v_grid;
  end if;
  if not private.is_slot_available(p_coach_id, p_starts_at, p_ends_at) then
    raise exception 'NB_OUTSIDE_AVAILABILITY: the coach is not available at that time';
  end if;
end
$$;
