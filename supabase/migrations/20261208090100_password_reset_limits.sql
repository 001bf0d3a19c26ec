-- =============================================================================
-- Limits on password-reset mail (the embedded identity's "forgot password"):
-- per account, so nobody can flood someone's inbox, and per client address.
-- Same mechanism as the sign-in limits (private.rate_limit_take).
-- =============================================================================

insert into public.app_settings (key, value, description) values
  ('rate_limit_reset_account', '{"limit": 3, "window_seconds": 3600}',
   'Password-reset mails per account in the window (asked for an unknown address: counted the same)'),
  ('rate_limit_reset_ip', '{"limit": 20, "window_seconds": 3600}',
   'Password-reset requests and failed reset-link uses per client address (IPv6: per /64) in the window')
on conflict (key) do nothing;
