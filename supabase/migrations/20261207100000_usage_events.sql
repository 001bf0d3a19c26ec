-- =============================================================================
-- First-party usage events: the booking funnel and the coaches' bulk tools.
--
-- The server writes one row when a family reaches a step of the booking wizard
-- (wizard started, coach chosen, slot chosen, booked) or a coach saves several
-- weekdays at once (copy a day, the default pattern, clear the week). No
-- third-party tracker, nothing but the user id, what was chosen (subject,
-- coach) and when. Rows older than the retention (app_settings
-- usage_events_retention_days, 395 days: a year and a month, so a year can be
-- compared with the previous one) are deleted by the recording function
-- itself, in the writer's transaction: no job that can fall behind.
-- =============================================================================

create type public.usage_event_kind as enum (
  'WIZARD_STARTED', 'COACH_CHOSEN', 'SLOT_CHOSEN', 'BOOKED', 'AVAILABILITY_BULK'
);

create table public.usage_events (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind public.usage_event_kind not null,
  subject_code text references public.subjects (code) on update cascade on delete set null,
  coach_id uuid references public.profiles (id) on delete set null,
  occurred_at timestamptz not null default now()
);
comment on table public.usage_events is
  'First-party usage events (booking funnel steps, bulk availability tools): user id, kind, subject and coach chosen, time. Written only by public.record_usage_event; kept usage_events_retention_days.';
comment on column public.usage_events.user_id is
  'The signed-in person who acted (a parent or student for the funnel, a coach for bulk tools); deleted with them.';
-- The funnel reads a period's events by kind; the covering columns keep it an index-only scan.
create index usage_events_kind_time_idx
  on public.usage_events (kind, occurred_at) include (user_id, coach_id, subject_code);
-- The retention purge and the per-user de-duplication.
create index usage_events_time_idx on public.usage_events (occurred_at);
create index usage_events_user_time_idx on public.usage_events (user_id, occurred_at desc);
create index usage_events_coach_id_idx on public.usage_events (coach_id);
create index usage_events_subject_code_idx on public.usage_events (subject_code);

alter table public.usage_events enable row level security;
revoke all on public.usage_events from anon, authenticated;
grant select on public.usage_events to authenticated;
grant all on public.usage_events to service_role;

create policy usage_events_select on public.usage_events
  as permissive for select to authenticated
  using ((select private.is_staff()));
comment on policy usage_events_select on public.usage_events is
  'Only staff read usage events (the analytics); nobody writes them but public.record_usage_event.';

insert into public.app_settings (key, value, description) values
  ('usage_events_retention_days', '395',
   'Usage events (booking funnel, bulk tools) older than this are deleted when new ones are recorded')
on conflict (key) do nothing;

-- Records one event for the caller. A family records funnel steps, a coach the
-- bulk tools; the same event again within 30 minutes (a reload, the back
-- button) is not recorded twice. Each call also deletes up to 200 expired rows
-- (oldest first, one index probe when there are none), so the table never
-- keeps more than the retention while anyone uses the app.
create function public.record_usage_event(
  p_kind public.usage_event_kind,
  p_subject text default null,
  p_coach_id uuid default null
) returns boolean
language plpgsql security definer set search_path = ''
as $$
declare
  v_caller uuid := private.require_caller();
  v_role public.user_role := private.current_user_role();
begin
  if p_kind is null then
    raise exception 'NB_VALIDATION: an event kind is required';
  end if;
  if (p_kind = 'AVAILABILITY_BULK') <> (v_role = 'coach')
     or (p_kind <> 'AVAILABILITY_BULK' and v_role not in ('parent', 'student')) then
    raise exception 'NB_FORBIDDEN: % is not recorded for a %', p_kind, v_role;
  end if;
  if p_subject is not null and not exists (select 1 from public.subjects s where s.code = p_subject) then
    p_subject := null;
  end if;
  if p_coach_id is not null
     and not exists (select 1 from public.profiles p where p.id = p_coach_id and p.role = 'coach') then
    p_coach_id := null;
  end if;

  delete from public.usage_events e
  where e.id in (
    select x.id from public.usage_events x
    where x.occurred_at < now() - make_interval(days => private.setting_int('usage_events_retention_days', null))
    order by x.occurred_at
    limit 200
  );

  if exists (
    select 1 from public.usage_events e
    where e.user_id = v_caller and e.occurred_at > now() - interval '30 minutes'
      and e.kind = p_kind
      and e.subject_code is not distinct from p_subject
      and e.coach_id is not distinct from p_coach_id
  ) then
    return false;
  end if;
  insert into public.usage_events (user_id, kind, subject_code, coach_id)
  values (v_caller, p_kind, p_subject, p_coach_id);
  return true;
end
$$;
comment on function public.record_usage_event(public.usage_event_kind, text, uuid) is
  'Records a first-party usage event for the caller (families: funnel steps; coaches: bulk tools), once per 30 minutes, and purges expired events.';
revoke execute on function public.record_usage_event(public.usage_event_kind, text, uuid) from public, anon;
grant execute on function public.record_usage_event(public.usage_event_kind, text, uuid)
  to authenticated, service_role;
