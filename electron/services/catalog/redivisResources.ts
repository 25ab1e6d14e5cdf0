/**
 * Redivis resources as the REST API sends them (spec section 3), checked by the schemas of
 * `redivis/api/`. Most fields are optional because list and get answers carry different subsets
 * and older servers lack newer fields; `catalogMapping.ts` turns these into the contract models.
 */
import type { ApiDataset } from '../redivis/api/datasets';
import type { ApiOwner } from '../redivis/api/organizations';
import type { ApiTable } from '../redivis/api/tables';
import type { ApiUser } from '../redivis/api/users';
import type { ApiStatistics, ApiVariable } from '../redivis/api/variables';
import type { ApiVersion } from '../redivis/api/versions';
import type { ApiWorkflow } from '../redivis/api/workflows';

export type RawOwner = ApiOwner;
export type RawUser = ApiUser;
export type RawVersion = ApiVersion;
export type RawDataset = ApiDataset;
export type RawTable = ApiTable;
export type RawContainer = NonNullable<ApiTable['container']>;
export type RawGeoBBox = NonNullable<ApiTable['geoBBox']>;
export type RawVariable = ApiVariable;
export type RawStatistics = ApiStatistics;
export type RawWorkflow = ApiWorkflow;
