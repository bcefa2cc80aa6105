/** The embassy status an embassy candidate records when accepted: a closure, a reopening, an opening or a pledge. */
export function embassyStatus(claim: string, role: string | null): 'CLOSED' | 'REOPENED' | 'OPENED' | 'PLEDGED' {
  if (claim === 'ENDED') return 'CLOSED';
  if (claim === 'DONE') return role === 'reopened' ? 'REOPENED' : 'OPENED';
  return 'PLEDGED';
}
