/** Entry of a Node worker thread of the engine pool (bundled as dist-cli/trialThread.mjs). */
import { parentPort } from "node:worker_threads";
import type { ThreadRequest } from "../protocol.js";
import { trialThread } from "../trialThread.js";

const port = parentPort;
if (port) {
  const handle = trialThread((reply, transfer) => port.postMessage(reply, transfer));
  port.on("message", (request: ThreadRequest) => handle(request));
}
