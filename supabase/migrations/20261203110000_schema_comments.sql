-- =============================================================================
-- Documentation only: `comment on` every table, non-obvious column and policy
-- that had none, so `\d+`, Supabase's table editor and the generated snapshot
-- (supabase/schema/policies.sql) explain the schema where it is read.
-- No behaviour changes.
-- =============================================================================

-- --- people --------------------------------------------------------------------
comment on column public.profiles.role is
  'What the person is. Set once from the auth user''s app metadata (self-registration gives parent); not in the update grant, so nobody changes their own.';
comment on column public.profiles.email is
  'Copied from auth.users at sign-up so RLS-scoped reads never need auth.users; not updatable through the API.';
comment on column public.profiles.locale is
  'Language of this person''s screens and messages (fr or en).';
comment on column public.profiles.time_zone is
  'IANA zone. A coach''s availability times are wall-clock in it; notification texts give times in the recipient''s zone.';
comment on column public.profiles.notify_email is
  'Contact preference: email wanted. In-app notifications are always on.';
comment on column public.profiles.notify_sms is
  'Contact preference: SMS wanted (needs phone). In-app notifications are always on.';
comment on column public.profiles.notify_push is
  'Contact preference: web push wanted (needs a push_subscriptions row). In-app notifications are always on.';

comment on table public.parent_students is
  'Which parent answers for which student: a parent may follow several children, a child may have two parents.';

comment on table public.subjects is
  'Subjects taught; the code is the stable identifier, the names are for display.';
comment on column public.subjects.code is
  'Stable identifier (upper snake case) used by coach_subjects, sessions and URLs.';
comment on column public.subjects.sort_order is 'Display order in subject lists.';

comment on table public.coach_subjects is
  'Subjects a coach is qualified for (managed by staff); book_session refuses any other.';

-- --- availability ----------------------------------------------------------------
comment on column public.coach_availability.is_recurring is
  'true: a weekly rule (day_of_week set); false: an override of one date (specific_date set).';
comment on column public.coach_availability.day_of_week is
  'Weekly rules only: 0 = Sunday … 6 = Saturday (as extract(dow)).';
comment on column public.coach_availability.specific_date is
  'Overrides only: the date overridden, in the coach''s zone.';
comment on column public.coach_availability.start_time is
  'Wall-clock in the coach''s profiles.time_zone, minute precision; a rule lasts at least 30 minutes.';
comment on column public.coach_availability.end_time is
  'Wall-clock in the coach''s profiles.time_zone, after start_time (24:00 ends the day).';
comment on column public.coach_availability.is_available is
  'true adds these hours, false removes them from the available ones (a day off is 00:00–24:00 unavailable).';

-- --- sessions ----------------------------------------------------------------------
comment on column public.session_bookings.student_id is
  'The student the session is for (for a group session, the holder of this seat).';
comment on column public.session_bookings.parent_id is
  'The parent who answers for the student: the parent who booked, else the student''s first linked parent; emailed about the session.';
comment on column public.session_bookings.booked_by is
  'Who made the booking (student, parent or staff); idempotency keys are unique per booker.';
comment on column public.session_bookings.type is
  'INDIVIDUAL, or GROUP: one seat of a group slot shared with other bookings (see seat_key).';
comment on column public.session_bookings.starts_at is
  'Start instant. [starts_at, ends_at) is the range the no-overlap exclusion constraints compare, so back-to-back sessions fit.';
comment on column public.session_bookings.ends_at is
  'End instant, exclusive; always starts_at + duration_minutes.';
comment on column public.session_bookings.duration_minutes is
  '30 to 240 in steps of 30, equal to ends_at - starts_at (checked).';
comment on column public.session_bookings.status is
  'Lifecycle state, changed only by the RPCs, each change in session_status_history. Every status but CANCELLED holds the slot.';
comment on column public.session_bookings.credits_used is
  'Credits debited at booking (the price then); a cancellation refunds from this, never from today''s price.';
comment on column public.session_bookings.rating is
  '1–5, given once after completion by the student or a parent; rated_at and rated_by are set with it.';
