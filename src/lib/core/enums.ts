/**
 * The database's enums, as generated into `database.types.ts` (drift-checked in CI): the one
 * source of every status, type and role name the TypeScript side uses.
 */
import { Constants, type Database } from './database.types';

type Enums = Database['public']['Enums'];

export const SESSION_STATUSES = Constants.public.Enums.session_status;
export type SessionStatus = Enums['session_status'];

export const SESSION_TYPES = Constants.public.Enums.session_type;
export type SessionType = Enums['session_type'];

export const SESSION_MODALITIES = Constants.public.Enums.session_modality;
export type SessionModality = Enums['session_modality'];

export const USER_ROLES = Constants.public.Enums.user_role;
export type UserRole = Enums['user_role'];

export const CREDIT_ENTRY_KINDS = Constants.public.Enums.credit_entry_kind;
export type CreditEntryKind = Enums['credit_entry_kind'];

export const NOTIFICATION_METHODS = Constants.public.Enums.notification_method;
export type NotificationMethod = Enums['notification_method'];

export const NOTIFICATION_TYPES = Constants.public.Enums.notification_type;
export type NotificationType = Enums['notification_type'];

export const REMINDER_TYPES = Constants.public.Enums.reminder_type;
export type ReminderType = Enums['reminder_type'];

export const DELIVERY_STATUSES = Constants.public.Enums.delivery_status;
export type DeliveryStatus = Enums['delivery_status'];

export const CREDIT_REQUEST_STATUSES = Constants.public.Enums.credit_request_status;
export type CreditRequestStatus = Enums['credit_request_status'];
