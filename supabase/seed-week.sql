-- =============================================================================
-- Demo week (local mode only), loaded once after seed.sql: three more families and a
-- realistic week of sessions across the four demo coaches, RELATIVE TO NOW, so that
-- the assistant's board is alive on first start: one session in progress, some
-- today, one cancelled (refunded), one no-show, completed ones (rated or not), and
-- upcoming ones; an open credit request and one failed delivery to resend.
--
-- Consistent as if booked through the RPCs: every debit and refund in the ledger
-- (balances equal their ledger), the status history of each session, reminder marks
-- already due stored CANCELLED or SENT (the engine sends no stale reminder), and no
-- outbox event (nobody is emailed about bookings that "already happened").
--
-- The demo families of seed.sql (Martin, Durand) are left as they are: tests and
-- journeys rely on their sessions and balances. Coach maths has no session on a
-- Thursday or Friday and none near now, and today's sessions are NSI's and English's
-- (the coach journeys book and edit maths and lettres). A session
-- that would overlap one already in the database is skipped, so this file also loads
-- on a data dir that was used before. Loading it twice changes nothing.
-- =============================================================================

do $$
declare
  v_hash text;
  v_today date := (now() at time zone 'Europe/Paris')::date;
  -- The session in progress began at the last half hour at least 10 minutes ago.
  v_running timestamptz := date_bin('30 minutes', now() - interval '10 minutes',
    timestamptz '2000-01-01 00:00:00+00');
  v_s record;
  v_session public.session_bookings;
  v_balance integer;
  v_assistant constant uuid := '00000000-0000-4000-8000-000000000002';
