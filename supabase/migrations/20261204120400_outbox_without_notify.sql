-- The servers find new outbox events by looking at the pending index every 200 ms instead of
-- being told by NOTIFY: pg_notify takes a database-wide lock at commit and holds it through
-- the WAL flush, which serialised every booking's commit. The booking path now notifies nobody.
drop trigger notification_events_announce on public.notification_events;
drop function private.announce_notification_events();
