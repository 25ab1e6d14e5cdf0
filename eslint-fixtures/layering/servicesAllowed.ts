// Linted as a file in electron/services/: the contract, another service and libraries are fine.
import { z } from 'zod';
import { fail } from '../../../shared/contract/errors';
import { RedivisApiClient } from '../redivis/apiClient';

export const parts = [z, fail, RedivisApiClient];
