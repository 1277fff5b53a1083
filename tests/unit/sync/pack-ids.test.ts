import { expect, it } from 'vitest';
import { packIds, unpackIds } from '../../../lib/sync/pack-ids';
import { prng } from './random-states';

it('packs ids to sorted base-36 deltas and back, four-digit suffixes kept apart', () => {
  const ids = ['2511.00417', '0704.0001', '2511.00001', '0704.00001', '2512.10000'];
  const packed = packIds(ids);
  expect(unpackIds(packed)).toEqual([...ids].sort());
  expect(unpackIds(packIds([]))).toEqual([]);
});

it('round-trips random ids and spends about four bytes a paper on a day of reading', () => {
  const rand = prng(7);
  const ids = new Set<string>();
  while (ids.size < 300) ids.add(`2511.${String(Math.floor(rand() * 20_000)).padStart(5, '0')}`);
  const packed = packIds([...ids]);
  expect(unpackIds(packed)).toEqual([...ids].sort());
  expect(packed.length / ids.size).toBeLessThan(4);
});

it('refuses text that is not a packed list', () => {
  expect(unpackIds('1,2,-3')).toBeNull();
  expect(unpackIds('zzzzzzzzzzz')).toBeNull();
  expect(unpackIds('1,,2')).toBeNull();
});