comment on column public.session_bookings.rated_by is 'Who gave the rating (the student or a parent).';
comment on column public.session_bookings.coach_notes is
  'Written by the coach (at completion or later); visible to whoever may see the session.';
comment on column public.session_bookings.student_notes is
  'Written by the student; visible to whoever may see the session.';
comment on column public.session_bookings.meeting_url is
  'Video room of an ONLINE session (required then); every seat of a group slot shares one.';
comment on column public.session_bookings.location is 'Where an IN_PERSON session takes place.';
comment on column public.session_bookings.cancelled_at is
  'Set exactly when status is CANCELLED (checked), with cancelled_by and cancellation_reason.';
comment on column public.session_bookings.idempotency_key is
  'Client-chosen, unique per booked_by: a retried booking with the same key returns the first booking instead of a second one.';
comment on column public.session_bookings.confirmed_at is 'When the coach or staff confirmed the session.';
comment on column public.session_bookings.started_at is 'When the session was marked IN_PROGRESS.';
comment on column public.session_bookings.completed_at is 'When the session was marked COMPLETED.';

comment on table public.session_status_history is
  'Every status change of every session, written in the same transaction as the change; the booking itself is the row with from_status null.';
comment on column public.session_status_history.changed_by is 'Who made the change.';
comment on column public.session_status_history.notes is
  'The reason or note given with the change (a cancellation reason, a reschedule''s old time).';

-- --- credits -------------------------------------------------------------------
comment on table public.credit_accounts is
  'One balance per student, locked (update … where balance >= n) in the same transaction as each ledger row: a check on the ledger alone could not keep the sum non-negative.';
comment on column public.credit_accounts.balance is
  'Credits available now; always the sum of this student''s credit_transactions.amount.';

comment on table public.credit_transactions is
  'The credit ledger: one row per balance change, written only by the RPCs, never updated.';
comment on column public.credit_transactions.id is
  'Allocated while the student''s balance row is locked, so per student it follows the order of the changes: order a ledger by id, not created_at (a transaction''s start).';
comment on column public.credit_transactions.amount is
  'Signed: GRANT and REFUND positive, DEBIT negative, ADJUSTMENT either (checked).';
comment on column public.credit_transactions.balance_after is 'The balance right after this entry.';
comment on column public.credit_transactions.session_id is
  'The session a DEBIT or REFUND belongs to; null for grants and adjustments.';
comment on column public.credit_transactions.created_by is 'Who caused the entry (the RPC''s caller).';

-- --- notifications ---------------------------------------------------------------
comment on table public.session_notifications is
  'Transactional outbox: written in the same transaction as the change it announces; IN_APP rows are read in the app, the other methods are for a dispatcher to send.';
comment on column public.session_notifications.method is
  'Channel: IN_APP (shown in the app, read_at), or EMAIL / SMS / PUSH (sent by a dispatcher).';
comment on column public.session_notifications.status is
  'Delivery state: PENDING until sent (SENDING while a dispatcher holds it), SENT, FAILED after the last attempt, CANCELLED when moot.';
comment on column public.session_notifications.message is
  'Final text, times already rendered in the recipient''s zone when written.';
comment on column public.session_notifications.payload is
  'Machine-readable details for links and push: sessionId, startsAt, endsAt, coachId, studentId, title, plus per-event extras (e.g. refunded).';
comment on column public.session_notifications.attempts is 'Delivery attempts so far.';
comment on column public.session_notifications.last_error is 'Why the last attempt failed.';
comment on column public.session_notifications.next_attempt_at is
  'Earliest time a dispatcher may (re)try; a retry pushes it back.';
comment on column public.session_notifications.read_at is
  'When the recipient read an IN_APP notification (the only column they may update).';

comment on table public.session_reminders is
  'The three reminders of each session (24 h, 2 h, 30 min before), moved in place when the session moves and cancelled with it.';
comment on column public.session_reminders.due_at is 'starts_at minus the lead time of reminder_type.';
comment on column public.session_reminders.status is
  'PENDING until sent; CANCELLED when the session is cancelled or when the time had already passed at booking (reason in last_error).';
