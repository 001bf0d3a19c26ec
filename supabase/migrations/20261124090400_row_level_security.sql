-- =============================================================================
-- Row-level security: on for every table, default deny. One policy per table,
-- role and action (several permissive policies would each run on every row).
-- Writes to sessions and credits have no policy and no grant at all: only
-- SECURITY DEFINER RPCs change them.
-- =============================================================================

-- Start from nothing: Supabase's default privileges grant everything to the
-- API roles, so take it back and grant per table below.
revoke all on all tables in schema public from anon, authenticated;
revoke all on all sequences in schema public from anon, authenticated;
grant all on all tables in schema public to service_role;
grant all on all sequences in schema public to service_role;

alter table public.profiles enable row level security;
alter table public.parent_students enable row level security;
alter table public.subjects enable row level security;
alter table public.coach_subjects enable row level security;
alter table public.coach_availability enable row level security;
alter table public.session_bookings enable row level security;
alter table public.session_status_history enable row level security;
alter table public.credit_accounts enable row level security;
alter table public.credit_transactions enable row level security;
alter table public.session_notifications enable row level security;
alter table public.session_reminders enable row level security;
alter table public.push_subscriptions enable row level security;
alter table public.app_settings enable row level security;

-- --- profiles ------------------------------------------------------------------
grant select on public.profiles to authenticated;
-- Role and email are not in this list: nobody promotes themself.
grant update (first_name, last_name, phone, locale, time_zone, bio, avatar_url,
  notify_email, notify_sms, notify_push) on public.profiles to authenticated;

-- Visible: yourself; coaches (families choose them); your children and your
-- parents; the students and parents of your own sessions (coaches); everyone
-- (staff).
create policy profiles_select on public.profiles for select to authenticated
using (
  id = (select auth.uid())
  or role = 'coach'
  or (select private.is_staff())
  or id in (select private.my_student_ids())
  or id in (select ps.parent_id from public.parent_students ps where ps.student_id = (select auth.uid()))
  or exists (
    select 1 from public.session_bookings s
    where s.coach_id = (select auth.uid()) and (s.student_id = profiles.id or s.parent_id = profiles.id)
  )
);

create policy profiles_update on public.profiles for update to authenticated
using (id = (select auth.uid()) or (select private.is_staff()))
with check (id = (select auth.uid()) or (select private.is_staff()));

-- GoTrue reads the role for the custom access token hook.
create policy profiles_select_auth_admin on public.profiles for select to supabase_auth_admin
using (true);

-- --- parent_students -----------------------------------------------------------
grant select on public.parent_students to authenticated;
create policy parent_students_select on public.parent_students for select to authenticated
using (
  parent_id = (select auth.uid())
  or student_id = (select auth.uid())
  or (select private.is_staff())
);

-- --- subjects and qualifications ---------------------------------------------
grant select on public.subjects to anon, authenticated;
create policy subjects_select on public.subjects for select to anon, authenticated using (true);

grant select, insert, delete on public.coach_subjects to authenticated;
create policy coach_subjects_select on public.coach_subjects for select to authenticated
using (true);
-- Assistants manage qualifications; coaches read theirs.
create policy coach_subjects_insert on public.coach_subjects for insert to authenticated
with check ((select private.is_staff()));
create policy coach_subjects_delete on public.coach_subjects for delete to authenticated
using ((select private.is_staff()));

-- --- coach_availability ------------------------------------------------------
grant select, insert, update, delete on public.coach_availability to authenticated;
-- Families read it to see free slots.
create policy coach_availability_select on public.coach_availability for select to authenticated
using (true);
create policy coach_availability_insert on public.coach_availability for insert to authenticated
with check (
  (coach_id = (select auth.uid()) and (select private.current_user_role()) = 'coach')
  or (select private.is_staff())
);
create policy coach_availability_update on public.coach_availability for update to authenticated
using (coach_id = (select auth.uid()) or (select private.is_staff()))
with check (
  (coach_id = (select auth.uid()) and (select private.current_user_role()) = 'coach')
  or (select private.is_staff())
);
create policy coach_availability_delete on public.coach_availability for delete to authenticated
using (coach_id = (select auth.uid()) or (select private.is_staff()));

-- --- sessions ------------------------------------------------------------------
grant select on public.session_bookings to authenticated;
-- A student sees their own, a parent their children's, a coach their own,
-- staff all. No insert/update/delete grant: RPCs only.
create policy session_bookings_select on public.session_bookings for select to authenticated
using (
  student_id in (select private.my_student_ids())
  or coach_id = (select auth.uid())
  or (select private.is_staff())
);

grant select on public.session_status_history to authenticated;
-- Follows the session's own visibility (the subquery runs under its RLS).
create policy session_status_history_select on public.session_status_history for select
to authenticated
using (exists (select 1 from public.session_bookings s where s.id = session_id));

-- --- credits -------------------------------------------------------------------
grant select on public.credit_accounts, public.credit_transactions to authenticated;
create policy credit_accounts_select on public.credit_accounts for select to authenticated
using (student_id in (select private.my_student_ids()) or (select private.is_staff()));
create policy credit_transactions_select on public.credit_transactions for select to authenticated
using (student_id in (select private.my_student_ids()) or (select private.is_staff()));

-- --- notifications and reminders ------------------------------------------------
grant select on public.session_notifications to authenticated;
grant update (read_at) on public.session_notifications to authenticated;
create policy session_notifications_select on public.session_notifications for select
to authenticated
using (recipient_id = (select auth.uid()) or (select private.is_staff()));
-- Recipients mark their own in-app notifications read (only read_at is granted).
create policy session_notifications_update on public.session_notifications for update
to authenticated
using (recipient_id = (select auth.uid()))
with check (recipient_id = (select auth.uid()));

grant select on public.session_reminders to authenticated;
create policy session_reminders_select on public.session_reminders for select to authenticated
using (exists (select 1 from public.session_bookings s where s.id = session_id));

grant select, insert, delete on public.push_subscriptions to authenticated;
create policy push_subscriptions_select on public.push_subscriptions for select to authenticated
using (user_id = (select auth.uid()));
create policy push_subscriptions_insert on public.push_subscriptions for insert to authenticated
with check (user_id = (select auth.uid()));
create policy push_subscriptions_delete on public.push_subscriptions for delete to authenticated
using (user_id = (select auth.uid()));

-- --- settings ------------------------------------------------------------------
grant select on public.app_settings to authenticated;
create policy app_settings_select on public.app_settings for select to authenticated using (true);