begin
  if exists (select 1 from auth.users where id = '00000000-0000-4000-8000-000000000041') then
    return;
  end if;
  v_hash := extensions.crypt('nexus-demo', extensions.gen_salt('bf', 10));

  -- --- Three families ----------------------------------------------------------
  insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
  select u.id::uuid, u.email, v_hash, now(),
         jsonb_build_object('provider', 'email', 'role', u.role),
         jsonb_build_object('first_name', u.first_name, 'last_name', u.last_name, 'phone', u.phone)
  from (values
    ('00000000-0000-4000-8000-000000000041', 'parent.leroy@nexus.test',  'parent',  'Isabelle', 'Leroy',  '+33 6 98 76 54 41'),
    ('00000000-0000-4000-8000-000000000042', 'parent.garcia@nexus.test', 'parent',  'Marc',     'Garcia', '+33 6 98 76 54 42'),
    ('00000000-0000-4000-8000-000000000043', 'parent.nguyen@nexus.test', 'parent',  'Linh',     'Nguyen', null),
    ('00000000-0000-4000-8000-000000000051', 'eleve.chloe@nexus.test',   'student', 'Chloé',    'Leroy',  null),
    ('00000000-0000-4000-8000-000000000052', 'eleve.nathan@nexus.test',  'student', 'Nathan',   'Leroy',  null),
    ('00000000-0000-4000-8000-000000000053', 'eleve.ines@nexus.test',    'student', 'Inès',     'Garcia', null),
    ('00000000-0000-4000-8000-000000000054', 'eleve.tom@nexus.test',     'student', 'Tom',      'Nguyen', null)
  ) as u(id, email, role, first_name, last_name, phone);

  insert into public.parent_students (parent_id, student_id) values
    ('00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000051'),
    ('00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000052'),
    ('00000000-0000-4000-8000-000000000042', '00000000-0000-4000-8000-000000000053'),
    ('00000000-0000-4000-8000-000000000043', '00000000-0000-4000-8000-000000000054');

  -- Packs bought three weeks ago (the ledger's first entries).
  for v_s in
    select * from (values
      ('00000000-0000-4000-8000-000000000051'::uuid, 10, 'Pack 10 séances'),
      ('00000000-0000-4000-8000-000000000052'::uuid, 8, 'Pack 8 séances'),
      ('00000000-0000-4000-8000-000000000053'::uuid, 10, 'Pack 10 séances'),
      ('00000000-0000-4000-8000-000000000054'::uuid, 4, 'Pack découverte')
    ) as g(student_id, amount, reason)
  loop
    update public.credit_accounts a set balance = a.balance + v_s.amount, updated_at = now()
    where a.student_id = v_s.student_id returning a.balance into v_balance;
    insert into public.credit_transactions (student_id, kind, amount, balance_after, reason, created_by, created_at)
    values (v_s.student_id, 'GRANT', v_s.amount, v_balance, v_s.reason, v_assistant, now() - interval '21 days');
  end loop;

  -- --- The week's sessions, in the order they were booked -----------------------
  -- day: a date; at: Paris wall clock (null: the running session's start).
  for v_s in
    with w as (
      select * from (values
        -- Past: completed and rated, completed, a no-show.
        ('20000000-0000-4000-8000-000000000001', '011', '051', '041', 'MATHEMATIQUES', 'Équations du second degré',
         v_today - 1 - extract(dow from v_today)::int, '10:00', 60, 'COMPLETED', 4,
         'Bonne séance, Chloé est plus à l''aise.', 'Revoir la forme canonique.', null),
        ('20000000-0000-4000-8000-000000000002', '013', '054', '043', 'NSI', 'Parcours de graphes',
         v_today - 2 - (extract(dow from v_today - 2)::int + 2) % 7, '18:00', 60, 'COMPLETED', 5,
         'Tom a adoré, merci !', 'Très bon niveau en Python.', null),
        ('20000000-0000-4000-8000-000000000003', '012', '052', '041', 'FRANCAIS', 'Méthode de la dissertation',
         v_today - 2 - (extract(dow from v_today - 2)::int + 4) % 7, '14:00', 60, 'COMPLETED', null, null,
         'Plan clair, travailler les transitions.', null),
        ('20000000-0000-4000-8000-000000000004', '013', '054', '043', 'MATHEMATIQUES', 'Suites numériques',
         v_today - 1 - (extract(dow from v_today - 1)::int + 6) % 7, '19:00', 60, 'NO_SHOW', null, null, null,
         'Élève absent, pas de nouvelles de la famille'),
        -- Today (hours relative to the running session's start): completed and rated this
        -- morning, one in progress, one later.
        ('20000000-0000-4000-8000-000000000005', '013', '054', '043', 'NSI', 'Récursivité',
         null, '-03:00', 60, 'COMPLETED', 5, 'Clair et efficace.', 'Revoir les cas de base.', null),
        ('20000000-0000-4000-8000-000000000006', '014', '053', '042', 'ANGLAIS', 'Oral : présenter un document',
         null, '00:00', 90, 'IN_PROGRESS', null, null, null, null),
        ('20000000-0000-4000-8000-000000000007', '013', '052', '041', 'NSI', 'Programmation orientée objet',
         null, '+02:30', 60, 'CONFIRMED', null, null, null, null),
        -- Cancelled by the family days ahead: refunded by the policy.
        ('20000000-0000-4000-8000-000000000008', '014', '054', '043', 'ANGLAIS', 'Compréhension écrite',
         v_today + 2 + ((11 - extract(dow from v_today + 2)::int) % 7), '17:00', 60, 'CANCELLED', null, null, null, 'Voyage scolaire, nous reprogrammerons'),
        -- Upcoming (coach maths: Monday and Tuesday evenings, inside its hours).
        ('20000000-0000-4000-8000-000000000009', '011', '052', '041', 'MATHEMATIQUES', 'Probabilités conditionnelles',
         v_today + 2 + ((8 - extract(dow from v_today + 2)::int) % 7), '17:00', 60, 'SCHEDULED', null, null, null, null),
        ('20000000-0000-4000-8000-000000000010', '011', '053', '042', 'PHYSIQUE_CHIMIE', 'Cinétique chimique',
         v_today + 2 + ((9 - extract(dow from v_today + 2)::int) % 7), '18:00', 60, 'CONFIRMED', null, null, null, null),
        ('20000000-0000-4000-8000-000000000011', '012', '053', '042', 'PHILOSOPHIE', 'La conscience',
         v_today + 1 + ((13 - extract(dow from v_today + 1)::int) % 7), '10:00', 60, 'SCHEDULED', null, null, null, null),
        ('20000000-0000-4000-8000-000000000012', '012', '051', '041', 'FRANCAIS', 'Préparer l''oral du bac',
         v_today + 3 + ((10 - extract(dow from v_today + 3)::int) % 7), '14:00', 60, 'SCHEDULED', null, null, null, null),
        ('20000000-0000-4000-8000-000000000013', '013', '052', '041', 'NSI', 'Bases de données',
         v_today + 1 + ((7 - extract(dow from v_today + 1)::int) % 7), '10:00', 90, 'CONFIRMED', null, null, null, null),
        ('20000000-0000-4000-8000-000000000014', '014', '051', '041', 'ANGLAIS', 'Expression écrite',
         v_today + 1 + ((10 - extract(dow from v_today + 1)::int) % 7), '15:00', 60, 'SCHEDULED', null, null, null, null),
        ('20000000-0000-4000-8000-000000000015', '014', '052', '041', 'ANGLAIS', 'Listening practice',
         v_today + 1 + ((8 - extract(dow from v_today + 1)::int) % 7), '18:30', 60, 'SCHEDULED', null, null, null, null)
      ) as s(id, coach, student, parent, subject, title, day, at, minutes, status, rating, feedback, notes, reason)
    ), timed as (
      select w.*,
        case when w.day is null then v_running + w.at::interval
             else (w.day + w.at::time) at time zone 'Europe/Paris' end as starts_at
      from w
    )
    select t.*, least(t.starts_at - interval '3 days', now() - interval '2 hours') as booked_at
    from timed t
    order by booked_at, t.id
  loop
    begin
      insert into public.session_bookings (
        id, student_id, coach_id, parent_id, booked_by, subject_code, type, modality, title,
        starts_at, ends_at, duration_minutes, status, credits_used, meeting_url,
        confirmed_at, started_at, completed_at, cancelled_at, cancelled_by, cancellation_reason,
        rating, feedback, rated_at, rated_by, coach_notes, created_at
      ) values (
        v_s.id::uuid,
        ('00000000-0000-4000-8000-000000000' || v_s.student)::uuid,
        ('00000000-0000-4000-8000-000000000' || v_s.coach)::uuid,
        ('00000000-0000-4000-8000-000000000' || v_s.parent)::uuid,
        ('00000000-0000-4000-8000-000000000' || v_s.parent)::uuid,
        v_s.subject, 'INDIVIDUAL', 'ONLINE', v_s.title,
        v_s.starts_at, v_s.starts_at + make_interval(mins => v_s.minutes), v_s.minutes,
        v_s.status::public.session_status, (v_s.minutes + 59) / 60,
        'https://meet.jit.si/nexus-' || v_s.id,
        case when v_s.status in ('CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'NO_SHOW')
          then least(v_s.booked_at + interval '5 hours', now() - interval '1 hour') end,
        case when v_s.status in ('IN_PROGRESS', 'COMPLETED') then v_s.starts_at + interval '2 minutes' end,
        case when v_s.status = 'COMPLETED' then v_s.starts_at + make_interval(mins => v_s.minutes) end,
        case when v_s.status = 'CANCELLED' then now() - interval '1 hour' end,
        case when v_s.status = 'CANCELLED' then ('00000000-0000-4000-8000-000000000' || v_s.parent)::uuid end,
        case when v_s.status = 'CANCELLED' then v_s.reason end,
        v_s.rating, v_s.feedback,
        case when v_s.rating is not null then v_s.starts_at + make_interval(mins => v_s.minutes + 45) end,
        case when v_s.rating is not null then ('00000000-0000-4000-8000-000000000' || v_s.parent)::uuid end,
        v_s.notes, v_s.booked_at
      )
      on conflict (id) do nothing
      returning * into v_session;
    exception when exclusion_violation then
      v_session := null;
    end;
    continue when v_session.id is null;

    -- Today's sessions fall at any hour: their coach opened an extra slot for them that day
    -- (a specific-date rule), so every demo session lies inside its coach's availability.
    if v_s.day is null
       and (v_session.starts_at at time zone 'Europe/Paris')::date
         = (v_session.ends_at at time zone 'Europe/Paris' - interval '1 microsecond')::date then
      begin
        insert into public.coach_availability
          (coach_id, is_recurring, specific_date, start_time, end_time, is_available)
        values (v_session.coach_id, false, (v_session.starts_at at time zone 'Europe/Paris')::date,
          (v_session.starts_at at time zone 'Europe/Paris')::time,
          case when (v_session.ends_at at time zone 'Europe/Paris')::time = time '00:00' then time '24:00'
               else (v_session.ends_at at time zone 'Europe/Paris')::time end,
          true);
      exception when exclusion_violation then
        null;
      end;
    end if;

    -- The debit of the booking, and the refund of the cancellation.
    update public.credit_accounts a set balance = a.balance - v_session.credits_used, updated_at = now()
    where a.student_id = v_session.student_id returning a.balance into v_balance;
    insert into public.credit_transactions (student_id, kind, amount, balance_after, session_id, reason, created_by, created_at)
    values (v_session.student_id, 'DEBIT', -v_session.credits_used, v_balance, v_session.id,
      'Séance réservée : ' || v_session.title, v_session.booked_by, v_session.created_at);
    if v_session.status = 'CANCELLED' then
      update public.credit_accounts a set balance = a.balance + v_session.credits_used, updated_at = now()
      where a.student_id = v_session.student_id returning a.balance into v_balance;
      insert into public.credit_transactions (student_id, kind, amount, balance_after, session_id, reason, created_by, created_at)
      values (v_session.student_id, 'REFUND', v_session.credits_used, v_balance, v_session.id,
        'Annulation : ' || v_session.title, v_session.cancelled_by, v_session.cancelled_at);
    end if;

    -- Its history, as the RPCs write it.
    insert into public.session_status_history (session_id, from_status, to_status, changed_by, notes, created_at)
    select v_session.id, h.from_status::public.session_status, h.to_status::public.session_status,
      h.changed_by, h.notes, h.at
    from (values
      (1, null, 'SCHEDULED', v_session.booked_by, null, v_session.created_at),
      (2, 'SCHEDULED', 'CONFIRMED', v_session.coach_id, null, v_session.confirmed_at),
      (3, 'CONFIRMED', 'IN_PROGRESS', v_session.coach_id, null, v_session.started_at),
      (4, 'IN_PROGRESS', 'COMPLETED', v_session.coach_id, null, v_session.completed_at),
      (5, 'SCHEDULED', 'CANCELLED', v_session.cancelled_by, v_session.cancellation_reason, v_session.cancelled_at),
      (6, 'CONFIRMED', 'NO_SHOW', v_session.coach_id, v_s.reason,
        case when v_session.status = 'NO_SHOW' then v_session.starts_at + interval '20 minutes' end)
    ) as h(step, from_status, to_status, changed_by, notes, at)
    where h.at is not null
    order by h.step;

    -- Reminder marks: a live session's future marks wait (the engine sends them when due),
    -- a mark already due is CANCELLED; a past session's marks were sent, a cancelled one's not.
    if v_session.status in ('SCHEDULED', 'CONFIRMED', 'IN_PROGRESS') then
      perform private.schedule_reminders(v_session, 'due before the demo data was loaded');
    else
      insert into public.session_reminders (session_id, reminder_type, due_at, status, sent_at, attempts, last_error)
      select v_session.id, o.reminder_type, v_session.starts_at - o.lead_time,
        case when v_session.status = 'CANCELLED' and v_session.starts_at - o.lead_time > v_session.cancelled_at
          then 'CANCELLED'::public.delivery_status else 'SENT'::public.delivery_status end,
        case when v_session.status = 'CANCELLED' and v_session.starts_at - o.lead_time > v_session.cancelled_at
          then null else v_session.starts_at - o.lead_time end,
        case when v_session.status = 'CANCELLED' and v_session.starts_at - o.lead_time > v_session.cancelled_at
          then 0 else 1 end,
        case when v_session.status = 'CANCELLED' and v_session.starts_at - o.lead_time > v_session.cancelled_at
          then 'session cancelled' end
      from (values
        ('ONE_DAY_BEFORE'::public.reminder_type, interval '24 hours'),
        ('TWO_HOURS_BEFORE'::public.reminder_type, interval '2 hours'),
        ('THIRTY_MINUTES_BEFORE'::public.reminder_type, interval '30 minutes')
      ) as o (reminder_type, lead_time);
    end if;
  end loop;

  -- --- Something for the assistant to resolve ----------------------------------------
  -- Tom has one credit left: his parent asked for more.
  insert into public.credit_requests (student_id, requested_by, amount, message, created_at)
  values ('00000000-0000-4000-8000-000000000054', '00000000-0000-4000-8000-000000000043', 5,
    'Tom voudrait continuer la NSI avant le bac blanc.', now() - interval '3 hours')
  on conflict do nothing;

  -- A booking confirmation the parent's mail server refused: FAILED, ready to resend.
  insert into public.session_notifications
    (id, session_id, recipient_id, type, method, status, title, message, payload, attempts,
     last_error, next_attempt_at, locale, created_at)
  select '30000000-0000-4000-8000-000000000001', s.id, s.parent_id, 'SESSION_BOOKED', 'EMAIL', 'FAILED',
    'Nouvelle séance réservée',
    'Séance « ' || s.title || ' » réservée pour Inès avec Sophie Bernard.',
    jsonb_build_object('sessionId', s.id, 'link', '/sessions#session-' || s.id), 1,
    '550 5.2.2 mailbox full', s.created_at, 'fr', s.created_at
  from public.session_bookings s
  where s.id = '20000000-0000-4000-8000-000000000010'
  on conflict do nothing;
  insert into public.notification_attempts (notification_id, succeeded, error, attempted_at)
  select n.id, false, n.last_error, n.created_at + interval '2 seconds'
  from public.session_notifications n where n.id = '30000000-0000-4000-8000-000000000001';
end
$$;
