/**
 * Fault injection: queued error answers that the RP port returns instead of doing its work, so
 * the portal's handling of BankID outages (503 maintenance, 500, 408, 429) can be exercised.
 * Each fault answers `times` matching calls and is then used up; faults are consumed in the
 * order they were added.
 */
import { z } from 'zod';

export const RP_ENDPOINTS = ['auth', 'sign', 'phone/auth', 'phone/sign', 'collect', 'cancel'] as const;
export type RpEndpoint = (typeof RP_ENDPOINTS)[number];

export const faultSchema = z
  .object({
    endpoint: z
      .string()
      .transform((e) => e.replace(/^\/+/, '').replace(/^rp\/v6\.0\//, ''))
      .refine((e) => e === '*' || (RP_ENDPOINTS as readonly string[]).includes(e), `endpoint must be "*" or one of ${RP_ENDPOINTS.join(', ')}`),
    status: z.number().int().min(400).max(599),
    errorCode: z.string().min(1).max(100),
    details: z.string().max(500).optional(),
    times: z.number().int().min(1).max(1000).default(1),
  })
  .strict();

export type Fault = z.infer<typeof faultSchema>;

export class FaultQueue {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** Consumes one use of the first fault matching this endpoint, if any. */
  take(endpoint: RpEndpoint): Fault | undefined {
    const fault = this.faults.find((f) => f.endpoint === '*' || f.endpoint === endpoint);
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}
