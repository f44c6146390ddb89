// The deployment's mode, from the environment: demo (npm run demo: loopback console on the embedded emulator,
// no sign-in) and read-only (the support desk: every change refused whatever the role).
const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/;

/** Demo mode: set by `npm run demo` (ENI_CONSOLE_DEMO=1), and only while the EC2 endpoint is on loopback. */
export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ENI_CONSOLE_DEMO === '1' && LOOPBACK.test(env.AWS_ENDPOINT_URL_EC2 ?? '');
}

export function isReadOnlyDeployment(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.ENI_CONSOLE_READ_ONLY ?? '');
}
