-- =============================================================================
-- Limits on sign-in links ("email me a sign-in link", both identity adapters): per
-- account, so nobody can flood someone's inbox, and per client address, which also
-- counts failed uses of a link. Same mechanism and figures as the password-reset
-- limits (20261208090100); separate buckets, so asking for one never spends the other.
-- =============================================================================

insert into public.app_settings (key, value, description) values
  ('rate_limit_magic_link_account', '{"limit": 3, "window_seconds": 3600}',
   'Sign-in-link mails per account in the window (asked for an unknown address: counted the same)'),
  ('rate_limit_magic_link_ip', '{"limit": 20, "window_seconds": 3600}',
   'Sign-in-link requests and failed sign-in-link uses per client address (IPv6: per /64) in the window')
on conflict (key) do nothing;
