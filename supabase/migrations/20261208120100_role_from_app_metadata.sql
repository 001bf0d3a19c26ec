-- =============================================================================
-- A profile's role follows a later change of the account's app-metadata role.
--
-- private.handle_new_auth_user gives a new account its profile when auth.users gets the row,
-- with the role from raw_app_meta_data (default parent). The local identity writes the role in
-- that insert. GoTrue does not: its admin API (POST /admin/users, how a parent's child account
-- is made with the Supabase Auth adapter) inserts the user with {provider, providers} only and
-- writes the requested app_metadata in a second statement of the same transaction
-- (internal/api/admin.go, adminUserCreate), so a child got a parent's profile. Only the
-- service role and admins can write app metadata, never the person: the role stays theirs.
-- =============================================================================

create or replace function private.sync_role_from_app_metadata() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- profiles_open_credit_account fires on this update: a new student gets their account.
  update public.profiles p
  set role = (new.raw_app_meta_data ->> 'role')::public.user_role
  where p.id = new.id
    and p.role is distinct from (new.raw_app_meta_data ->> 'role')::public.user_role;
  return new;
end
$$;

comment on function private.sync_role_from_app_metadata() is
  'Trigger on auth.users: a change of raw_app_meta_data.role (service role or admin only) becomes the profile''s role.';

revoke all on function private.sync_role_from_app_metadata() from public, anon, authenticated;

-- GoTrue rewrites raw_app_meta_data at every sign-in (the providers list): only a change of
-- the role itself reaches the function.
create trigger on_auth_user_role_changed
  after update of raw_app_meta_data on auth.users
  for each row
  when (new.raw_app_meta_data ->> 'role' is not null
    and new.raw_app_meta_data ->> 'role' is distinct from old.raw_app_meta_data ->> 'role')
  execute function private.sync_role_from_app_metadata();
