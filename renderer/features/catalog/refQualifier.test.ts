import { expect, it } from 'vitest';
import { refQualifier } from './refQualifier';

it('names the version and the sample of a reference, and nothing for the current version', () => {
  expect(refQualifier('demo.iris_species:v1_0.iris')).toBe('v1_0');
  expect(refQualifier('demo.iris_species:next.iris')).toBe('next');
  expect(refQualifier('demo.iris_species:sample.iris')).toBe('sample');
  expect(refQualifier('demo.ghcn:7br5:sample:v2_1')).toBe('sample · v2_1');
  expect(refQualifier('demo.iris_species.iris')).toBeUndefined();
  expect(refQualifier('demo.iris_species:7br5.iris:x1y2')).toBeUndefined();
});
