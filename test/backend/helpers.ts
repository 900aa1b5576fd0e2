// Shared by the backend-conformance tests: how to start the shipped adapters and the test fixtures.
import { fileURLToPath } from 'node:url';
import { BIN } from '../cli/helpers.ts';

const path = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));

export const SELF_ADAPTER = (profile: string, parties = 2): string =>
  `"${process.execPath}" "${BIN}" self-adapter --profile ${profile} --parties ${parties}`;
export const DEFECTIVE = (...defects: string[]): string =>
  `python3 "${path('../../adapters/defective/defective_backend.py')}"${defects.map((d) => ` --defect ${d}`).join('')}`;
export const FAULTY = (fault: string, at = 0): string =>
  `python3 "${path('./fixtures/faulty_adapter.py')}" ${fault} ${at}`;
