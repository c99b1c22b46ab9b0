#!/usr/bin/env bash
# Nightly online backup of the store (run by vitrina-backup.service; by hand: sudo, same env).
#
# `edge-server/src/cli/backup.ts` (= npm run backup) writes a consistent snapshot of the SQLite
# database while the server keeps writing (VACUUM INTO from a short-lived connection; no sqlite3
# CLI needed), the install secret, demo.json on a demo store and a manifest (sizes, SHA-256,
# integrity_check) into $BACKUP_DIR/<UTC stamp>/. Then the backup is proven restorable
# (`restore.ts --check`: manifest re-read from disk, integrity_check, quick_check and schema
# version on a throwaway copy) and only the last $BACKUP_KEEP complete backups are kept.
#
# A backup holds every shopper's personal data and the HMAC secret: folders 0700, files 0600,
# owned by root. Restore: deploy/README.md.
set -euo pipefail
app=$(cd "$(dirname "$0")/../.." && pwd)
export DATA_DIR=${DATA_DIR:-/var/lib/vitrina}
dest=${BACKUP_DIR:-/var/backups/vitrina}
keep=${BACKUP_KEEP:-14}
verify=${BACKUP_VERIFY:-1}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$dest"
chmod 700 "$dest"
cd "$app"
node --import tsx edge-server/src/cli/backup.ts "$dest/$stamp"
if [ "$verify" = 1 ]; then
  node --import tsx edge-server/src/cli/restore.ts --check "$dest/$stamp"
fi
# Rotation. A folder without manifest.json is a backup that did not finish (the command removes
# its own on failure; a power cut may not): never counted, removed once a day old. Of the
# complete ones, the newest $keep stay.
find "$dest" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T[0-9]*Z' -mmin +1440 \
  ! -exec test -f '{}/manifest.json' ';' -exec rm -rf -- '{}' +
find "$dest" -mindepth 2 -maxdepth 2 -name manifest.json -printf '%h\n' \
  | grep -E '/[0-9]{8}T[0-9]{6}Z$' | sort | head -n -"$keep" | xargs -r rm -rf --
