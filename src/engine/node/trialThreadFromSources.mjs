// The worker-thread entry when ParkPlan runs from its TypeScript sources (tests, tsx, the CLI's dev
// fallback): Node 20 cannot start a worker on a .ts file even with tsx in execArgv, so this plain module
// registers tsx first and then loads the real entry.
import { register } from "tsx/esm/api";

register();
await import("./trialThread.ts");
