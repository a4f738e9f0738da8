/**
 * Impact simulation, pure core: replay contacts through a base and a head config and report what
 * changes (counts, rep load, pool shares, SLA moves, examples with traces), as text, Markdown or
 * JSON. Also the contact sources that need no I/O: JSON Lines lines and portal records as route
 * inputs. The CLI reads files, git and HubSpot, and passes what it read in.
 */
export * from "./types";
export { createSimulation, simulate, type Simulation } from "./simulate";
export { assignee, changedFields, COMPARED_FIELDS, fieldValue, TRANSITION_DIMENSIONS } from "./compare";
export { renderSimulationText } from "./render/text";
export { renderSimulationMarkdown, type SimulationMarkdownOptions } from "./render/markdown";
export {
  simulationBlocks,
  simulationDocumentBlocks,
  KIND_WORDS,
  type SimulationDocumentOptions,
} from "./render/document";
export { changedPools, changeKind, whyLine, type ChangeKind } from "./impact";
export { renderSimulationJson, simulationEnvelope, SIMULATION_SCHEMA } from "./render/json";
export { describeInput } from "./render/input-summary";
export { headline, type SimulationContext } from "./render/words";
export { routeInputFromLine, type InputLine } from "./input-line";
export {
  PORTAL_COMPANY_PROPERTIES,
  PORTAL_CONTACT_PROPERTIES,
  portalInstant,
  portalRouteInput,
  portalSampleNotes,
  readPortalSample,
  type PortalOwner,
  type PortalReader,
  type PortalRecord,
  type PortalSample,
} from "./portal-sample";
