-- =============================================================================
-- Extensions and enumerated types shared by the whole domain.
-- =============================================================================

-- btree_gist lets one EXCLUDE constraint mix equality on ids with range overlap.
create extension if not exists btree_gist with schema extensions;
-- pgcrypto: gen_random_uuid() is core, but crypt()/gen_salt() hash demo passwords.
create extension if not exists pgcrypto with schema extensions;

-- Helper functions that policies call live here: not exposed through the API.
create schema if not exists private;
grant usage on schema private to authenticated, service_role;

create type public.user_role as enum ('student', 'parent', 'coach', 'assistant', 'admin');

create type public.session_status as enum (
  'SCHEDULED', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'NO_SHOW'
);

-- INDIVIDUAL: one student, one coach. GROUP: a coach runs it for several
-- students, each booking their own seat (priced per seat, see book_session).
create type public.session_type as enum ('INDIVIDUAL', 'GROUP');

create type public.session_modality as enum ('ONLINE', 'IN_PERSON');

create type public.credit_entry_kind as enum ('GRANT', 'DEBIT', 'REFUND', 'ADJUSTMENT');

create type public.notification_type as enum (
  'SESSION_BOOKED', 'SESSION_CONFIRMED', 'SESSION_STARTED', 'SESSION_COMPLETED',
  'SESSION_CANCELLED', 'SESSION_NO_SHOW', 'SESSION_RESCHEDULED', 'SESSION_REMINDER',
  'FEEDBACK_REQUESTED', 'CREDITS_GRANTED'
);

create type public.notification_method as enum ('EMAIL', 'SMS', 'IN_APP', 'PUSH');

create type public.delivery_status as enum ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

create type public.reminder_type as enum (
  'ONE_DAY_BEFORE', 'TWO_HOURS_BEFORE', 'THIRTY_MINUTES_BEFORE'
);
