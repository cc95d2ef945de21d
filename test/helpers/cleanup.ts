// Set up before every test file (vitest.config.ts): the temporary folders its tests made go once
// they have all run, so that running the tests leaves nothing behind.
import { afterAll } from "vitest";
import { removeTempDirs } from "./run.ts";

afterAll(removeTempDirs);
