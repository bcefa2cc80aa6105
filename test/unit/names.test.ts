import { nameKey, nameKeys } from '../../src/graph/names';

describe('name keys', () => {
  it.each([
    ['Aleksandar Vučić', 'aleksandar vucic'],
    ['  Avdullah   HOTI ', 'avdullah hoti'],
    ['Robert O’Brien', "robert o'brien"],
    ['Serbia–Kosovo', 'serbia-kosovo'],
  ])('%j compares as %j', (name, key) => expect(nameKey(name)).toBe(key));

  it('drops duplicates and empty names', () => {
    expect(nameKeys(['Vučić', 'Vucic', ' ', 'vucic'])).toEqual(['vucic']);
  });
});
