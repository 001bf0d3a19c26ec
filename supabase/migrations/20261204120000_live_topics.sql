-- Who may listen to a live topic: ONE function, used by the RLS policy Supabase Realtime
-- applies to private channels (realtime.messages) and by the embedded SSE endpoint
-- (src/routes/api/live), so both homes answer the same question the same way.
--
-- Topics:
--   staff:sessions   every session, credit and delivery change: staff only
--   user:<uuid>      one person's own sessions, credits and in-app notifications: that person
--   coach:<uuid>     one coach's sessions and availability: that coach
--   slots:<uuid>     a coach's busy intervals changed (no names, no ids): anyone signed in,
--                    as the booking wizard shows that coach's free slots to any family
-- Staff may listen to every topic. Anything else, or a malformed topic, is refused.
create function public.can_listen(p_topic text)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case
    when (select auth.uid()) is null or p_topic is null then false
    when p_topic = 'staff:sessions' then private.is_staff()
    when p_topic ~ '^(user|coach|slots):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      case split_part(p_topic, ':', 1)
        when 'slots' then true
        else split_part(p_topic, ':', 2)::uuid = (select auth.uid()) or private.is_staff()
      end
    else false
  end
$$;
comment on function public.can_listen(text) is
  'Whether the caller may receive the live topic: the single rule behind the realtime.messages policy and the SSE endpoint.';
revoke execute on function public.can_listen(text) from public;
grant execute on function public.can_listen(text) to authenticated, service_role;

-- Supabase Realtime checks this policy when a client joins a private channel (the topic is
-- realtime.topic()); the embedded table carries the same policy, so a test can ask it as
-- each role in SQL.
create policy live_topics_listen on realtime.messages
  for select to authenticated
  using (extension = 'broadcast' and public.can_listen((select realtime.topic())));
