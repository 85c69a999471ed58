// What `common.version()` and `/web/webclient/version_info` answer (Odoo's `exp_version`).
// Clients test `server_version_info[0]` to pick the API they speak: we speak Odoo 17's.

export interface VersionInfo {
  server_version: string;
  server_version_info: [number, number, number, string, number, string];
  server_serie: string;
  protocol_version: number;
}

export function versionInfo(): VersionInfo {
  return {
    server_version: '17.0',
    server_version_info: [17, 0, 0, 'final', 0, ''],
    server_serie: '17.0',
    protocol_version: 1,
  };
}
