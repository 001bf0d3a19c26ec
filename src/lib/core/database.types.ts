
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  
  "public": {
          Tables: {
            "app_settings": {
                  Row: {
                    "description": string | null,"key": string,"value": NonNullable<Json>
                  }
                  ComputedFields: never
                  Insert: {
                    "description"?: string | null,"key": string,"value": NonNullable<Json>
                  }
                  Update: {
                    "description"?: string | null,"key"?: string,"value"?: NonNullable<Json>
                  }
                  Relationships: [
                    
                  ]
                },"coach_availability": {
                  Row: {
                    "coach_id": string,"created_at": string,"day_of_week": number | null,"end_time": string,"id": string,"is_available": boolean,"is_recurring": boolean,"specific_date": string | null,"start_time": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "coach_id": string,"created_at"?: string,"day_of_week"?: number | null,"end_time": string,"id"?: string,"is_available"?: boolean,"is_recurring": boolean,"specific_date"?: string | null,"start_time": string,"updated_at"?: string
                  }
                  Update: {
                    "coach_id"?: string,"created_at"?: string,"day_of_week"?: number | null,"end_time"?: string,"id"?: string,"is_available"?: boolean,"is_recurring"?: boolean,"specific_date"?: string | null,"start_time"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "coach_availability_coach_id_fkey"
      columns: ["coach_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"coach_subjects": {
                  Row: {
                    "coach_id": string,"created_at": string,"subject_code": string
                  }
                  ComputedFields: never
                  Insert: {
                    "coach_id": string,"created_at"?: string,"subject_code": string
                  }
                  Update: {
                    "coach_id"?: string,"created_at"?: string,"subject_code"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "coach_subjects_coach_id_fkey"
      columns: ["coach_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "coach_subjects_subject_code_fkey"
      columns: ["subject_code"]
isOneToOne: false
      referencedRelation: "subjects"
      referencedColumns: ["code"]
    }
                  ]
                },"credit_accounts": {
                  Row: {
                    "balance": number,"student_id": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "balance"?: number,"student_id": string,"updated_at"?: string
                  }
                  Update: {
                    "balance"?: number,"student_id"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "credit_accounts_student_id_fkey"
      columns: ["student_id"]
isOneToOne: true
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"credit_requests": {
                  Row: {
                    "amount": number,"created_at": string,"decided_at": string | null,"decided_by": string | null,"decision_note": string | null,"granted_amount": number | null,"id": string,"message": string | null,"requested_by": string,"status": Database["public"]['Enums']["credit_request_status"],"student_id": string,"transaction_id": number | null
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"created_at"?: string,"decided_at"?: string | null,"decided_by"?: string | null,"decision_note"?: string | null,"granted_amount"?: number | null,"id"?: string,"message"?: string | null,"requested_by": string,"status"?: Database["public"]['Enums']["credit_request_status"],"student_id": string,"transaction_id"?: number | null
                  }
                  Update: {
                    "amount"?: number,"created_at"?: string,"decided_at"?: string | null,"decided_by"?: string | null,"decision_note"?: string | null,"granted_amount"?: number | null,"id"?: string,"message"?: string | null,"requested_by"?: string,"status"?: Database["public"]['Enums']["credit_request_status"],"student_id"?: string,"transaction_id"?: number | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "credit_requests_decided_by_fkey"
      columns: ["decided_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "credit_requests_requested_by_fkey"
      columns: ["requested_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "credit_requests_student_id_fkey"
      columns: ["student_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "credit_requests_transaction_id_fkey"
      columns: ["transaction_id"]
isOneToOne: false
      referencedRelation: "credit_transactions"
      referencedColumns: ["id"]
    }
                  ]
                },"credit_transactions": {
                  Row: {
                    "amount": number,"balance_after": number,"created_at": string,"created_by": string | null,"id": number,"kind": Database["public"]['Enums']["credit_entry_kind"],"reason": string | null,"session_id": string | null,"student_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "amount": number,"balance_after": number,"created_at"?: string,"created_by"?: string | null,"id"?: never,"kind": Database["public"]['Enums']["credit_entry_kind"],"reason"?: string | null,"session_id"?: string | null,"student_id": string
                  }
                  Update: {
                    "amount"?: number,"balance_after"?: number,"created_at"?: string,"created_by"?: string | null,"id"?: never,"kind"?: Database["public"]['Enums']["credit_entry_kind"],"reason"?: string | null,"session_id"?: string | null,"student_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "credit_transactions_created_by_fkey"
      columns: ["created_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "credit_transactions_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "credit_transactions_student_id_fkey"
      columns: ["student_id"]
isOneToOne: false
      referencedRelation: "credit_accounts"
      referencedColumns: ["student_id"]
    }
                  ]
                },"dev_mailbox": {
                  Row: {
                    "body": string,"id": number,"kind": string,"message_id": string | null,"raw": string | null,"received_at": string,"recipient": string,"subject": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "body": string,"id"?: never,"kind": string,"message_id"?: string | null,"raw"?: string | null,"received_at"?: string,"recipient": string,"subject"?: string | null
                  }
                  Update: {
                    "body"?: string,"id"?: never,"kind"?: string,"message_id"?: string | null,"raw"?: string | null,"received_at"?: string,"recipient"?: string,"subject"?: string | null
                  }
                  Relationships: [
                    
                  ]
                },"notification_attempts": {
                  Row: {
                    "attempted_at": string,"error": string | null,"id": number,"notification_id": string,"provider_id": string | null,"succeeded": boolean
                  }
                  ComputedFields: never
                  Insert: {
                    "attempted_at"?: string,"error"?: string | null,"id"?: never,"notification_id": string,"provider_id"?: string | null,"succeeded": boolean
                  }
                  Update: {
                    "attempted_at"?: string,"error"?: string | null,"id"?: never,"notification_id"?: string,"provider_id"?: string | null,"succeeded"?: boolean
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_attempts_notification_id_fkey"
      columns: ["notification_id"]
isOneToOne: false
      referencedRelation: "session_notifications"
      referencedColumns: ["id"]
    }
                  ]
                },"notification_events": {
                  Row: {
                    "actor_id": string | null,"data": NonNullable<Json>,"dispatched_at": string | null,"id": number,"occurred_at": string,"session_id": string | null,"type": Database["public"]['Enums']["notification_type"]
                  }
                  ComputedFields: never
                  Insert: {
                    "actor_id"?: string | null,"data"?: NonNullable<Json>,"dispatched_at"?: string | null,"id"?: never,"occurred_at"?: string,"session_id"?: string | null,"type": Database["public"]['Enums']["notification_type"]
                  }
                  Update: {
                    "actor_id"?: string | null,"data"?: NonNullable<Json>,"dispatched_at"?: string | null,"id"?: never,"occurred_at"?: string,"session_id"?: string | null,"type"?: Database["public"]['Enums']["notification_type"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_events_actor_id_fkey"
      columns: ["actor_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "notification_events_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    }
                  ]
                },"notification_preferences": {
                  Row: {
                    "enabled": boolean,"method": Database["public"]['Enums']["notification_method"],"type": Database["public"]['Enums']["notification_type"],"updated_at": string,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "enabled": boolean,"method": Database["public"]['Enums']["notification_method"],"type": Database["public"]['Enums']["notification_type"],"updated_at"?: string,"user_id": string
                  }
                  Update: {
                    "enabled"?: boolean,"method"?: Database["public"]['Enums']["notification_method"],"type"?: Database["public"]['Enums']["notification_type"],"updated_at"?: string,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "notification_preferences_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"parent_students": {
                  Row: {
                    "created_at": string,"parent_id": string,"student_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "created_at"?: string,"parent_id": string,"student_id": string
                  }
                  Update: {
                    "created_at"?: string,"parent_id"?: string,"student_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "parent_students_parent_id_fkey"
      columns: ["parent_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "parent_students_student_id_fkey"
      columns: ["student_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"profiles": {
                  Row: {
                    "avatar_url": string | null,"bio": string | null,"created_at": string,"email": string,"first_name": string,"id": string,"last_name": string,"locale": string,"notify_email": boolean,"notify_push": boolean,"notify_sms": boolean,"phone": string | null,"quiet_hours_end": string | null,"quiet_hours_start": string | null,"role": Database["public"]['Enums']["user_role"],"time_zone": string,"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "avatar_url"?: string | null,"bio"?: string | null,"created_at"?: string,"email": string,"first_name": string,"id": string,"last_name": string,"locale"?: string,"notify_email"?: boolean,"notify_push"?: boolean,"notify_sms"?: boolean,"phone"?: string | null,"quiet_hours_end"?: string | null,"quiet_hours_start"?: string | null,"role": Database["public"]['Enums']["user_role"],"time_zone"?: string,"updated_at"?: string
                  }
                  Update: {
                    "avatar_url"?: string | null,"bio"?: string | null,"created_at"?: string,"email"?: string,"first_name"?: string,"id"?: string,"last_name"?: string,"locale"?: string,"notify_email"?: boolean,"notify_push"?: boolean,"notify_sms"?: boolean,"phone"?: string | null,"quiet_hours_end"?: string | null,"quiet_hours_start"?: string | null,"role"?: Database["public"]['Enums']["user_role"],"time_zone"?: string,"updated_at"?: string
                  }
                  Relationships: [
                    
                  ]
                },"push_subscriptions": {
                  Row: {
                    "auth": string,"created_at": string,"endpoint": string,"id": string,"last_used_at": string | null,"p256dh": string,"user_agent": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "auth": string,"created_at"?: string,"endpoint": string,"id"?: string,"last_used_at"?: string | null,"p256dh": string,"user_agent"?: string | null,"user_id": string
                  }
                  Update: {
                    "auth"?: string,"created_at"?: string,"endpoint"?: string,"id"?: string,"last_used_at"?: string | null,"p256dh"?: string,"user_agent"?: string | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "push_subscriptions_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"session_bookings": {
                  Row: {
                    "booked_by": string,"cancellation_reason": string | null,"cancelled_at": string | null,"cancelled_by": string | null,"coach_id": string,"coach_notes": string | null,"completed_at": string | null,"confirmed_at": string | null,"created_at": string,"credits_used": number,"description": string | null,"duration_minutes": number,"ends_at": string,"feedback": string | null,"id": string,"idempotency_key": string | null,"location": string | null,"meeting_url": string | null,"modality": Database["public"]['Enums']["session_modality"],"parent_id": string | null,"rated_at": string | null,"rated_by": string | null,"rating": number | null,"seat_key": string,"started_at": string | null,"starts_at": string,"status": Database["public"]['Enums']["session_status"],"student_id": string,"student_notes": string | null,"subject_code": string,"title": string,"type": Database["public"]['Enums']["session_type"],"updated_at": string
                  }
                  ComputedFields: never
                  Insert: {
                    "booked_by": string,"cancellation_reason"?: string | null,"cancelled_at"?: string | null,"cancelled_by"?: string | null,"coach_id": string,"coach_notes"?: string | null,"completed_at"?: string | null,"confirmed_at"?: string | null,"created_at"?: string,"credits_used": number,"description"?: string | null,"duration_minutes": number,"ends_at": string,"feedback"?: string | null,"id"?: string,"idempotency_key"?: string | null,"location"?: string | null,"meeting_url"?: string | null,"modality"?: Database["public"]['Enums']["session_modality"],"parent_id"?: string | null,"rated_at"?: string | null,"rated_by"?: string | null,"rating"?: number | null,"seat_key": string,"started_at"?: string | null,"starts_at": string,"status"?: Database["public"]['Enums']["session_status"],"student_id": string,"student_notes"?: string | null,"subject_code": string,"title": string,"type"?: Database["public"]['Enums']["session_type"],"updated_at"?: string
                  }
                  Update: {
                    "booked_by"?: string,"cancellation_reason"?: string | null,"cancelled_at"?: string | null,"cancelled_by"?: string | null,"coach_id"?: string,"coach_notes"?: string | null,"completed_at"?: string | null,"confirmed_at"?: string | null,"created_at"?: string,"credits_used"?: number,"description"?: string | null,"duration_minutes"?: number,"ends_at"?: string,"feedback"?: string | null,"id"?: string,"idempotency_key"?: string | null,"location"?: string | null,"meeting_url"?: string | null,"modality"?: Database["public"]['Enums']["session_modality"],"parent_id"?: string | null,"rated_at"?: string | null,"rated_by"?: string | null,"rating"?: number | null,"seat_key"?: string,"started_at"?: string | null,"starts_at"?: string,"status"?: Database["public"]['Enums']["session_status"],"student_id"?: string,"student_notes"?: string | null,"subject_code"?: string,"title"?: string,"type"?: Database["public"]['Enums']["session_type"],"updated_at"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "session_bookings_booked_by_fkey"
      columns: ["booked_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_bookings_cancelled_by_fkey"
      columns: ["cancelled_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_bookings_coach_id_fkey"
      columns: ["coach_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_bookings_parent_id_fkey"
      columns: ["parent_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_bookings_rated_by_fkey"
      columns: ["rated_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_bookings_student_id_fkey"
      columns: ["student_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_bookings_subject_code_fkey"
      columns: ["subject_code"]
isOneToOne: false
      referencedRelation: "subjects"
      referencedColumns: ["code"]
    }
                  ]
                },"session_notifications": {
                  Row: {
                    "attempts": number,"created_at": string,"delivery_key": string | null,"due_at": string,"event_id": number | null,"id": string,"last_error": string | null,"locale": string | null,"message": string,"method": Database["public"]['Enums']["notification_method"],"next_attempt_at": string,"payload": NonNullable<Json>,"provider_id": string | null,"read_at": string | null,"recipient_id": string,"reminder_id": string | null,"resends": number,"sent_at": string | null,"session_id": string | null,"status": Database["public"]['Enums']["delivery_status"],"title": string,"type": Database["public"]['Enums']["notification_type"]
                  }
                  ComputedFields: never
                  Insert: {
                    "attempts"?: number,"created_at"?: string,"delivery_key"?: string | null,"due_at"?: string,"event_id"?: number | null,"id"?: string,"last_error"?: string | null,"locale"?: string | null,"message": string,"method": Database["public"]['Enums']["notification_method"],"next_attempt_at"?: string,"payload"?: NonNullable<Json>,"provider_id"?: string | null,"read_at"?: string | null,"recipient_id": string,"reminder_id"?: string | null,"resends"?: number,"sent_at"?: string | null,"session_id"?: string | null,"status"?: Database["public"]['Enums']["delivery_status"],"title": string,"type": Database["public"]['Enums']["notification_type"]
                  }
                  Update: {
                    "attempts"?: number,"created_at"?: string,"delivery_key"?: string | null,"due_at"?: string,"event_id"?: number | null,"id"?: string,"last_error"?: string | null,"locale"?: string | null,"message"?: string,"method"?: Database["public"]['Enums']["notification_method"],"next_attempt_at"?: string,"payload"?: NonNullable<Json>,"provider_id"?: string | null,"read_at"?: string | null,"recipient_id"?: string,"reminder_id"?: string | null,"resends"?: number,"sent_at"?: string | null,"session_id"?: string | null,"status"?: Database["public"]['Enums']["delivery_status"],"title"?: string,"type"?: Database["public"]['Enums']["notification_type"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "session_notifications_event_id_fkey"
      columns: ["event_id"]
isOneToOne: false
      referencedRelation: "notification_events"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_notifications_recipient_id_fkey"
      columns: ["recipient_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_notifications_reminder_id_fkey"
      columns: ["reminder_id"]
isOneToOne: false
      referencedRelation: "session_reminders"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_notifications_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    }
                  ]
                },"session_reminders": {
                  Row: {
                    "attempts": number,"created_at": string,"due_at": string,"id": string,"last_error": string | null,"reminder_type": Database["public"]['Enums']["reminder_type"],"sent_at": string | null,"session_id": string,"status": Database["public"]['Enums']["delivery_status"]
                  }
                  ComputedFields: never
                  Insert: {
                    "attempts"?: number,"created_at"?: string,"due_at": string,"id"?: string,"last_error"?: string | null,"reminder_type": Database["public"]['Enums']["reminder_type"],"sent_at"?: string | null,"session_id": string,"status"?: Database["public"]['Enums']["delivery_status"]
                  }
                  Update: {
                    "attempts"?: number,"created_at"?: string,"due_at"?: string,"id"?: string,"last_error"?: string | null,"reminder_type"?: Database["public"]['Enums']["reminder_type"],"sent_at"?: string | null,"session_id"?: string,"status"?: Database["public"]['Enums']["delivery_status"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "session_reminders_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    }
                  ]
                },"session_staff_notes": {
                  Row: {
                    "author_id": string,"body": string,"created_at": string,"id": string,"session_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "author_id"?: string,"body": string,"created_at"?: string,"id"?: string,"session_id": string
                  }
                  Update: {
                    "author_id"?: string,"body"?: string,"created_at"?: string,"id"?: string,"session_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "session_staff_notes_author_id_fkey"
      columns: ["author_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_staff_notes_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    }
                  ]
                },"session_status_history": {
                  Row: {
                    "changed_by": string | null,"created_at": string,"from_status": Database["public"]['Enums']["session_status"] | null,"id": number,"notes": string | null,"session_id": string,"to_status": Database["public"]['Enums']["session_status"]
                  }
                  ComputedFields: never
                  Insert: {
                    "changed_by"?: string | null,"created_at"?: string,"from_status"?: Database["public"]['Enums']["session_status"] | null,"id"?: never,"notes"?: string | null,"session_id": string,"to_status": Database["public"]['Enums']["session_status"]
                  }
                  Update: {
                    "changed_by"?: string | null,"created_at"?: string,"from_status"?: Database["public"]['Enums']["session_status"] | null,"id"?: never,"notes"?: string | null,"session_id"?: string,"to_status"?: Database["public"]['Enums']["session_status"]
                  }
                  Relationships: [
                    {
      foreignKeyName: "session_status_history_changed_by_fkey"
      columns: ["changed_by"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "session_status_history_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    }
                  ]
                },"staff_actions": {
                  Row: {
                    "action": string,"actor_id": string,"created_at": string,"details": NonNullable<Json>,"id": number,"notification_id": string | null,"reason": string | null,"session_id": string | null,"student_id": string | null
                  }
                  ComputedFields: never
                  Insert: {
                    "action": string,"actor_id": string,"created_at"?: string,"details"?: NonNullable<Json>,"id"?: never,"notification_id"?: string | null,"reason"?: string | null,"session_id"?: string | null,"student_id"?: string | null
                  }
                  Update: {
                    "action"?: string,"actor_id"?: string,"created_at"?: string,"details"?: NonNullable<Json>,"id"?: never,"notification_id"?: string | null,"reason"?: string | null,"session_id"?: string | null,"student_id"?: string | null
                  }
                  Relationships: [
                    {
      foreignKeyName: "staff_actions_actor_id_fkey"
      columns: ["actor_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "staff_actions_notification_id_fkey"
      columns: ["notification_id"]
isOneToOne: false
      referencedRelation: "session_notifications"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "staff_actions_session_id_fkey"
      columns: ["session_id"]
isOneToOne: false
      referencedRelation: "session_bookings"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "staff_actions_student_id_fkey"
      columns: ["student_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                },"subjects": {
                  Row: {
                    "code": string,"name_en": string,"name_fr": string,"sort_order": number
                  }
                  ComputedFields: never
                  Insert: {
                    "code": string,"name_en": string,"name_fr": string,"sort_order"?: number
                  }
                  Update: {
                    "code"?: string,"name_en"?: string,"name_fr"?: string,"sort_order"?: number
                  }
                  Relationships: [
                    
                  ]
                },"usage_events": {
                  Row: {
                    "coach_id": string | null,"id": number,"kind": Database["public"]['Enums']["usage_event_kind"],"occurred_at": string,"subject_code": string | null,"user_id": string
                  }
                  ComputedFields: never
                  Insert: {
                    "coach_id"?: string | null,"id"?: never,"kind": Database["public"]['Enums']["usage_event_kind"],"occurred_at"?: string,"subject_code"?: string | null,"user_id": string
                  }
                  Update: {
                    "coach_id"?: string | null,"id"?: never,"kind"?: Database["public"]['Enums']["usage_event_kind"],"occurred_at"?: string,"subject_code"?: string | null,"user_id"?: string
                  }
                  Relationships: [
                    {
      foreignKeyName: "usage_events_coach_id_fkey"
      columns: ["coach_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    },{
      foreignKeyName: "usage_events_subject_code_fkey"
      columns: ["subject_code"]
isOneToOne: false
      referencedRelation: "subjects"
      referencedColumns: ["code"]
    },{
      foreignKeyName: "usage_events_user_id_fkey"
      columns: ["user_id"]
isOneToOne: false
      referencedRelation: "profiles"
      referencedColumns: ["id"]
    }
                  ]
                }
          }
          Views: {
            [_ in never]: never
          }
          Functions: {
            "analytics_adoption":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "feature": string,"population": number,"users": number
            }[]
                           },
"analytics_bookings_per_day":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "booked": number,"day": string,"held": number
            }[]
                           },
"analytics_cancellations":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "by_whom": string,"outcome": Database["public"]['Enums']["session_status"],"refunded": boolean,"sessions": number,"total": number
            }[]
                           },
"analytics_cohorts":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "active": number,"cohort": string,"month_offset": number,"size": number
            }[]
                           },
"analytics_engagement":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "active_students": number,"month": string,"per_student": number,"sessions": number
            }[]
                           },
"analytics_funnel":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "families": number,"step": Database["public"]['Enums']["usage_event_kind"]
            }[]
                           },
"analytics_latest_feedback":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_limit"?: number,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "coach_name": string,"feedback": string,"rated_at": string,"rating": number,"session_id": string,"student_first_name": string,"subject_code": string
            }[]
                           },
"analytics_ratings":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "average": number,"coach_id": string,"coach_name": string,"completed": number,"rated": number,"response_rate": number,"stars": (number)[]
            }[]
                           },
"analytics_rebooking":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "rebooked": number,"share": number,"students": number
            }[]
                           },
"analytics_revenue":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "cents_per_session": number,"charged_sessions": number,"credit_price_cents": number,"credits_refunded": number,"credits_used": number,"dimension": string,"key": string,"label": string,"net_cents": number
            }[]
                           },
"analytics_utilisation":
{ Args: { "p_coach_id"?: string,"p_from": string,"p_subject"?: string,"p_to": string,"p_zone": string }; Returns: {
              "booked_minutes": number,"coach_id": string,"coach_name": string,"open_minutes": number,"utilisation": number
            }[]
                           },
"book_session":
{ Args: { "p_coach_id": string,"p_credits": number,"p_description"?: string,"p_duration_minutes": number,"p_idempotency_key"?: string,"p_modality"?: Database["public"]['Enums']["session_modality"],"p_starts_at": string,"p_student_id": string,"p_subject": string,"p_title": string,"p_type"?: Database["public"]['Enums']["session_type"] }; Returns: Json
                           },
"booking_policy":
{ Args: Record<PropertyKey, never>; Returns: Json
                           },
"can_listen":
{ Args: { "p_topic": string }; Returns: boolean
                           },
"cancellation_refund":
{ Args: { "p_session_id": string }; Returns: number
                           },
"coach_busy_intervals":
{ Args: { "p_coach_ids": (string)[],"p_from": string,"p_to": string }; Returns: {
              "coach_id": string,"ends_at": string,"starts_at": string
            }[]
                           },
"coach_rating_summaries":
{ Args: { "p_coach_ids": (string)[] }; Returns: {
              "average_rating": number,"coach_id": string,"rating_count": number
            }[]
                           },
"custom_access_token_hook":
{ Args: { "event": Json }; Returns: Json
                           },
"decide_credit_request":
{ Args: { "p_amount"?: number,"p_decision": string,"p_note"?: string,"p_request_id": string }; Returns: Json
                           },
"delivery_health":
{ Args: { "p_from": string,"p_to": string }; Returns: {
              "attempts": number,"cancelled": number,"channel": Database["public"]['Enums']["notification_method"],"failed": number,"failed_attempts": number,"in_flight": number,"latency_max_ms": number,"latency_p50_ms": number,"latency_p95_ms": number,"latency_p99_ms": number,"retried": number,"sent": number
            }[]
                           },
"grant_credits":
{ Args: { "p_amount": number,"p_reason": string,"p_student_id": string }; Returns: Json
                           },
"rate_session":
{ Args: { "p_feedback"?: string,"p_rating": number,"p_session_id": string }; Returns: Json
                           },
"reassign_candidates":
{ Args: { "p_session_id": string }; Returns: {
              "coach_id": string,"first_name": string,"last_name": string,"time_zone": string
            }[]
                           },
"reassign_session":
{ Args: { "p_coach_id": string,"p_reason": string,"p_session_id": string }; Returns: Json
                           },
"record_usage_event":
{ Args: { "p_coach_id"?: string,"p_kind": Database["public"]['Enums']["usage_event_kind"],"p_subject"?: string }; Returns: boolean
                           },
"reminder_lateness":
{ Args: { "p_from": string,"p_late_after"?: string,"p_to": string }; Returns: {
              "channel": Database["public"]['Enums']["notification_method"],"delivered": number,"late": number,"lateness_max_ms": number,"lateness_p50_ms": number,"lateness_p95_ms": number,"lateness_p99_ms": number,"overdue": number
            }[]
                           },
"replace_specific_availability":
{ Args: { "p_coach_id": string,"p_date": string,"p_slots": Json }; Returns: number
                           },
"replace_weekly_availability":
{ Args: { "p_coach_id": string,"p_days": (number)[],"p_slots": Json }; Returns: number
                           },
"request_credits":
{ Args: { "p_amount": number,"p_message"?: string,"p_student_id": string }; Returns: Json
                           },
"reschedule_session":
{ Args: { "p_new_starts_at": string,"p_reason"?: string,"p_session_id": string }; Returns: Json
                           },
"resend_notification":
{ Args: { "p_notification_id": string }; Returns: Json
                           },
"save_push_subscription":
{ Args: { "p_auth": string,"p_endpoint": string,"p_p256dh": string,"p_user_agent"?: string }; Returns: string
                           },
"seat_price":
{ Args: { "p_duration_minutes": number,"p_seats_taken": number,"p_type": Database["public"]['Enums']["session_type"] }; Returns: number
                           },
"session_price":
{ Args: { "p_duration_minutes": number,"p_type": Database["public"]['Enums']["session_type"] }; Returns: number
                           },
"set_session_notes":
{ Args: { "p_notes": string,"p_session_id": string }; Returns: Json
                           },
"staff_book_session":
{ Args: { "p_coach_id": string,"p_credits": number,"p_description"?: string,"p_duration_minutes": number,"p_idempotency_key"?: string,"p_modality"?: Database["public"]['Enums']["session_modality"],"p_reason": string,"p_starts_at": string,"p_student_id": string,"p_subject": string,"p_title": string,"p_type"?: Database["public"]['Enums']["session_type"] }; Returns: Json
                           },
"staff_cancel_session":
{ Args: { "p_reason": string,"p_refund": string,"p_session_id": string }; Returns: Json
                           },
"staff_reschedule_session":
{ Args: { "p_new_starts_at": string,"p_reason": string,"p_session_id": string }; Returns: Json
                           },
"transition_session":
{ Args: { "p_notes"?: string,"p_refund"?: boolean,"p_session_id": string,"p_to": Database["public"]['Enums']["session_status"] }; Returns: Json
                           }
          }
          Enums: {
            "credit_entry_kind": "GRANT"|"DEBIT"|"REFUND"|"ADJUSTMENT","credit_request_status": "OPEN"|"GRANTED"|"DECLINED","delivery_status": "PENDING"|"SENDING"|"SENT"|"FAILED"|"CANCELLED","notification_method": "EMAIL"|"SMS"|"IN_APP"|"PUSH","notification_type": "SESSION_BOOKED"|"SESSION_CONFIRMED"|"SESSION_STARTED"|"SESSION_COMPLETED"|"SESSION_CANCELLED"|"SESSION_NO_SHOW"|"SESSION_RESCHEDULED"|"SESSION_REMINDER"|"FEEDBACK_REQUESTED"|"CREDITS_GRANTED"|"SESSION_REASSIGNED"|"CREDIT_REQUEST_DECLINED","reminder_type": "ONE_DAY_BEFORE"|"TWO_HOURS_BEFORE"|"THIRTY_MINUTES_BEFORE","session_modality": "ONLINE"|"IN_PERSON","session_status": "SCHEDULED"|"CONFIRMED"|"IN_PROGRESS"|"COMPLETED"|"CANCELLED"|"NO_SHOW","session_type": "INDIVIDUAL"|"GROUP","usage_event_kind": "WIZARD_STARTED"|"COACH_CHOSEN"|"SLOT_CHOSEN"|"BOOKED"|"AVAILABILITY_BULK","user_role": "student"|"parent"|"coach"|"assistant"|"admin"
          }
          CompositeTypes: {
            [_ in never]: never
          }
        }
}

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
  ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
      Row: infer R
    }
    ? R
    : never
  : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Insert: infer I
    }
    ? I
    : never
  : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
  ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
      Update: infer U
    }
    ? U
    : never
  : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
  ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
  : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
  ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
  : never

export const Constants = {
  "public": {
          Enums: {
            "credit_entry_kind": ["GRANT", "DEBIT", "REFUND", "ADJUSTMENT"],"credit_request_status": ["OPEN", "GRANTED", "DECLINED"],"delivery_status": ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"],"notification_method": ["EMAIL", "SMS", "IN_APP", "PUSH"],"notification_type": ["SESSION_BOOKED", "SESSION_CONFIRMED", "SESSION_STARTED", "SESSION_COMPLETED", "SESSION_CANCELLED", "SESSION_NO_SHOW", "SESSION_RESCHEDULED", "SESSION_REMINDER", "FEEDBACK_REQUESTED", "CREDITS_GRANTED", "SESSION_REASSIGNED", "CREDIT_REQUEST_DECLINED"],"reminder_type": ["ONE_DAY_BEFORE", "TWO_HOURS_BEFORE", "THIRTY_MINUTES_BEFORE"],"session_modality": ["ONLINE", "IN_PERSON"],"session_status": ["SCHEDULED", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "NO_SHOW"],"session_type": ["INDIVIDUAL", "GROUP"],"usage_event_kind": ["WIZARD_STARTED", "COACH_CHOSEN", "SLOT_CHOSEN", "BOOKED", "AVAILABILITY_BULK"],"user_role": ["student", "parent", "coach", "assistant", "admin"]
          }
        }
} as const
