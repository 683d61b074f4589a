// The public surface of the API layer for the shells (electron, server, cli).
export {
  createApp,
  resolveDataDir,
  EventBus,
  type App,
  type CreateAppOptions,
  type CallContext,
  type Dispatch,
} from './create-app';
// Offline tools for IT (no app data involved): `dbt-coach keys generate-clinic` and `models bundle`.
export { generateClinicKeys, writeBundle, LlmError as ToolError } from '../llm/index';
