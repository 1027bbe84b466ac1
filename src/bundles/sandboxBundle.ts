// Entry of the sandbox bundle (dist/sandbox-bundle.js), loaded by dist/sdk-bundle.js only when the sandbox is opened:
// a signed-in user never loads the emulator.
export { startSandbox } from '../sandbox/index';
