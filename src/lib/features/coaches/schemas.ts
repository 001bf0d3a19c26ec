import { z } from 'zod';
import { SubjectCodeSchema } from '$lib/core/schemas';

/** `GET /api/coaches?subject=…` */
export const CoachDirectoryQuerySchema = z.strictObject({ subject: SubjectCodeSchema });
