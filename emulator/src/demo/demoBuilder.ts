/**
 * Helpers that add demo records to a fresh StoreState with deterministic ids and timestamps.
 */
import { referenceIdFor, persistentIdFor } from '../store/ids.js';
import type {
  AccessLevel,
  DataSegment,
  DatasetRecord,
  OwnerRef,
  StoreState,
  TableRecord,
  VariableRecord,
  VersionRecord,
  WorkflowRecord,
} from '../store/model.js';
import { writeSegment } from '../store/segmentFiles.js';
import { schemaFor } from '../store/variables.js';
import { buildBatch, type CellValue } from './columnBuilder.js';
import { StatsAccumulator } from './statistics.js';

/** 2024-01-15T00:00:00Z: demo records are dated from here so output is stable. */
export const DEMO_EPOCH = Date.UTC(2024, 0, 15);
const DAY = 86_400_000;

export class DemoBuilder {
  private clock = 0;

  constructor(
    readonly state: StoreState,
    readonly dataDir: string,
  ) {}

  /** Monotonic deterministic timestamps (one day apart). */
  tick(): number {
    this.clock += 1;
    return DEMO_EPOCH + this.clock * DAY;
  }

  user(name: string, fullName: string): void {
    this.state.users[name] = {
      name,
      fullName,
      contactEmail: `${name}@example.org`,
      orcid: null,
      createdAt: this.tick(),
    };
  }

  organization(name: string, fullName: string, members: { userName: string; isAdmin: boolean }[]): void {
    const createdAt = this.tick();
    this.state.organizations[name] = {
      name,
      fullName,
      createdAt,
      members: members.map((m) => ({ ...m, status: 'approved', labels: [], createdAt })),
    };
  }

  dataset(
    owner: OwnerRef,
    name: string,
    opts: {
      publicAccessLevel: AccessLevel;
      access?: Record<string, AccessLevel>;
      description: string;
    } & Partial<DatasetRecord>,
  ): DatasetRecord {
    const seed = `dataset:${owner.name}.${name}`;
    const referenceId = referenceIdFor(seed);
    const createdAt = this.tick();
    const { access, ...rest } = opts;
    const dataset: DatasetRecord = {
      id: persistentIdFor(referenceId, seed),
      referenceId,
      owner,
      name,
      labels: [],
      access: access ?? {},
      createdAt,
      updatedAt: createdAt,
      temporalRange: null,
      temporalPrecision: null,
      geoBBox: null,
      sampleConfiguration: null,
      methodologyMarkdown: `## Methodology\n\n${rest.description}`,
      usageMarkdown: 'Cite as: Redivis emulator demo data.',
      contactInfo: 'data@example.org',
      links: [{ title: 'Redivis documentation', url: 'https://docs.redivis.com' }],
      doi: null,
      isDeleted: false,
      ...rest,
    };
    this.state.datasets[dataset.id] = dataset;
    return dataset;
  }

  version(dataset: DatasetRecord, tag: string, releaseNotes: string | null = null): VersionRecord {
    const at = this.tick();
    const released = tag !== 'next';
    const version: VersionRecord = {
      id: `${dataset.referenceId}-${tag.replace('.', '_')}`,
      datasetId: dataset.id,
      tag,
      label: null,
      releaseNotes,
      isReleased: released,
      isDeleted: false,
      createdAt: at,
      updatedAt: at,
      releasedAt: released ? at : null,
    };
    this.state.versions[version.id] = version;
    return version;
  }

  workflow(owner: OwnerRef, name: string, description: string): WorkflowRecord {
    const seed = `workflow:${owner.name}.${name}`;
    const referenceId = referenceIdFor(seed);
    const at = this.tick();
    const workflow: WorkflowRecord = {
      id: persistentIdFor(referenceId, seed),
      referenceId,
      owner,
      name,
      description,
      publicAccessLevel: 'none',
      access: {},
      createdAt: at,
      updatedAt: at,
    };
    this.state.workflows[workflow.id] = workflow;
    return workflow;
  }

  /** Writes rows as a segment, filling each variable's statistics from the values. */
  async segment(
    variables: VariableRecord[],
    columns: CellValue[][],
    uploadName?: string,
  ): Promise<DataSegment> {
    variables.forEach((v, i) => {
      const stats = new StatsAccumulator(v.type);
      stats.add(columns[i] ?? []);
      v.statistics = stats.result();
    });
    return writeSegment(this.dataDir, schemaFor(variables), [buildBatch(variables, columns)], uploadName);
  }

  table(
    container: TableRecord['container'],
    seedName: string,
    name: string,
    variables: VariableRecord[],
    segments: DataSegment[],
    extra: Partial<TableRecord> = {},
  ): TableRecord {
    const at = this.tick();
    const containerId = container.kind === 'dataset' ? container.versionId : container.workflowId;
    const table: TableRecord = {
      id: `${referenceIdFor(`table:${seedName}`)}-${containerId}`,
      referenceId: referenceIdFor(`table:${seedName}`),
      container,
      name,
      description: '',
      entityName: null,
      uploadMergeStrategy: 'append',
      isFileIndex: false,
      createdAt: at,
      updatedAt: at,
      variables: structuredClone(variables),
      segments,
      temporalRange: null,
      temporalPrecision: null,
      geoBBox: null,
      isDeleted: false,
      ...extra,
    };
    this.state.tables[table.id] = table;
    return table;
  }
}

export function variable(
  name: string,
  type: VariableRecord['type'],
  label: string | null,
  description: string | null = null,
  valueLabels: VariableRecord['valueLabels'] = [],
): VariableRecord {
  return { name, type, label, description, valueLabels, statistics: null };
}
