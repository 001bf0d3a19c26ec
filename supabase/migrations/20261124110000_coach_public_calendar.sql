-- =============================================================================
-- What families may know of every coach, without seeing other families'
-- sessions: the bare time ranges a coach is busy (to offer only free slots)
-- and rating aggregates (to choose a coach). RLS hides the sessions
-- themselves; these SECURITY DEFINER functions expose only those facts, so
-- the server can stay on the user's path (withUser) for discovery too.
-- =============================================================================

-- Busy ranges of live sessions (anything not cancelled) of the given coaches
-- overlapping [p_from, p_to). No ids, students, subjects or titles leave.
-- Bounded to 100 days per call.
create function public.coach_busy_intervals(
  p_coach_ids uuid[], p_from timestamptz, p_to timestamptz
) returns table (coach_id uuid, starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception 'NB_UNAUTHENTICATED: sign in first';
  end if;
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > interval '100 days'
     or coalesce(array_length(p_coach_ids, 1), 0) > 200 then
    raise exception 'NB_VALIDATION: ask for at most 200 coaches over at most 100 days';
  end if;
  return query
    select b.coach_id, b.starts_at, b.ends_at
    from public.session_bookings b
    where b.coach_id = any (p_coach_ids)
      and b.status <> 'CANCELLED'
      and b.starts_at < p_to and b.ends_at > p_from
    order by b.coach_id, b.starts_at;
end
$$;

-- Average rating (2 decimals) and number of ratings per coach; coaches with no
-- rating yet come back with a null average and a zero count.
create function public.coach_rating_summaries(p_coach_ids uuid[])
returns table (coach_id uuid, average_rating double precision, rating_count integer)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception 'NB_UNAUTHENTICATED: sign in first';
  end if;
  return query
    select c.id,
      round(avg(b.rating)::numeric, 2)::double precision,
      count(b.rating)::integer
    from unnest(p_coach_ids) as c(id)
    left join public.session_bookings b on b.coach_id = c.id and b.rating is not null
    group by c.id;
end
$$;

revoke execute on function public.coach_busy_intervals(uuid[], timestamptz, timestamptz),
  public.coach_rating_summaries(uuid[]) from public, anon;
grant execute on function public.coach_busy_intervals(uuid[], timestamptz, timestamptz),
  public.coach_rating_summaries(uuid[]) to authenticated, service_role;
