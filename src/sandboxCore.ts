// Entry of the sandbox bundle (dist/sandbox-core.js), loaded by dist/core.js only when the sandbox is opened:
// a signed-in user never loads the emulator.
export { startSandbox } from './sandbox/index';
