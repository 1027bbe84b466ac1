// The walkthrough ticks a step when its command runs from anywhere (the tree, the palette), not only from the
// step's own link: each step lists onCommand completion events, and they include the command its link runs.
import * as assert from 'assert';
import { readJson } from './sourceScan';

interface Step {
  id: string;
  description: string;
  completionEvents?: string[];
}
interface Manifest {
  contributes: { commands: { command: string }[]; walkthroughs: { steps: Step[] }[] };
}

const manifest = readJson<Manifest>('package.json');
const english = readJson<Record<string, string>>('package.nls.json');
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

describe('Walkthrough steps are ticked by their commands', () => {
  const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);

  it('every step completes on a contributed command', () => {
    for (const step of steps) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `step ${step.id} has completion events`);
      for (const event of events) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        assert.ok(command && commands.has(command), `step ${step.id}: ${event} names a contributed command`);
      }
    }
  });

  it("every step's link command is one of its completion events (the link still ticks it)", () => {
    for (const step of steps) {
      const description = english[step.description.replace(/^%|%$/g, '')] ?? step.description;
      for (const [, command] of description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(step.completionEvents?.includes(`onCommand:${command}`), `step ${step.id} completes on ${command}`);
      }
    }
  });
});
