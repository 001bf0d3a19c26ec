-- Staff notes on a session: what the team knows about it (a call from the parent, a
-- problem fixed). Internal: only staff read and write them; families and coaches never see
-- them (the coach's and the family's own notes live on session_bookings).
create table public.session_staff_notes (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.session_bookings (id) on delete cascade,
  author_id uuid not null default auth.uid() references public.profiles (id),
  body text not null check (char_length(btrim(body)) between 1 and 2000),
  created_at timestamptz not null default now()
);
comment on table public.session_staff_notes is
  'Internal notes of the staff on a session, shown on the board and in the session''s history.';
create index session_staff_notes_session on public.session_staff_notes (session_id, created_at);

alter table public.session_staff_notes enable row level security;
revoke all on public.session_staff_notes from anon, authenticated;
grant select, insert on public.session_staff_notes to authenticated;
grant all on public.session_staff_notes to service_role;

create policy session_staff_notes_select on public.session_staff_notes
  for select to authenticated using (private.is_staff());
-- A note is signed by whoever writes it: no writing in someone else's name.
create policy session_staff_notes_insert on public.session_staff_notes
  for insert to authenticated
  with check (private.is_staff() and author_id = (select auth.uid()));
comment on policy session_staff_notes_select on public.session_staff_notes is 'Staff read every note.';
comment on policy session_staff_notes_insert on public.session_staff_notes is
  'Staff write notes, in their own name only.';

create function private.live_staff_note()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform realtime.send(
    jsonb_build_object('sessionId', new.session_id, 'change', 'note', 'fields', jsonb_build_array('staff_notes')),
    'session', 'staff:sessions', true);
  return null;
end
$$;
comment on function private.live_staff_note() is 'Tells the staff board a session has a new note (its id only).';

create trigger session_staff_notes_live after insert on public.session_staff_notes
  for each row execute function private.live_staff_note();
