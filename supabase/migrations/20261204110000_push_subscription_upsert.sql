-- =============================================================================================
-- Web push: a browser subscribes (or re-subscribes) for the signed-in person
-- =============================================================================================
-- A browser has one push endpoint per app, unique across people (push_subscriptions.endpoint
-- is unique). When a second person signs in on the same browser (a family tablet) and turns
-- push on, the endpoint must move to them: the previous owner's row is invisible to the caller
-- under RLS, and authenticated has no UPDATE grant, so a plain insert fails and an
-- "on conflict do update" is refused. This function does it for the caller only.
--
-- Moving the row is safe: the endpoint is a capability URL that the push service hands only to
-- the browser that subscribed (with its own p256dh/auth keys); whoever presents it is on that
-- browser, and the last person to turn push on there is the one it notifies.

create function public.save_push_subscription(
  p_endpoint text,
  p_p256dh text,
  p_auth text,
  p_user_agent text default null
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_user uuid := (select auth.uid());
  v_id uuid;
begin
  if v_user is null then
    raise exception 'NB_UNAUTHENTICATED: sign in to subscribe to push';
  end if;
  if p_endpoint !~ '^https://' or length(p_endpoint) > 2048
     or p_p256dh !~ '^[A-Za-z0-9_-]{80,100}$' or p_auth !~ '^[A-Za-z0-9_-]{16,32}$' then
    raise exception 'NB_VALIDATION: not a web push subscription';
  end if;
  insert into public.push_subscriptions (user_id, endpoint, p256dh, auth, user_agent)
  values (v_user, p_endpoint, p_p256dh, p_auth, left(p_user_agent, 300))
  on conflict (endpoint) do update
    set user_id = excluded.user_id,
        p256dh = excluded.p256dh,
        auth = excluded.auth,
        user_agent = excluded.user_agent,
        -- A new owner or new keys: a new subscription as far as its history goes.
        created_at = case
          when public.push_subscriptions.user_id = excluded.user_id
           and public.push_subscriptions.p256dh = excluded.p256dh
          then public.push_subscriptions.created_at else now() end,
        last_used_at = case
          when public.push_subscriptions.user_id = excluded.user_id
          then public.push_subscriptions.last_used_at end
  returning id into v_id;
  return v_id;
end;
$$;

comment on function public.save_push_subscription(text, text, text, text) is
  'Subscribe this browser (PushSubscription.toJSON()) for the caller; an endpoint another person subscribed on the same browser moves to the caller.';

revoke all on function public.save_push_subscription(text, text, text, text) from public, anon;
grant execute on function public.save_push_subscription(text, text, text, text) to authenticated, service_role;
