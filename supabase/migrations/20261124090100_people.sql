-- =============================================================================
-- People: profiles (one per auth user), families, subjects and qualifications.
-- =============================================================================

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role public.user_role not null,
  first_name text not null check (length(trim(first_name)) between 1 and 80),
  last_name text not null check (length(trim(last_name)) between 1 and 80),
  -- Copied from auth.users so that RLS-scoped reads never need auth.users.
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or phone ~ '^\+?[0-9 .()-]{6,20}$'),
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  time_zone text not null default 'Europe/Paris'
    check (length(time_zone) between 3 and 64),
  bio text check (bio is null or length(bio) <= 2000),
  avatar_url text check (avatar_url is null or avatar_url ~ '^https://'),
  -- Contact preferences: which channels this person wants (in-app always on).
  notify_email boolean not null default true,
  notify_sms boolean not null default false,
  notify_push boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'One row per person; role decides what RLS lets them see.';
create index profiles_role_idx on public.profiles (role);

-- A parent may follow several children; a child may have two parents.
create table public.parent_students (
  parent_id uuid not null references public.profiles (id) on delete cascade,
  student_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (parent_id, student_id),
  check (parent_id <> student_id)
);
create index parent_students_student_id_idx on public.parent_students (student_id);

create table public.subjects (
  code text primary key check (code ~ '^[A-Z_]{2,40}$'),
  name_fr text not null,
  name_en text not null,
  sort_order smallint not null default 0
);

insert into public.subjects (code, name_fr, name_en, sort_order) values
  ('MATHEMATIQUES', 'Mathématiques', 'Mathematics', 1),
  ('PHYSIQUE_CHIMIE', 'Physique-chimie', 'Physics & chemistry', 2),
  ('SVT', 'SVT', 'Life & earth sciences', 3),
  ('NSI', 'NSI', 'Computer science', 4),
  ('FRANCAIS', 'Français', 'French', 5),
  ('PHILOSOPHIE', 'Philosophie', 'Philosophy', 6),
  ('ANGLAIS', 'Anglais', 'English', 7),
  ('HISTOIRE_GEO', 'Histoire-géographie', 'History & geography', 8),
  ('SES', 'SES', 'Economics & social sciences', 9);

create table public.coach_subjects (
  coach_id uuid not null references public.profiles (id) on delete cascade,
  subject_code text not null references public.subjects (code) on update cascade,
  created_at timestamptz not null default now(),
  primary key (coach_id, subject_code)
);
create index coach_subjects_subject_code_idx on public.coach_subjects (subject_code);

-- --- Helpers used by policies ------------------------------------------------
-- SECURITY DEFINER so that a policy on table A can consult table B without
-- recursing through B's own policies; each reads only the caller's own rows.

create or replace function private.current_user_role() returns public.user_role
language sql stable security definer set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid())
$$;

create or replace function private.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select p.role in ('assistant', 'admin') from public.profiles p where p.id = (select auth.uid())),
    false
  )
$$;

-- The students the caller answers for: themself (if a student) and their children.
create or replace function private.my_student_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select (select auth.uid())
  union
  select ps.student_id from public.parent_students ps where ps.parent_id = (select auth.uid())
$$;

revoke all on function private.current_user_role(), private.is_staff(), private.my_student_ids()
  from public;
grant execute on function private.current_user_role(), private.is_staff(), private.my_student_ids()
  to authenticated, service_role;

-- --- New auth users get a profile -------------------------------------------
-- The role comes from app metadata (only the server or an admin can set it);
-- anyone who signs up on their own is a parent (family self-registration).
create or replace function private.handle_new_auth_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_role public.user_role := coalesce((new.raw_app_meta_data ->> 'role')::public.user_role, 'parent');
begin
  insert into public.profiles (id, role, first_name, last_name, email, phone, locale, time_zone)
  values (
    new.id,
    v_role,
    coalesce(nullif(trim(new.raw_user_meta_data ->> 'first_name'), ''), split_part(new.email, '@', 1)),
    coalesce(nullif(trim(new.raw_user_meta_data ->> 'last_name'), ''), '-'),
    new.email,
    nullif(trim(new.raw_user_meta_data ->> 'phone'), ''),
    coalesce(nullif(new.raw_user_meta_data ->> 'locale', ''), 'fr'),
    coalesce(nullif(new.raw_user_meta_data ->> 'time_zone', ''), 'Europe/Paris')
  );
  return new;
end
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_auth_user();

-- Supabase Auth "custom access token" hook: puts the app role into the JWT as
-- user_role, the same claim the local identity adapter issues.
create or replace function public.custom_access_token_hook(event jsonb) returns jsonb
language plpgsql stable set search_path = ''
as $$
declare
  v_claims jsonb := event -> 'claims';
  v_role public.user_role;
begin
  select p.role into v_role from public.profiles p where p.id = (event ->> 'user_id')::uuid;
  if v_role is not null then
    v_claims := jsonb_set(v_claims, '{user_role}', to_jsonb(v_role));
  end if;
  return jsonb_set(event, '{claims}', v_claims);
end
$$;
revoke execute on function public.custom_access_token_hook(jsonb) from public, anon, authenticated;
grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin;
grant usage on schema public to supabase_auth_admin;
grant select on public.profiles to supabase_auth_admin;
