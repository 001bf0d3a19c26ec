-- =============================================================================
-- Sign-out ends every token of a session at once.
--
-- An access token is a signed JWT valid until its `exp`: on its own it cannot be taken back.
-- Each token names its sign-in session (`session_id`, as Supabase Auth's do), and every
-- request's transaction asks, in the same statement that sets its claims (so at no extra
-- round trip), whether that session still exists. Sign-out and refresh-token replay delete
-- the session row (GoTrue does the same on Supabase; the local identity adapter in
-- supabase/platform/platform.sql keeps the same auth.sessions table), and from then on
-- every token of that session is refused.
-- =============================================================================

-- Raises NB_SESSION_ENDED unless the caller's claims name a live session of the caller.
-- SECURITY DEFINER: auth.sessions is closed to the API roles (no grant), the owner reads it.
create or replace function private.assert_live_session() returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  claimed text := (select auth.jwt()) ->> 'session_id';
begin
  if claimed is null
    or claimed !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    or not exists (
      select 1 from auth.sessions s
      where s.id = claimed::uuid
        and s.user_id = (select auth.uid())
        and (s.not_after is null or s.not_after > now())
    )
  then
    raise exception 'NB_SESSION_ENDED: This sign-in session has ended; sign in again';
  end if;
end
$$;

comment on function private.assert_live_session() is
  'Called by the server at the start of each user transaction, right after the claims are set: refuses a token whose session was signed out or revoked.';

-- Supabase grants EXECUTE to anon and authenticated by name as well as to PUBLIC.
revoke all on function private.assert_live_session() from public, anon;
grant execute on function private.assert_live_session() to authenticated;
