// Linted as a file in shared/contract/: other shared files and libraries are fine.
import { tableFromIPC } from 'apache-arrow';
import { z } from 'zod';
import { fail } from './errors';
import { contentSecurityPolicy } from '../contentSecurityPolicy';

export const parts = [tableFromIPC, z, fail, contentSecurityPolicy];