comment on column public.session_reminders.last_error is
  'Why the last attempt failed, or why the reminder was cancelled.';

comment on table public.push_subscriptions is
  'Web Push subscriptions of a person''s browsers (PushSubscription.toJSON()).';
comment on column public.push_subscriptions.endpoint is 'The push service URL of this subscription.';
comment on column public.push_subscriptions.p256dh is 'The browser''s public key (base64url) to encrypt payloads.';
comment on column public.push_subscriptions.auth is 'The subscription''s authentication secret (base64url).';
comment on column public.push_subscriptions.last_used_at is 'Last successful push to it.';

-- --- settings -----------------------------------------------------------------------
comment on table public.app_settings is
  'Tunable business rules read by the RPCs and the app (one source per rule): key → JSON value.';
comment on column public.app_settings.value is 'The setting as JSON (a number for the current keys).';

-- --- policies ----------------------------------------------------------------------
-- Every table has RLS on and no policy means no access; writes to sessions and
-- credits have no policy at all (SECURITY DEFINER RPCs only).
comment on policy profiles_select on public.profiles is
  'Visible: yourself; every coach (families choose them); your children and your parents; the students and parents of a coach''s own sessions; everyone to staff.';
comment on policy profiles_update on public.profiles is
  'Your own profile, or any as staff; the column grant limits what (never role or email).';
comment on policy profiles_select_auth_admin on public.profiles is
  'Supabase Auth reads the role for the custom access token hook.';
comment on policy parent_students_select on public.parent_students is
  'A parent sees their links, a student theirs, staff all. No write policy: links are made by the sign-up and add-a-child workflows (service role).';
comment on policy subjects_select on public.subjects is 'The subject list is public, signed in or not.';
comment on policy coach_subjects_select on public.coach_subjects is
  'Qualifications are public to signed-in users (families pick a coach by subject).';
comment on policy coach_subjects_insert on public.coach_subjects is 'Only staff grant qualifications.';
comment on policy coach_subjects_delete on public.coach_subjects is 'Only staff remove qualifications.';
comment on policy coach_availability_select on public.coach_availability is
  'Every signed-in user reads availability: families need it to see free slots.';
comment on policy coach_availability_insert on public.coach_availability is
  'A coach adds their own rules (and must be a coach); staff add anyone''s.';
comment on policy coach_availability_update on public.coach_availability is
  'A coach edits their own rules and cannot hand them to someone else; staff edit anyone''s.';
comment on policy coach_availability_delete on public.coach_availability is
  'A coach deletes their own rules; staff anyone''s.';
comment on policy session_bookings_select on public.session_bookings is
  'A student sees their own sessions, a parent their children''s, a coach those they teach, staff all. No write policy: RPCs only.';
comment on policy session_status_history_select on public.session_status_history is
  'Follows the session''s own visibility (the subquery on session_bookings runs under its RLS).';
comment on policy credit_accounts_select on public.credit_accounts is
  'A student sees their balance, a parent their children''s, staff all. No write policy: RPCs only.';
comment on policy credit_transactions_select on public.credit_transactions is
  'A student sees their ledger, a parent their children''s, staff all. No write policy: RPCs only.';
comment on policy session_notifications_select on public.session_notifications is
  'The recipient sees their notifications; staff see all.';
comment on policy session_notifications_update on public.session_notifications is
  'The recipient marks their own notifications read (only read_at is granted).';
comment on policy session_reminders_select on public.session_reminders is
  'Follows the session''s own visibility (the subquery on session_bookings runs under its RLS).';
comment on policy push_subscriptions_select on public.push_subscriptions is 'Your own subscriptions only.';
comment on policy push_subscriptions_insert on public.push_subscriptions is
  'You subscribe your own browser only.';
comment on policy push_subscriptions_delete on public.push_subscriptions is
  'You remove your own subscriptions only.';
comment on policy app_settings_select on public.app_settings is
  'Every signed-in user reads the business rules (the app shows notice, horizon, refund window). No write policy: changed by a migration or the service role.';
