-- =============================================================================
-- Notification types of the staff's issue-resolution tools (issue 10, part 4).
--
-- On their own: a new enum value cannot be used in the transaction that adds it,
-- and the runner applies each migration file in one transaction.
-- =============================================================================

-- A session handed to another coach: the family and the new coach are told.
alter type public.notification_type add value if not exists 'SESSION_REASSIGNED';
-- A family's request for credits that staff declined (a granted one is CREDITS_GRANTED).
alter type public.notification_type add value if not exists 'CREDIT_REQUEST_DECLINED';
