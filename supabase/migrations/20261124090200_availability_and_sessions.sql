-- =============================================================================
-- Coach availability (wall-clock rules) and booked sessions (instants).
-- =============================================================================

create or replace function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Times are wall-clock in the coach's zone (profiles.time_zone), so a 09:00
-- slot stays 09:00 across daylight-saving changes. Weekly rows carry
-- day_of_week (0 = Sunday); specific-date rows carry specific_date and
-- override that date: available rows add hours, unavailable rows remove them
-- (a day off is 00:00–24:00 unavailable).
create table public.coach_availability (
  id uuid primary key default gen_random_uuid(),
  coach_id uuid not null references public.profiles (id) on delete cascade,
  is_recurring boolean not null,
  day_of_week smallint check (day_of_week between 0 and 6),
  specific_date date,
  start_time time not null,
  end_time time not null,
  is_available boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint coach_availability_kind_check check (
    (is_recurring and day_of_week is not null and specific_date is null)
    or (not is_recurring and specific_date is not null and day_of_week is null)
  ),
  constraint coach_availability_order_check check (end_time > start_time),
  -- HH:MM precision: no seconds.
  constraint coach_availability_minute_check check (
    date_trunc('minute', start_time::interval) = start_time::interval
    and date_trunc('minute', end_time::interval) = end_time::interval
  ),
  constraint coach_availability_min_length_check check (end_time - start_time >= interval '30 minutes'),
  -- Two rules of the same kind may not overlap on the same day (adjacent is fine).
  constraint coach_availability_weekly_no_overlap exclude using gist (
    coach_id with =, day_of_week with =, is_available with =,
    tsrange(date '2000-01-02' + start_time, date '2000-01-02' + end_time) with &&
  ) where (is_recurring),
  constraint coach_availability_specific_no_overlap exclude using gist (
    coach_id with =, specific_date with =, is_available with =,
    tsrange(specific_date + start_time, specific_date + end_time) with &&
  ) where (not is_recurring)
);
comment on table public.coach_availability is
  'Weekly and specific-date availability rules, wall-clock in the coach''s time zone.';
create index coach_availability_coach_weekly_idx
  on public.coach_availability (coach_id, day_of_week) where is_recurring;
create index coach_availability_coach_date_idx
  on public.coach_availability (coach_id, specific_date) where not is_recurring;
create trigger coach_availability_touch before update on public.coach_availability
  for each row execute function private.touch_updated_at();

create table public.session_bookings (
  id uuid primary key default gen_random_uuid(),
  student_id uuid not null references public.profiles (id),
  coach_id uuid not null references public.profiles (id),
  -- The parent who answers for the student (set when a parent books, or the
  -- student's linked parent when they book themselves); notified by email.
  parent_id uuid references public.profiles (id),
  booked_by uuid not null references public.profiles (id),
  subject_code text not null references public.subjects (code) on update cascade,
  type public.session_type not null default 'INDIVIDUAL',
  modality public.session_modality not null default 'ONLINE',
  title text not null check (length(trim(title)) between 1 and 200),
  description text check (description is null or length(description) <= 4000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  duration_minutes integer not null,
  status public.session_status not null default 'SCHEDULED',
  credits_used integer not null check (credits_used >= 0),
  rating smallint check (rating between 1 and 5),
  feedback text check (feedback is null or length(feedback) <= 4000),
  rated_at timestamptz,
  rated_by uuid references public.profiles (id),
  coach_notes text check (coach_notes is null or length(coach_notes) <= 4000),
  student_notes text check (student_notes is null or length(student_notes) <= 4000),
  meeting_url text check (meeting_url is null or meeting_url ~ '^https://'),
  location text check (location is null or length(location) <= 300),
  cancelled_by uuid references public.profiles (id),
  cancelled_at timestamptz,
  cancellation_reason text check (cancellation_reason is null or length(cancellation_reason) <= 1000),
  -- A client-chosen key: a retried booking request returns the first result.
  idempotency_key text check (idempotency_key is null or length(idempotency_key) between 8 and 200),
  confirmed_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_bookings_time_order_check check (ends_at > starts_at),
  constraint session_bookings_duration_check check (
    duration_minutes between 30 and 240
    and duration_minutes % 30 = 0
    and extract(epoch from (ends_at - starts_at)) = duration_minutes * 60
  ),
  constraint session_bookings_distinct_people_check check (student_id <> coach_id),
  constraint session_bookings_rated_at_check check ((rating is null) = (rated_at is null)),
  constraint session_bookings_rating_status_check check (rating is null or status = 'COMPLETED'),
  constraint session_bookings_cancel_check check (
    (status = 'CANCELLED') = (cancelled_at is not null)
  ),
  constraint session_bookings_online_check check (modality <> 'ONLINE' or meeting_url is not null),
  -- The heart of booking safety: a coach or a student is never in two live
  -- sessions at once. [) bounds let back-to-back sessions through; a
  -- concurrent second insert waits for the first and then fails with 23P01.
  constraint session_bookings_coach_no_overlap exclude using gist (
    coach_id with =, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status <> 'CANCELLED'),
  constraint session_bookings_student_no_overlap exclude using gist (
    student_id with =, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status <> 'CANCELLED')
);
comment on table public.session_bookings is
  'Booked sessions. Written only by RPCs (book_session, transition_session, ...).';
create unique index session_bookings_idempotency_idx
  on public.session_bookings (booked_by, idempotency_key) where idempotency_key is not null;
create index session_bookings_coach_starts_idx on public.session_bookings (coach_id, starts_at);
create index session_bookings_student_starts_idx on public.session_bookings (student_id, starts_at);
create index session_bookings_parent_id_idx on public.session_bookings (parent_id);
create index session_bookings_booked_by_idx on public.session_bookings (booked_by);
create index session_bookings_subject_code_idx on public.session_bookings (subject_code);
create index session_bookings_rated_by_idx on public.session_bookings (rated_by);
create index session_bookings_cancelled_by_idx on public.session_bookings (cancelled_by);
create index session_bookings_status_starts_idx on public.session_bookings (status, starts_at);
create trigger session_bookings_touch before update on public.session_bookings
  for each row execute function private.touch_updated_at();

create table public.session_status_history (
  id bigint generated always as identity primary key,
  session_id uuid not null references public.session_bookings (id) on delete cascade,
  from_status public.session_status,
  to_status public.session_status not null,
  changed_by uuid references public.profiles (id),
  notes text check (notes is null or length(notes) <= 2000),
  created_at timestamptz not null default now()
);
create index session_status_history_session_idx on public.session_status_history (session_id, created_at);
create index session_status_history_changed_by_idx on public.session_status_history (changed_by);
