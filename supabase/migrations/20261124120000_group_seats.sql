-- =============================================================================
-- Group sessions: several students, each with their own booking (a "seat"),
-- share one coach slot. Until now the coach overlap constraint treated every
-- booking as exclusive, so a group could never have a second seat.
--
-- seat_key names what a booking occupies on the coach's calendar:
--   INDIVIDUAL  → its own id (unique: any overlap with anything conflicts);
--   GROUP       → subject + modality + exact start/end (seats of the same
--                 group share it; any other overlap conflicts).
-- The exclusion constraint keeps its name, so error mapping is unchanged.
-- =============================================================================

insert into public.app_settings (key, value, description) values
  ('group_capacity', '6', 'Seats in one group session')
on conflict (key) do nothing;

alter table public.session_bookings add column seat_key text;
update public.session_bookings set seat_key = id::text;
alter table public.session_bookings alter column seat_key set not null;
comment on column public.session_bookings.seat_key is
  'What this booking occupies on the coach''s calendar: its id, or the group slot it has a seat in.';

-- Sets seat_key; for a group seat also the shared meeting room and the
-- capacity check. Every writer of sessions (book_session, reschedule_session)
-- holds the per-coach lock (private.lock_parties) before writing, so the seat
-- count cannot race.
create function private.assign_seat_key() returns trigger
language plpgsql set search_path = ''
as $$
declare
  v_taken integer;
  v_capacity integer;
begin
  if new.type <> 'GROUP' then
    new.seat_key := new.id::text;
    return new;
  end if;
  new.seat_key := concat_ws('|', 'G', new.subject_code, new.modality,
    extract(epoch from new.starts_at)::bigint, extract(epoch from new.ends_at)::bigint);
  if new.modality = 'ONLINE' then
    new.meeting_url := 'https://meet.jit.si/nexus-group-' || md5(new.coach_id::text || new.seat_key);
  end if;
  if new.status <> 'CANCELLED' then
    v_capacity := coalesce(
      (select (s.value #>> '{}')::integer from public.app_settings s where s.key = 'group_capacity'), 6);
    select count(*) into v_taken
    from public.session_bookings b
    where b.coach_id = new.coach_id and b.seat_key = new.seat_key
      and b.status <> 'CANCELLED' and b.id <> new.id;
    if v_taken >= v_capacity then
      raise exception 'NB_SLOT_TAKEN: this group session is full (% seats)', v_capacity;
    end if;
  end if;
  return new;
end
$$;

create trigger session_bookings_seat_key
  before insert or update of type, subject_code, modality, starts_at, ends_at
  on public.session_bookings
  for each row execute function private.assign_seat_key();

alter table public.session_bookings drop constraint session_bookings_coach_no_overlap;
alter table public.session_bookings add constraint session_bookings_coach_no_overlap
  exclude using gist (
    coach_id with =, seat_key with <>, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status <> 'CANCELLED');

create index session_bookings_seat_key_idx on public.session_bookings (coach_id, seat_key)
  where type = 'GROUP';
