// Activation timing written by test/host/activation-timing.test.ts (the CI runs host tests before the bench).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './repo';

export interface ActivationTiming {
  activatedInMs: number;
  firstTreeChildrenMs: number;
  measuredAt?: string;
  note?: string;
}

export const ACTIVATION_FILE = path.join(REPO, 'test-output', 'activation.json');

export function readActivation(): ActivationTiming | null {
  if (!fs.existsSync(ACTIVATION_FILE)) return null;
  const data: unknown = JSON.parse(fs.readFileSync(ACTIVATION_FILE, 'utf8'));
  const t = data as Partial<ActivationTiming>;
  if (typeof t.activatedInMs !== 'number' || typeof t.firstTreeChildrenMs !== 'number') return null;
  return {
    activatedInMs: t.activatedInMs,
    firstTreeChildrenMs: t.firstTreeChildrenMs,
    measuredAt: t.measuredAt,
    note: t.note,
  };
}
