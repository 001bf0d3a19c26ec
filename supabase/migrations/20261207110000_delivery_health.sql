-- =============================================================================
-- Delivery health (issue 12, part 2): success and latency of the deliveries per channel, and
-- how late the reminders reached people, computed from the deliveries and their attempts.
--
-- In SQL, not in a server's memory: the figures survive restarts and cover every server
-- process sharing the database (each one runs deliveries). The staff's /assistant/health page
-- calls these functions as the staff member (RLS: staff read every delivery); GET /metrics
-- calls them on the service path.
-- =============================================================================

-- When a delivery was meant to reach its person. next_attempt_at cannot say it: a resend moves
-- it to the resend's time, and a reminder's deliveries start when the mark fired, not at the
-- mark's due time (which a reschedule may move afterwards).
alter table public.session_notifications add column due_at timestamptz;
comment on column public.session_notifications.due_at is
  'When the delivery was meant to reach its recipient: the event''s time (the rating request: plus its delay), or the reminder mark''s due time as it was when the mark fired. Latency and reminder lateness are measured from it.';

-- Deliveries written before this column: a reminder's due time is in its delivery key
-- (reminder:<mark>:<due epoch ms>:…, sweep.server.ts); an event's is next_attempt_at unless
-- staff resent it (then the first round's time is gone: its creation is the nearest).
update public.session_notifications
set due_at = case
  when delivery_key ~ '^reminder:[0-9a-f-]{36}:[0-9]{1,15}:'
    then to_timestamp(split_part(delivery_key, ':', 3)::bigint / 1000.0)
  when resends = 0 then next_attempt_at
  else created_at
end;
-- A writer that does not know the column yet (a server still running the previous build during
-- a deploy) gets the insert time: right for every delivery but a reminder fired late.
alter table public.session_notifications
  alter column due_at set default now(),
  alter column due_at set not null;
create index session_notifications_due_at_idx on public.session_notifications (due_at);

-- ---------------------------------------------------------------------------------------------
-- Per channel (and every channel: channel null), the deliveries due in [p_from, p_to):
--   sent / failed / in_flight (PENDING or SENDING) / cancelled (a reminder gone stale);
--   retried: sent after at least one failed attempt; attempts and failed_attempts from
--   notification_attempts (in-app deliveries have none: writing them is delivering them);
--   latency: delivered − due, over the sent ones of the first round (a delivery staff resent
--   waited for the resend, not for the engine). An in-app one is delivered when written, or at
--   its due time when written ahead (the rating request).
-- ---------------------------------------------------------------------------------------------
create function public.delivery_health(p_from timestamptz, p_to timestamptz)
returns table (
  channel public.notification_method,
  sent bigint,
  failed bigint,
  in_flight bigint,
  cancelled bigint,
  retried bigint,
  attempts bigint,
  failed_attempts bigint,
  latency_p50_ms double precision,
  latency_p95_ms double precision,
  latency_p99_ms double precision,
  latency_max_ms double precision
)
language sql stable security invoker set search_path = ''
as $$
  with d as (
    select n.method, n.status, n.resends,
      (extract(epoch from
        case when n.method = 'IN_APP' then greatest(n.created_at, n.due_at) else n.sent_at end
        - n.due_at) * 1000)::double precision as latency_ms,
      coalesce(a.total, 0) as attempts,
      coalesce(a.failed, 0) as failed_attempts
    from public.session_notifications n
    left join lateral (
      select count(*) as total, count(*) filter (where not x.succeeded) as failed
      from public.notification_attempts x where x.notification_id = n.id
    ) a on true
    where n.due_at >= p_from and n.due_at < p_to
  )
  select d.method,
    count(*) filter (where d.status = 'SENT'),
    count(*) filter (where d.status = 'FAILED'),
    count(*) filter (where d.status in ('PENDING', 'SENDING')),
    count(*) filter (where d.status = 'CANCELLED'),
    count(*) filter (where d.status = 'SENT' and d.failed_attempts > 0),
    coalesce(sum(d.attempts), 0)::bigint,
    coalesce(sum(d.failed_attempts), 0)::bigint,
    percentile_cont(0.5) within group (order by d.latency_ms)
      filter (where d.status = 'SENT' and d.resends = 0),
    percentile_cont(0.95) within group (order by d.latency_ms)
      filter (where d.status = 'SENT' and d.resends = 0),
    percentile_cont(0.99) within group (order by d.latency_ms)
      filter (where d.status = 'SENT' and d.resends = 0),
    max(d.latency_ms) filter (where d.status = 'SENT' and d.resends = 0)
  from d
  group by grouping sets ((d.method), ())
  order by d.method nulls first;
$$;
comment on function public.delivery_health(timestamptz, timestamptz) is
  'Success and latency of the deliveries due in [p_from, p_to), per channel and overall (channel null). Runs as the caller: staff see every delivery, anyone else only their own.';
revoke execute on function public.delivery_health(timestamptz, timestamptz) from public, anon;
grant execute on function public.delivery_health(timestamptz, timestamptz) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Reminder lateness: delivered − due for the reminder deliveries due in [p_from, p_to) that
-- reached their person (resends included: the family got it that late), per channel and overall;
-- late: more than p_late_after. overdue (overall row only): marks of the window still waiting
-- longer than p_late_after after their due time — the engine is behind or down.
-- ---------------------------------------------------------------------------------------------
create function public.reminder_lateness(
  p_from timestamptz,
  p_to timestamptz,
  p_late_after interval default interval '5 minutes'
)
returns table (
  channel public.notification_method,
  delivered bigint,
  late bigint,
  lateness_p50_ms double precision,
  lateness_p95_ms double precision,
  lateness_p99_ms double precision,
  lateness_max_ms double precision,
  overdue bigint
)
language sql stable security invoker set search_path = ''
as $$
  with d as (
    select n.method,
      (extract(epoch from
        case when n.method = 'IN_APP' then greatest(n.created_at, n.due_at) else n.sent_at end
        - n.due_at) * 1000)::double precision as lateness_ms
    from public.session_notifications n
    where n.reminder_id is not null and n.status = 'SENT'
      and n.due_at >= p_from and n.due_at < p_to
  )
  select d.method,
    count(*),
    count(*) filter (where d.lateness_ms > extract(epoch from p_late_after) * 1000),
    percentile_cont(0.5) within group (order by d.lateness_ms),
    percentile_cont(0.95) within group (order by d.lateness_ms),
    percentile_cont(0.99) within group (order by d.lateness_ms),
    max(d.lateness_ms),
    case when grouping(d.method) = 1 then (
      select count(*) from public.session_reminders r
      where r.status = 'PENDING' and r.due_at >= p_from and r.due_at < p_to
        and r.due_at < now() - p_late_after
    ) end
  from d
  group by grouping sets ((d.method), ())
  order by d.method nulls first;
$$;
comment on function public.reminder_lateness(timestamptz, timestamptz, interval) is
  'How late the reminders due in [p_from, p_to) reached people (delivered − due), per channel and overall (channel null), and the marks still overdue. Runs as the caller (RLS).';
revoke execute on function public.reminder_lateness(timestamptz, timestamptz, interval) from public, anon;
grant execute on function public.reminder_lateness(timestamptz, timestamptz, interval) to authenticated, service_role;
