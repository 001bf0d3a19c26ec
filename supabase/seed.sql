-- =============================================================================
-- Demo data (local mode only): every account's password is `nexus-demo`.
-- Loaded once on a fresh database by the runner (supabase_migrations.seed_files).
-- Times are relative to the day it runs, wall-clock Europe/Paris.
-- =============================================================================

do $$
declare
  v_hash text := extensions.crypt('nexus-demo', extensions.gen_salt('bf', 10));
begin
  insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
  select u.id::uuid, u.email, v_hash, now(),
         jsonb_build_object('provider', 'email', 'role', u.role),
         jsonb_build_object('first_name', u.first_name, 'last_name', u.last_name, 'phone', u.phone)
  from (values
    ('00000000-0000-4000-8000-000000000001', 'admin@nexus.test',          'admin',     'Alice',    'Admin',   '+33 1 84 60 00 01'),
    ('00000000-0000-4000-8000-000000000002', 'assistant@nexus.test',      'assistant', 'Claire',   'Petit',   '+33 1 84 60 00 02'),
    ('00000000-0000-4000-8000-000000000011', 'coach.maths@nexus.test',    'coach',     'Sophie',   'Bernard', '+33 6 12 34 56 11'),
    ('00000000-0000-4000-8000-000000000012', 'coach.lettres@nexus.test',  'coach',     'Julien',   'Moreau',  '+33 6 12 34 56 12'),
    ('00000000-0000-4000-8000-000000000013', 'coach.nsi@nexus.test',      'coach',     'Karim',    'Haddad',  '+33 6 12 34 56 13'),
    ('00000000-0000-4000-8000-000000000014', 'coach.anglais@nexus.test',  'coach',     'Emily',    'Carter',  '+33 6 12 34 56 14'),
    ('00000000-0000-4000-8000-000000000021', 'parent.martin@nexus.test',  'parent',    'Nathalie', 'Martin',  '+33 6 98 76 54 21'),
    ('00000000-0000-4000-8000-000000000022', 'parent.durand@nexus.test',  'parent',    'Olivier',  'Durand',  '+33 6 98 76 54 22'),
    ('00000000-0000-4000-8000-000000000031', 'eleve.lucas@nexus.test',    'student',   'Lucas',    'Martin',  null),
    ('00000000-0000-4000-8000-000000000032', 'eleve.emma@nexus.test',     'student',   'Emma',     'Martin',  null),
    ('00000000-0000-4000-8000-000000000033', 'eleve.hugo@nexus.test',     'student',   'Hugo',     'Durand',  null)
  ) as u(id, email, role, first_name, last_name, phone);
end
$$;

update public.profiles set bio = b.bio
from (values
  ('00000000-0000-4000-8000-000000000011'::uuid, 'Agrégée de mathématiques, 12 ans d''expérience du collège à la prépa.'),
  ('00000000-0000-4000-8000-000000000012'::uuid, 'Professeur certifié de lettres, spécialiste du bac de français et de la philosophie.'),
  ('00000000-0000-4000-8000-000000000013'::uuid, 'Ingénieur logiciel, prépare à la spécialité NSI et aux maths appliquées.'),
  ('00000000-0000-4000-8000-000000000014'::uuid, 'Native speaker, certified teacher (CELTA), oral and written exam prep.')
) as b(id, bio)
where profiles.id = b.id;

insert into public.parent_students (parent_id, student_id) values
  ('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000031'),
  ('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000032'),
  ('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-000000000033');

insert into public.coach_subjects (coach_id, subject_code) values
  ('00000000-0000-4000-8000-000000000011', 'MATHEMATIQUES'),
  ('00000000-0000-4000-8000-000000000011', 'PHYSIQUE_CHIMIE'),
  ('00000000-0000-4000-8000-000000000012', 'FRANCAIS'),
  ('00000000-0000-4000-8000-000000000012', 'PHILOSOPHIE'),
  ('00000000-0000-4000-8000-000000000013', 'NSI'),
  ('00000000-0000-4000-8000-000000000013', 'MATHEMATIQUES'),
  ('00000000-0000-4000-8000-000000000014', 'ANGLAIS');

-- Weekly schedules (0 = Sunday): after-school evenings, Wednesday and Saturday.
insert into public.coach_availability (coach_id, is_recurring, day_of_week, start_time, end_time)
select c.coach_id::uuid, true, c.dow, c.start_time::time, c.end_time::time
from (values
  ('00000000-0000-4000-8000-000000000011', 1, '17:00', '20:00'),
  ('00000000-0000-4000-8000-000000000011', 2, '17:00', '20:00'),
  ('00000000-0000-4000-8000-000000000011', 3, '14:00', '19:00'),
  ('00000000-0000-4000-8000-000000000011', 4, '17:00', '20:00'),
  ('00000000-0000-4000-8000-000000000011', 5, '17:00', '19:00'),
  ('00000000-0000-4000-8000-000000000011', 6, '09:00', '12:00'),
  ('00000000-0000-4000-8000-000000000012', 2, '16:00', '20:00'),
  ('00000000-0000-4000-8000-000000000012', 3, '13:30', '17:30'),
  ('00000000-0000-4000-8000-000000000012', 4, '16:00', '20:00'),
  ('00000000-0000-4000-8000-000000000012', 6, '10:00', '13:00'),
  ('00000000-0000-4000-8000-000000000012', 6, '14:00', '17:00'),
  ('00000000-0000-4000-8000-000000000013', 1, '18:00', '21:00'),
  ('00000000-0000-4000-8000-000000000013', 3, '14:00', '18:00'),
  ('00000000-0000-4000-8000-000000000013', 5, '18:00', '21:00'),
  ('00000000-0000-4000-8000-000000000013', 0, '10:00', '12:00'),
  ('00000000-0000-4000-8000-000000000014', 1, '16:30', '19:30'),
  ('00000000-0000-4000-8000-000000000014', 2, '16:30', '19:30'),
  ('00000000-0000-4000-8000-000000000014', 3, '14:00', '18:00'),
  ('00000000-0000-4000-8000-000000000014', 4, '16:30', '19:30'),
  ('00000000-0000-4000-8000-000000000014', 6, '09:00', '12:00')
) as c(coach_id, dow, start_time, end_time);

