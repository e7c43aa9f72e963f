/** Text from a file's bytes: UTF-8 when it is valid UTF-8, else Windows-1252 (older SSB and Excel CSV files). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