-- Past sessions, completed and rated, so that dashboards are not empty.
insert into public.session_bookings (
  id, student_id, coach_id, parent_id, booked_by, subject_code, modality, title, description,
  starts_at, ends_at, duration_minutes, status, credits_used, rating, feedback, rated_at, rated_by,
  coach_notes, meeting_url, confirmed_at, started_at, completed_at, created_at
)
select s.id::uuid, s.student::uuid, s.coach::uuid, s.parent::uuid, s.parent::uuid, s.subject, 'ONLINE',
       s.title, null,
       ((current_date - s.days_ago) + s.at::time) at time zone 'Europe/Paris',
       ((current_date - s.days_ago) + s.at::time + interval '1 hour') at time zone 'Europe/Paris',
       60, 'COMPLETED', 1, s.rating, s.feedback,
       ((current_date - s.days_ago) + s.at::time + interval '3 hours') at time zone 'Europe/Paris',
       s.parent::uuid, s.notes, 'https://meet.jit.si/nexus-' || s.id,
       ((current_date - s.days_ago - 2) + time '12:00') at time zone 'Europe/Paris',
       ((current_date - s.days_ago) + s.at::time) at time zone 'Europe/Paris',
       ((current_date - s.days_ago) + s.at::time + interval '1 hour') at time zone 'Europe/Paris',
       ((current_date - s.days_ago - 3) + time '20:00') at time zone 'Europe/Paris'
from (values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000031', '00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000021',
   'MATHEMATIQUES', 'Fonctions affines', 14, '17:00', 5, 'Très claire, Lucas a enfin compris !', 'Bonne progression, revoir les tableaux de signes.'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000031', '00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000021',
   'PHYSIQUE_CHIMIE', 'Réactions acido-basiques', 7, '18:00', 4, 'Séance utile avant le contrôle.', 'Méthode à consolider sur les équations.'),
  ('10000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000032', '00000000-0000-4000-8000-000000000012', '00000000-0000-4000-8000-000000000021',
   'FRANCAIS', 'Commentaire composé', 9, '16:00', 5, 'Emma a adoré la méthode.', 'Très bon plan, attention à la conclusion.'),
  ('10000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000033', '00000000-0000-4000-8000-000000000014', '00000000-0000-4000-8000-000000000022',
   'ANGLAIS', 'Oral practice', 5, '17:00', 4, 'Hugo gagne en confiance à l''oral.', 'Good fluency, work on past tenses.')
) as s(id, student, coach, parent, subject, title, days_ago, at, rating, feedback, notes);

insert into public.session_status_history (session_id, from_status, to_status, changed_by, notes, created_at)
select b.id, h.from_status::public.session_status, h.to_status::public.session_status, b.coach_id, null, h.at
from public.session_bookings b
cross join lateral (values
  (null, 'SCHEDULED', b.created_at),
  ('SCHEDULED', 'CONFIRMED', b.confirmed_at),
  ('CONFIRMED', 'IN_PROGRESS', b.started_at),
  ('IN_PROGRESS', 'COMPLETED', b.completed_at)
) as h(from_status, to_status, at);

-- Credits: a package each, minus the sessions above → Lucas 10, Emma 10, Hugo 2.
with entries(student, kind, amount, session_id, reason, days_ago) as (values
  ('00000000-0000-4000-8000-000000000031', 'GRANT', 12, null, 'Pack 12 séances', 20),
  ('00000000-0000-4000-8000-000000000031', 'DEBIT', -1, '10000000-0000-4000-8000-000000000001', 'Séance réservée', 17),
  ('00000000-0000-4000-8000-000000000031', 'DEBIT', -1, '10000000-0000-4000-8000-000000000002', 'Séance réservée', 10),
  ('00000000-0000-4000-8000-000000000032', 'GRANT', 11, null, 'Pack 11 séances', 20),
  ('00000000-0000-4000-8000-000000000032', 'DEBIT', -1, '10000000-0000-4000-8000-000000000003', 'Séance réservée', 12),
  ('00000000-0000-4000-8000-000000000033', 'GRANT', 3, null, 'Pack découverte', 15),
  ('00000000-0000-4000-8000-000000000033', 'DEBIT', -1, '10000000-0000-4000-8000-000000000004', 'Séance réservée', 8)
), running as (
  select e.*, sum(e.amount) over (partition by e.student order by e.days_ago desc, e.amount desc) as balance_after
  from entries e
)
insert into public.credit_transactions (student_id, kind, amount, balance_after, session_id, reason, created_by, created_at)
select student::uuid, kind::public.credit_entry_kind, amount, balance_after, session_id::uuid, reason,
       '00000000-0000-4000-8000-000000000002', now() - make_interval(days => days_ago)
from running;

update public.credit_accounts a set balance = t.total, updated_at = now()
from (select student_id, sum(amount)::int as total from public.credit_transactions group by student_id) t
where a.student_id = t.student_id;
